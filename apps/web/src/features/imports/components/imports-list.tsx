import type { ImportSummary } from "@partner-hub/shared";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { DataTable, type Column } from "../../../components/ui/data-table.tsx";
import { ListResults, useClampPage } from "../../../components/ui/list-results.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { Truncate } from "../../../components/ui/truncate.tsx";
import { paths } from "../../../config/paths.ts";
import { formatDateTime, formatNumber } from "../../../lib/format.ts";
import { useImports } from "../api/get-imports.ts";
import { useImportsListState } from "../hooks/use-imports-list-state.ts";
import { isImportActive } from "../import-progress.ts";
import { BehaviourLabel } from "./behaviour-label.tsx";
import { ImportProgressBar } from "./import-progress-bar.tsx";
import { ImportStatusBadge } from "./import-status-badge.tsx";
import { CountsSummary } from "./counts-summary.tsx";
import "./imports.css";

/** The Tasks page: every CSV import of the customer, newest first, polled while one runs. */
export function ImportsList({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { state, update, query } = useImportsListState();
  const imports = useImports(customerId, query);
  const data = imports.data;

  useClampPage(imports, { state, update });

  const columns = useMemo<Column<ImportSummary>[]>(
    () => [
      {
        id: "file",
        header: t("imports.tasks.columns.file"),
        width: "17%",
        priority: 1,
        cell: (i) => (
          <Link
            to={paths.controlHub.task.getHref(customerId, i.id)}
            className="table-link"
            title={i.fileName}
          >
            <span className="truncate">{i.fileName}</span>
          </Link>
        ),
      },
      {
        id: "behaviour",
        header: t("imports.tasks.columns.behaviour"),
        width: "14%",
        priority: 3,
        cell: (i) => (
          <span className="wrap-cell">
            <BehaviourLabel behaviour={i.behaviour} />
          </span>
        ),
      },
      {
        id: "state",
        header: t("imports.tasks.columns.state"),
        width: "10.5rem",
        cell: (i) => <ImportStatusBadge status={i.status} />,
      },
      {
        id: "counts",
        header: t("imports.tasks.columns.counts"),
        width: "20%",
        cell: (i) => <CountsSummary summary={i} />,
      },
      {
        id: "progress",
        header: t("imports.tasks.columns.progress"),
        width: "13%",
        priority: 3,
        cell: (i) =>
          i.status === "previewed" || i.status === "discarded" ? (
            <span className="muted">—</span>
          ) : i.status === "completed" || i.status === "failed" ? (
            <span className="wrap-cell">
              {t("imports.tasks.appliedFailed", {
                applied: formatNumber(i.appliedRows, i18n.language),
                failed: formatNumber(i.failedRows, i18n.language),
              })}
            </span>
          ) : (
            <ImportProgressBar summary={i} compact />
          ),
      },
      {
        id: "startedBy",
        header: t("imports.tasks.columns.startedBy"),
        cell: (i) => (
          <span className="stacked-cell">
            <Truncate text={i.createdByEmail} />
            <time dateTime={i.createdAt} className="muted">
              {formatDateTime(i.createdAt, i18n.language)}
            </time>
          </span>
        ),
      },
    ],
    [t, i18n.language, customerId],
  );

  const anyActive = data?.items.some((i) => isImportActive(i.status)) ?? false;

  return (
    <div className="list">
      {anyActive && (
        <div className="toolbar">
          <span className="toolbar__status toolbar__status--start" role="status">
            {t("imports.tasks.runningNote")}
          </span>
        </div>
      )}
      <ListResults
        query={imports}
        paging={{ state, update }}
        empty={
          <EmptyState
            title={t("imports.tasks.empty")}
            hint={t("imports.tasks.emptyHint")}
            action={
              <Link
                to={paths.controlHub.importUsers.getHref(customerId)}
                className="button button--secondary"
              >
                {t("users.csvAddOrEdit")}
              </Link>
            }
          />
        }
      >
        <DataTable
          label={t("imports.tasks.tableLabel")}
          minWidth="52rem"
          columns={columns}
          rows={data?.items}
          getRowKey={(i) => i.id}
          onRowClick={(i) => void navigate(paths.controlHub.task.getHref(customerId, i.id))}
          isLoading={imports.isPending}
          isStale={imports.isPlaceholderData}
          skeletonRows={Math.min(state.pageSize, 8)}
        />
      </ListResults>
    </div>
  );
}
