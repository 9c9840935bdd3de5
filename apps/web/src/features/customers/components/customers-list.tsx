import { CUSTOMER_STATUSES, type CustomerSummary } from "@partner-hub/shared";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type Column } from "../../../components/ui/data-table.tsx";
import {
  ListEmptyState,
  ListResults,
  ListUpdating,
  useClampPage,
} from "../../../components/ui/list-results.tsx";
import { SearchField } from "../../../components/ui/search-field.tsx";
import { SelectField } from "../../../components/ui/select-field.tsx";
import { Truncate } from "../../../components/ui/truncate.tsx";
import { formatDate, formatNumber } from "../../../lib/format.ts";
import { hasActiveFilters, nextSort } from "../../../lib/list-url-state.ts";
import { useCustomers } from "../api/get-customers.ts";
import { useCustomersListState } from "../hooks/use-customers-list-state.ts";
import { CustomerStatusBadge } from "./customer-status-badge.tsx";

type CustomerSort = "name" | "externalId" | "status" | "userCount" | "createdAt";

/** The id of a row's name button: closing the panel returns focus to the row that opened it. */
export function customerRowButtonId(customerId: string): string {
  return `customer-row-${customerId}`;
}

/** "1,234 / 2,000": users against the quotas added up; said in words to screen readers. */
function UsersOfQuota({ customer }: { customer: CustomerSummary }) {
  const { t, i18n } = useTranslation();
  const users = formatNumber(customer.userCount, i18n.language);
  const quota = formatNumber(customer.userQuota, i18n.language);
  const words = t("customers.usersOfQuota", { users, quota });
  return (
    <span className="users-of-quota" title={words}>
      <span aria-hidden="true">
        {users} <span className="muted">/ {quota}</span>
      </span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}

export function CustomersList({
  selectedId,
  onSelect,
}: {
  selectedId: string | null;
  onSelect: (customer: CustomerSummary) => void;
}) {
  const { t, i18n } = useTranslation();
  const { state, update, reset, query } = useCustomersListState();
  const customers = useCustomers(query);
  const data = customers.data;

  useClampPage(customers, { state, update });

  const columns = useMemo<Column<CustomerSummary, CustomerSort>[]>(
    () => [
      {
        id: "name",
        header: t("customers.columns.name"),
        sortKey: "name",
        width: "32%",
        priority: 1,
        cell: (c) => (
          <button
            type="button"
            id={customerRowButtonId(c.id)}
            className="link-button"
            title={c.name}
            aria-label={t("customers.openDetails", { name: c.name })}
            aria-pressed={selectedId === c.id}
            onClick={() => onSelect(c)}
          >
            {/* A name is how a row is known: it wraps (up to 80 characters) rather than ending in "…". */}
            <span className="cell-wrap">{c.name}</span>
          </button>
        ),
      },
      {
        id: "externalId",
        header: t("customers.columns.externalId"),
        sortKey: "externalId",
        width: "16%",
        cell: (c) => <Truncate text={c.externalId} />,
      },
      {
        id: "status",
        header: t("customers.columns.status"),
        sortKey: "status",
        width: "10rem",
        cell: (c) => <CustomerStatusBadge status={c.status} />,
      },
      // The packages offered are alike for most customers (they are in the panel); users against
      // the quotas tell them apart.
      {
        id: "userCount",
        header: t("customers.columns.usersOfQuota"),
        sortKey: "userCount",
        priority: 1,
        align: "end",
        cell: (c) => <UsersOfQuota customer={c} />,
      },
      {
        id: "createdAt",
        header: t("customers.columns.created"),
        sortKey: "createdAt",
        width: "9.5rem",
        priority: 3,
        cell: (c) => formatDate(c.createdAt, i18n.language),
      },
    ],
    [t, i18n.language, onSelect, selectedId],
  );

  const filtered = hasActiveFilters(state);

  return (
    <div className="list">
      <div className="toolbar" role="search">
        <SearchField
          label={t("customers.searchLabel")}
          placeholder={t("customers.searchPlaceholder")}
          value={state.search}
          onSearch={(search) => update({ search })}
        />
        <SelectField
          label={t("customers.statusFilter")}
          value={state.filters.status ?? ""}
          allLabel={t("customers.allStatuses")}
          options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`customerStatus.${s}`) }))}
          onChange={(value) =>
            update({
              filters: { status: value ? CUSTOMER_STATUSES.find((s) => s === value) : undefined },
            })
          }
        />
        <ListUpdating query={customers} />
      </div>

      <ListResults
        query={customers}
        paging={{ state, update }}
        empty={
          <ListEmptyState
            list="customers"
            filtered={filtered}
            search={state.search}
            onClear={reset}
          />
        }
      >
        <DataTable
          label={t("customers.tableLabel")}
          minWidth="44rem"
          columns={columns}
          rows={data?.items}
          getRowKey={(c) => c.id}
          sort={{ sort: state.sort, order: state.order }}
          onSort={(column) => update(nextSort(state, column))}
          onRowClick={onSelect}
          selectedKey={selectedId}
          isLoading={customers.isPending}
          isStale={customers.isPlaceholderData}
          skeletonRows={Math.min(state.pageSize, 12)}
        />
      </ListResults>
    </div>
  );
}
