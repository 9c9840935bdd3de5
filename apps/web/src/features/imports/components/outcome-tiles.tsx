import { ROW_OUTCOMES, type ImportCounts } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format.ts";

/** Counts per outcome as tiles; error and skipped stand out when they are not zero. */
export function OutcomeTiles({ counts }: { counts: ImportCounts }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="outcome-tiles" aria-label={t("imports.preview.countsLabel")}>
      {ROW_OUTCOMES.map((outcome) => {
        const value = counts[outcome];
        return (
          <li
            key={outcome}
            className={`outcome-tile outcome-tile--${outcome}${value > 0 ? " outcome-tile--nonzero" : ""}`}
          >
            <span className="outcome-tile__value">{formatNumber(value, i18n.language)}</span>
            <span className="outcome-tile__label">{t(`imports.outcome.${outcome}`)}</span>
          </li>
        );
      })}
    </ul>
  );
}
