import type { ImportSummary } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format.ts";
import { importProgress } from "../import-progress.ts";

/** processedRows of rowsToApply as a native-feeling progress bar with its numbers beside it. */
export function ImportProgressBar({
  summary,
  compact = false,
}: {
  summary: Pick<ImportSummary, "status" | "processedRows" | "rowsToApply" | "fileName">;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { done, total, percent } = importProgress(summary);
  const n = (v: number) => formatNumber(v, i18n.language);
  const text = t("imports.progress.rows", { done: n(done), total: n(total) });
  return (
    <div className={`import-progress${compact ? " import-progress--compact" : ""}`}>
      <div
        className="import-progress__track"
        role="progressbar"
        aria-label={t("imports.progress.label", { fileName: summary.fileName })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} % · ${text}`}
      >
        <div
          className={`import-progress__bar import-progress__bar--${summary.status}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <span className="import-progress__text">
        {compact ? `${percent} %` : `${percent} % · ${text}`}
      </span>
    </div>
  );
}
