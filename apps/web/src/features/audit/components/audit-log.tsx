import { AUDIT_SOURCES, type AuditEvent } from "@partner-hub/shared";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable, type Column } from "../../../components/ui/data-table.tsx";
import {
  FilteredEmptyState,
  ListResults,
  ListUpdating,
  useClampPage,
} from "../../../components/ui/list-results.tsx";
import { SelectField } from "../../../components/ui/select-field.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { Truncate } from "../../../components/ui/truncate.tsx";
import { paths } from "../../../config/paths.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { hasActiveFilters } from "../../../lib/list-url-state.ts";
import { useAudit } from "../api/get-audit.ts";
import { useAuditListState } from "../hooks/use-audit-list-state.ts";
import { AdminAuditChanges } from "./admin-audit-changes.tsx";
import { AuditChanges } from "./audit-changes.tsx";
import { AuditAction, AuditSource } from "./audit-labels.tsx";

/** A customer's audit log, or without `customerId` the partner-level one (with a customer column). */
export function AuditLog({ customerId }: { customerId?: string }) {
  const { t, i18n } = useTranslation();
  const { state, update, reset, query } = useAuditListState();
  const audit = useAudit(customerId, query);
  const data = audit.data;

  useClampPage(audit, { state, update });

  const columns = useMemo<Column<AuditEvent>[]>(
    () => [
      {
        id: "when",
        header: t("audit.columns.when"),
        width: "8.5rem",
        priority: 1,
        cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>,
      },
      {
        id: "who",
        header: t("audit.columns.who"),
        width: "18%",
        priority: 3,
        // Rows run to several lines (the changes): emails wrap there rather than end in "…".
        cell: (e) => <span className="cell-wrap">{e.actorEmail || t("audit.system")}</span>,
      },
      ...(customerId
        ? []
        : [
            {
              id: "customer",
              header: t("audit.columns.customer"),
              width: "12%",
              cell: (e: AuditEvent) =>
                e.customerName ? (
                  <Truncate text={e.customerName} />
                ) : (
                  <span className="muted">{t("audit.partnerLevel")}</span>
                ),
            },
          ]),
      {
        id: "user",
        header: customerId ? t("audit.columns.user") : t("audit.columns.whom"),
        width: "24%",
        priority: 1,
        cell: (e) =>
          e.userId && e.customerId && e.action !== "user.removed" ? (
            <Link
              to={paths.controlHub.user.getHref(e.customerId, e.userId)}
              className="table-link"
              title={e.userEmail}
            >
              <span className="cell-wrap">{e.userEmail}</span>
            </Link>
          ) : (
            <span className="cell-wrap">{e.userEmail}</span>
          ),
      },
      {
        id: "action",
        header: t("audit.columns.action"),
        width: "9rem",
        cell: (e) => <AuditAction action={e.action} />,
      },
      {
        id: "source",
        header: t("audit.columns.source"),
        width: "9%",
        priority: 3,
        cell: (e) => <AuditSource event={e} />,
      },
      {
        id: "changes",
        header: t("audit.columns.changes"),
        cell: (e) =>
          e.action.startsWith("admin.") ? (
            <AdminAuditChanges event={e} />
          ) : (
            <AuditChanges event={e} />
          ),
      },
    ],
    [t, i18n.language, customerId],
  );

  const filtered = hasActiveFilters(state);

  return (
    <div className="list audit-log">
      <div className="toolbar" role="search">
        <SelectField
          label={t("audit.sourceFilter")}
          value={state.filters.source ?? ""}
          allLabel={t("audit.allSources")}
          options={AUDIT_SOURCES.map((s) => ({ value: s, label: t(`audit.sources.${s}`) }))}
          onChange={(value) =>
            update({ filters: { source: AUDIT_SOURCES.find((s) => s === value) } })
          }
        />
        <ListUpdating query={audit} />
      </div>

      <ListResults
        query={audit}
        paging={{ state, update }}
        empty={
          filtered ? (
            <FilteredEmptyState title={t("audit.emptyFiltered")} onClear={reset} />
          ) : (
            <EmptyState title={t("audit.empty")} hint={t("audit.emptyHint")} />
          )
        }
      >
        <DataTable
          label={t("audit.tableLabel")}
          minWidth="56rem"
          columns={columns}
          rows={data?.items}
          getRowKey={(e) => e.id}
          isLoading={audit.isPending}
          isStale={audit.isPlaceholderData}
          skeletonRows={Math.min(state.pageSize, 12)}
        />
      </ListResults>
    </div>
  );
}
