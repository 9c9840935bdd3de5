import type { ImportPreview as ImportPreviewData } from "@partner-hub/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { paths } from "../../../config/paths.ts";
import { formatDateTime, formatNumber } from "../../../lib/format.ts";
import { useProblemText } from "../../../lib/problem-message.ts";
import { importErrorsCsvHref } from "../api/import-downloads.ts";
import { isImportActive } from "../import-progress.ts";
import { BehaviourLabel } from "./behaviour-label.tsx";
import { ImportProgressBar } from "./import-progress-bar.tsx";
import { ImportRowResults } from "./import-row-results.tsx";
import { ImportStatusBadge } from "./import-status-badge.tsx";
import { OutcomeTiles } from "./outcome-tiles.tsx";
import "./imports.css";

/**
 * One import as a task: its summary, a live progress bar while the worker has it, then the
 * applied/failed counts and every row's result. A previewed import still shows its preview,
 * so a task opened from the list can be confirmed here.
 */
export function ImportTask({ customerId, task }: { customerId: string; task: ImportPreviewData }) {
  const { t, i18n } = useTranslation();
  const say = useProblemText();
  const queryClient = useQueryClient();
  const active = isImportActive(task.status);
  const n = (v: number) => formatNumber(v, i18n.language);

  // When the task finishes, the users list, seat counts and audit log have changed under us.
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active)
      void queryClient.invalidateQueries({ queryKey: ["customers", "detail", customerId] });
    wasActive.current = active;
  }, [active, customerId, queryClient]);

  // A preview is not a task yet: it lives at its own URL.
  if (task.status === "previewed")
    return <Navigate replace to={paths.controlHub.importPreview.getHref(customerId, task.id)} />;

  const hasErrorRows = task.counts.error > 0 || task.failedRows > 0;
  const finished = task.status === "completed" || task.status === "failed";

  return (
    <div className="import-task">
      <section className="card" aria-labelledby="task-summary-title">
        <div className="task-summary__head">
          <h2 id="task-summary-title" className="card__title">
            {t("imports.task.summary")}
          </h2>
          <ImportStatusBadge status={task.status} />
        </div>
        <dl className="task-facts">
          <div>
            <dt>{t("imports.tasks.columns.behaviour")}</dt>
            <dd>
              <BehaviourLabel behaviour={task.behaviour} />
              {task.applyValidRowsOnly && (
                <span className="muted"> · {t("imports.task.validRowsOnly")}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("imports.task.rowsInFile")}</dt>
            <dd>{n(task.totalRows)}</dd>
          </div>
          <div>
            <dt>{t("imports.tasks.columns.startedBy")}</dt>
            <dd className="task-facts__wrap">{task.createdByEmail}</dd>
          </div>
          <div>
            <dt>{t("imports.task.uploaded")}</dt>
            <dd>{formatDateTime(task.createdAt, i18n.language)}</dd>
          </div>
          {task.finishedAt && (
            <div>
              <dt>{t("imports.task.finished")}</dt>
              <dd>{formatDateTime(task.finishedAt, i18n.language)}</dd>
            </div>
          )}
        </dl>

        <div className="task-progress">
          <ImportProgressBar summary={task} />
          {active && (
            <p className="task-progress__note" role="status">
              {t("imports.task.leaveNote")}
            </p>
          )}
          {finished && (
            <p
              className={`task-result task-result--${task.failedRows > 0 || task.status === "failed" ? "warning" : "success"}`}
              role="status"
            >
              {task.status === "failed"
                ? t("imports.task.failed", { reason: task.failure ? say(task.failure) : "" })
                : t("imports.task.completed", {
                    applied: n(task.appliedRows),
                    failed: n(task.failedRows),
                    count: task.appliedRows,
                  })}
            </p>
          )}
        </div>

        {finished && (
          <ul
            className="outcome-tiles outcome-tiles--result"
            aria-label={t("imports.task.resultLabel")}
          >
            <li className="outcome-tile outcome-tile--add outcome-tile--nonzero">
              <span className="outcome-tile__value">{n(task.appliedRows)}</span>
              <span className="outcome-tile__label">{t("imports.task.applied")}</span>
            </li>
            <li
              className={`outcome-tile outcome-tile--error${task.failedRows > 0 ? " outcome-tile--nonzero" : ""}`}
            >
              <span className="outcome-tile__value">{n(task.failedRows)}</span>
              <span className="outcome-tile__label">{t("imports.task.failedRows")}</span>
            </li>
          </ul>
        )}

        <h3 className="task-section-title">{t("imports.task.previewCounts")}</h3>
        <OutcomeTiles counts={task.counts} />
        {hasErrorRows && (
          <p className="task-export">
            <a
              className="button button--secondary"
              href={importErrorsCsvHref(customerId, task.id)}
              download
            >
              {t("imports.exportErrors")}
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="task-rows-title" className="task-rows">
        <h2 id="task-rows-title" className="section-title">
          {t("imports.rows.title")}
        </h2>
        <ImportRowResults customerId={customerId} importId={task.id} live={active} />
      </section>
    </div>
  );
}
