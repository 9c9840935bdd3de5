import { AUDIT_SOURCES, type AuditEvent } from "@partner-hub/shared";
import { useId, useMemo, useState } from "react";
import { useDebouncedEffect } from "../../../hooks/use-debounced-callback.ts";
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
import { auditCsvHref, useAudit } from "../api/get-audit.ts";
import { useAuditListState } from "../hooks/use-audit-list-state.ts";
import { AdminAuditChanges } from "./admin-audit-changes.tsx";
import { AuditChanges } from "./audit-changes.tsx";
import { AuditAction, AuditSource } from "./audit-labels.tsx";
import "./audit.css";

/** A customer's audit log, or without `customerId` the partner-level one (with a customer column). */
export function AuditLog({ customerId }: { customerId?: string }) {
  const { t, i18n } = useTranslation();
  const { state, update, reset, query, filters } = useAuditListState();
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
        cell: (e) => <AuditSource event={e} link />,
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
      <div className="toolbar audit-log__filters" role="search">
        <AuditDateField
          label={t("audit.filters.from")}
          value={state.filters.from}
          max={state.filters.to}
          onChange={(from) => update({ filters: { ...state.filters, from } })}
        />
        <AuditDateField
          label={t("audit.filters.to")}
          value={state.filters.to}
          min={state.filters.from}
          onChange={(to) => update({ filters: { ...state.filters, to } })}
        />
        <AuditTextFilter
          label={t("audit.filters.actor")}
          placeholder={t("audit.filters.actorPlaceholder")}
          value={state.filters.actor ?? ""}
          onSearch={(actor) => update({ filters: { ...state.filters, actor: actor || undefined } })}
        />
        <AuditTextFilter
          label={t("audit.filters.user")}
          placeholder={t("audit.filters.userPlaceholder")}
          value={state.filters.user ?? ""}
          onSearch={(user) => update({ filters: { ...state.filters, user: user || undefined } })}
        />
        <SelectField
          label={t("audit.sourceFilter")}
          value={state.filters.source ?? ""}
          allLabel={t("audit.allSources")}
          options={AUDIT_SOURCES.map((s) => ({ value: s, label: t(`audit.sources.${s}`) }))}
          onChange={(value) =>
            update({
              filters: { ...state.filters, source: AUDIT_SOURCES.find((s) => s === value) },
            })
          }
        />
        {filtered && (
          <button type="button" className="link-button" onClick={reset}>
            {t("audit.filters.clear")}
          </button>
        )}
        <ListUpdating query={audit} />
        {/* The same filters, as a file: what is on screen, every page of it. */}
        <a
          className="button button--secondary audit-log__export"
          href={auditCsvHref(customerId, filters)}
          download
        >
          {t("audit.exportCsv")}
        </a>
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

/** A day of the date range; "" (the input cleared) removes that end of the range. */
function AuditDateField({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  value: string | undefined;
  min?: string;
  max?: string;
  onChange: (day: string | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="field field--inline">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="date"
        className="input audit-log__date"
        value={value ?? ""}
        min={min}
        max={max}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    </div>
  );
}

const TEXT_FILTER_DEBOUNCE_MS = 300;

/**
 * Part of an email to look for, labelled on screen (two of these sit side by side, so a
 * placeholder alone would not say which is which); reported once typing pauses. When the URL
 * changes it from outside (back, "Clear filters") the box follows.
 */
function AuditTextFilter({
  label,
  placeholder,
  value,
  onSearch,
}: {
  label: string;
  placeholder: string;
  value: string;
  onSearch: (value: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (value !== committed) {
    setCommitted(value);
    setDraft(value);
  }
  useDebouncedEffect(draft, TEXT_FILTER_DEBOUNCE_MS, (text) => {
    if (text.trim() !== value) onSearch(text.trim());
  });
  return (
    <div className="field field--inline">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="input audit-log__text"
        placeholder={placeholder}
        value={draft}
        maxLength={200}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onSearch(draft.trim());
        }}
      />
    </div>
  );
}
