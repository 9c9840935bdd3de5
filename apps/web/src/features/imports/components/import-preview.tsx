import {
  ROW_OUTCOMES,
  RowOutcomeSchema,
  type ImportPreview as ImportPreviewData,
  type RowOutcome,
} from "@partner-hub/shared";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { SearchField } from "../../../components/ui/search-field.tsx";
import { SelectField } from "../../../components/ui/select-field.tsx";
import { paths } from "../../../config/paths.ts";
import { formatDateTime, formatNumber } from "../../../lib/format.ts";
import { useProblemText } from "../../../lib/problem-message.ts";
import { useApplyImport } from "../api/apply-import.ts";
import { useDiscardImport } from "../api/discard-import.ts";
import { importErrorsCsvHref } from "../api/import-downloads.ts";
import { BehaviourLabel } from "./behaviour-label.tsx";
import { ImportPlanTable } from "./import-plan-table.tsx";
import { OutcomeTiles } from "./outcome-tiles.tsx";
import { ImportProblemAlert } from "./problem-alert.tsx";
import { ProblemRowsTable } from "./problem-rows-table.tsx";
import { RemovalConfirmDialog } from "./removal-confirm-dialog.tsx";
import "./imports.css";

/**
 * The server's verdict on a file before anything changes — the plan (spec §6): counts per
 * outcome as tiles that filter it, every row with what it does, and the way on. While any row has
 * an error, only "Apply valid rows only" applies anything; a plan that removes users is
 * confirmed first. The filter and search live in the URL, so a reload shows the same view.
 */
export function ImportPreview({
  customerId,
  preview,
  canWrite,
}: {
  customerId: string;
  preview: ImportPreviewData;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const say = useProblemText();
  const navigate = useNavigate();
  const apply = useApplyImport(customerId, preview.id);
  const discard = useDiscardImport(customerId, preview.id);
  const [params, setParams] = useSearchParams();
  const outcome = RowOutcomeSchema.safeParse(params.get("outcome")).data;
  const search = params.get("q") ?? "";
  const [confirming, setConfirming] = useState<{ applyValidRowsOnly: boolean } | null>(null);
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

  const setFilter = (next: { outcome?: RowOutcome | undefined; q?: string }) => {
    const updated = new URLSearchParams(params);
    const o = "outcome" in next ? next.outcome : outcome;
    const q = next.q ?? search;
    if (o) updated.set("outcome", o);
    else updated.delete("outcome");
    if (q) updated.set("q", q);
    else updated.delete("q");
    setParams(updated, { replace: true });
  };

  const run = (applyValidRowsOnly: boolean) =>
    apply.mutate(
      { applyValidRowsOnly },
      {
        onSuccess: (summary) =>
          void navigate(paths.controlHub.task.getHref(customerId, summary.id)),
        onSettled: () => setConfirming(null),
      },
    );
  // Removing people cannot be undone: a plan that removes anyone is confirmed first.
  const start = (applyValidRowsOnly: boolean) =>
    counts.remove > 0 ? setConfirming({ applyValidRowsOnly }) : run(applyValidRowsOnly);

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
          <p className="muted">
            {t("imports.preview.uploadedBy", {
              who: preview.createdByEmail,
              when: formatDateTime(preview.createdAt, i18n.language),
            })}
          </p>
        </div>
        <OutcomeTiles
          counts={counts}
          selected={outcome}
          onSelect={(o) => setFilter({ outcome: o })}
        />
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

      <div className="card card--flush">
        <h3 className="card__title import-preview__subtitle">{t("imports.plan.title")}</h3>
        <div className="plan-toolbar" role="search">
          <SelectField
            label={t("imports.rows.outcomeFilter")}
            value={outcome ?? ""}
            allLabel={t("imports.rows.allOutcomes")}
            options={ROW_OUTCOMES.map((o) => ({ value: o, label: t(`imports.outcome.${o}`) }))}
            onChange={(value) => setFilter({ outcome: ROW_OUTCOMES.find((o) => o === value) })}
          />
          <SearchField
            label={t("imports.plan.searchLabel")}
            placeholder={t("imports.plan.searchPlaceholder")}
            value={search}
            onSearch={(q) => setFilter({ q })}
          />
        </div>
        <ImportPlanTable
          customerId={customerId}
          importId={preview.id}
          outcome={outcome}
          search={search}
        />
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
      {discard.isError && (
        <ImportProblemAlert
          customerId={customerId}
          error={discard.error}
          title={t("imports.preview.discardRefused")}
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
                onClick={() => start(false)}
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
                  onClick={() => start(true)}
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
            <button
              type="button"
              className="button button--ghost"
              disabled={discard.isPending}
              onClick={() =>
                discard.mutate(undefined, {
                  onSuccess: () => void navigate(paths.controlHub.importUsers.getHref(customerId)),
                })
              }
            >
              {t("imports.preview.cancel")}
            </button>
          </div>
        </div>
      )}
      <RemovalConfirmDialog
        customerId={customerId}
        importId={preview.id}
        count={counts.remove}
        open={confirming !== null}
        pending={apply.isPending}
        onConfirm={() => confirming && run(confirming.applyValidRowsOnly)}
        onCancel={() => setConfirming(null)}
      />
    </section>
  );
}
