import type { ImportPreview as ImportPreviewData, ImportSummary } from "@partner-hub/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "../../../config/paths.ts";
import { formatNumber } from "../../../lib/format.ts";
import { importErrorsCsvHref } from "../api/import-downloads.ts";
import { useApplyImport } from "../api/apply-import.ts";
import { BehaviourLabel } from "./behaviour-label.tsx";
import { OutcomeTiles } from "./outcome-tiles.tsx";
import { ImportProblemAlert } from "./problem-alert.tsx";
import { ProblemRowsTable } from "./problem-rows-table.tsx";
import { useProblemText } from "../../../lib/problem-message.ts";

/**
 * The server's verdict on a file before anything changes (spec §6): counts per outcome, file
 * warnings, every problem row, and the way on. While any row has an error, only "Apply valid
 * rows only" applies anything.
 */
export function ImportPreview({
  customerId,
  preview,
  canWrite,
  onApplied,
}: {
  customerId: string;
  preview: ImportPreviewData;
  canWrite: boolean;
  onApplied: (summary: ImportSummary) => void;
}) {
  const { t, i18n } = useTranslation();
  const say = useProblemText();
  const apply = useApplyImport(customerId, preview.id);
  const importHintId = useId();
  const validOnlyHintId = useId();
  const { counts } = preview;
  const n = (v: number) => formatNumber(v, i18n.language);
  const changes = counts.add + counts.modify + counts.remove;
  const hasErrors = counts.error > 0;
  const importBlocked = hasErrors
    ? t("imports.preview.importBlockedErrors", { count: counts.error, formatted: n(counts.error) })
    : changes === 0
      ? t("imports.preview.nothingToChange")
      : null;

  const run = (applyValidRowsOnly: boolean) =>
    apply.mutate({ applyValidRowsOnly }, { onSuccess: (summary) => onApplied(summary) });

  return (
    <section className="import-preview" aria-labelledby="import-preview-title">
      <div className="card">
        <div className="import-preview__head">
          <h2 id="import-preview-title" className="card__title">
            {t("imports.preview.title")}
          </h2>
          <p className="muted">
            {t("imports.preview.fileLine", {
              fileName: preview.fileName,
              rows: n(preview.totalRows),
              count: preview.totalRows,
            })}{" "}
            · <BehaviourLabel behaviour={preview.behaviour} />
          </p>
        </div>
        <OutcomeTiles counts={counts} />
        {preview.warnings.length > 0 && (
          <div className="alert alert--warning import-warnings">
            <p className="import-alert__title">{t("imports.preview.fileWarnings")}</p>
            <ul className="import-alert__list">
              {preview.warnings.map((w, i) => (
                <li key={i}>{say(w)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>

      {preview.problemRows.length > 0 ? (
        <div className="card card--flush">
          <h3 className="card__title import-preview__subtitle">{t("imports.problems.title")}</h3>
          <ProblemRowsTable rows={preview.problemRows} />
        </div>
      ) : (
        <p className="import-preview__clean">{t("imports.preview.noProblems")}</p>
      )}

      {apply.isError && (
        <ImportProblemAlert
          customerId={customerId}
          error={apply.error}
          title={t("imports.preview.applyRefused")}
        />
      )}

      {canWrite && preview.status === "previewed" && (
        <div className="import-actions">
          <div className="import-actions__main">
            <div className="import-action">
              <button
                type="button"
                className="button button--primary"
                disabled={importBlocked !== null || apply.isPending}
                aria-describedby={importBlocked ? importHintId : undefined}
                onClick={() => run(false)}
              >
                {t("imports.preview.import")}
              </button>
              {importBlocked && (
                <p id={importHintId} className="import-action__hint">
                  {importBlocked}
                </p>
              )}
            </div>
            {hasErrors && (
              <div className="import-action">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={changes === 0 || apply.isPending}
                  aria-describedby={validOnlyHintId}
                  onClick={() => run(true)}
                >
                  {t("imports.preview.applyValidOnly")}
                </button>
                <p id={validOnlyHintId} className="import-action__hint">
                  {changes === 0
                    ? t("imports.preview.noValidRows")
                    : t("imports.preview.applyValidOnlyHint", {
                        count: counts.error,
                        formatted: n(counts.error),
                      })}
                </p>
              </div>
            )}
          </div>
          <div className="import-actions__side">
            {hasErrors && (
              <a
                className="button button--ghost"
                href={importErrorsCsvHref(customerId, preview.id)}
                download
              >
                {t("imports.exportErrors")}
              </a>
            )}
            <Link to={paths.controlHub.users.getHref(customerId)} className="button button--ghost">
              {t("imports.preview.cancel")}
            </Link>
          </div>
        </div>
      )}
    </section>
  );
}
