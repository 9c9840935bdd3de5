import { ROW_OUTCOMES, type ImportRowResult } from "@partner-hub/shared";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type Column } from "../../../components/ui/data-table.tsx";
import {
  FilteredEmptyState,
  ListResults,
  useClampPage,
} from "../../../components/ui/list-results.tsx";
import { SelectField } from "../../../components/ui/select-field.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { formatNumber } from "../../../lib/format.ts";
import { hasActiveFilters } from "../../../lib/list-url-state.ts";
import { useImportRows } from "../api/get-import-rows.ts";
import { useImportRowsState } from "../hooks/use-import-rows-state.ts";
import { useProblemText } from "../../../lib/problem-message.ts";

/** Per-row results of a task (`/rows`), paginated, filtered by outcome or to failed rows. */
export function ImportRowResults({
  customerId,
  importId,
  live,
}: {
  customerId: string;
  importId: string;
  live: boolean;
}) {
  const { t, i18n } = useTranslation();
  const say = useProblemText();
  const failedId = useId();
  const { state, update, reset, query } = useImportRowsState();
  const rows = useImportRows(customerId, importId, query, {
    refetchInterval: live ? 2_000 : false,
  });
  const data = rows.data;

  useClampPage(rows, { state, update });

  const columns = useMemo<Column<ImportRowResult>[]>(
    () => [
      {
        id: "row",
        header: t("imports.problems.columns.row"),
        width: "5.5rem",
        priority: 1,
        align: "end",
        cell: (r) => formatNumber(r.rowNumber, i18n.language),
      },
      {
        id: "email",
        header: t("imports.problems.columns.email"),
        width: "26%",
        priority: 1,
        cell: (r) =>
          r.email ? <span className="wrap-cell">{r.email}</span> : <span className="muted">—</span>,
      },
      {
        id: "outcome",
        header: t("imports.problems.columns.outcome"),
        width: "9rem",
        cell: (r) => t(`imports.outcome.${r.outcome}`),
      },
      {
        id: "result",
        header: t("imports.rows.columns.result"),
        width: "9rem",
        cell: (r) => <RowResultText row={r} />,
      },
      {
        id: "messages",
        header: t("imports.problems.columns.message"),
        priority: 1,
        cell: (r) => {
          const messages = [
            ...(r.applyProblem ? [say(r.applyProblem)] : []),
            ...r.problems.map((p) => (p.column ? `${p.column}: ${say(p)}` : say(p))),
            ...r.skipped.map((s) => say(s)),
          ];
          return messages.length > 0 ? (
            <span className="row-messages">{messages.join(" ")}</span>
          ) : (
            <span className="muted">—</span>
          );
        },
      },
    ],
    [t, i18n.language, say],
  );

  return (
    <div className="list import-rows">
      <div className="toolbar" role="search">
        <SelectField
          label={t("imports.rows.outcomeFilter")}
          value={state.filters.outcome ?? ""}
          allLabel={t("imports.rows.allOutcomes")}
          options={ROW_OUTCOMES.map((o) => ({ value: o, label: t(`imports.outcome.${o}`) }))}
          onChange={(value) =>
            update({
              filters: { ...state.filters, outcome: ROW_OUTCOMES.find((o) => o === value) },
            })
          }
        />
        <div className="checkbox-field">
          <input
            id={failedId}
            type="checkbox"
            checked={state.filters.failed === "true"}
            onChange={(e) =>
              update({
                filters: { ...state.filters, failed: e.target.checked ? "true" : undefined },
              })
            }
          />
          <label htmlFor={failedId}>{t("imports.rows.failedOnly")}</label>
        </div>
      </div>
      <ListResults
        query={rows}
        paging={{ state, update }}
        empty={
          hasActiveFilters(state) ? (
            <FilteredEmptyState title={t("imports.rows.emptyFiltered")} onClear={reset} />
          ) : (
            <EmptyState title={t("imports.rows.empty")} />
          )
        }
      >
        <DataTable
          label={t("imports.rows.tableLabel")}
          minWidth="44rem"
          columns={columns}
          rows={data?.items}
          getRowKey={(r) => String(r.rowNumber)}
          isLoading={rows.isPending}
          isStale={rows.isPlaceholderData}
          skeletonRows={Math.min(state.pageSize, 8)}
        />
      </ListResults>
    </div>
  );
}

function RowResultText({ row }: { row: ImportRowResult }) {
  const { t } = useTranslation();
  if (row.applyProblem)
    return <span className="row-result row-result--failed">{t("imports.rows.result.failed")}</span>;
  if (row.applied)
    return (
      <span className="row-result row-result--applied">{t("imports.rows.result.applied")}</span>
    );
  return <span className="muted">{t("imports.rows.result.notApplied")}</span>;
}
