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
import { PackageList } from "./package-list.tsx";

type CustomerSort = "name" | "externalId" | "status" | "userCount" | "createdAt";

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
        width: "24%",
        cell: (c) => (
          <button
            type="button"
            className="link-button"
            title={c.name}
            aria-label={t("customers.openDetails", { name: c.name })}
            aria-pressed={selectedId === c.id}
            onClick={() => onSelect(c)}
          >
            <span className="truncate">{c.name}</span>
          </button>
        ),
      },
      {
        id: "externalId",
        header: t("customers.columns.externalId"),
        sortKey: "externalId",
        width: "12%",
        cell: (c) => <Truncate text={c.externalId} />,
      },
      {
        id: "status",
        header: t("customers.columns.status"),
        sortKey: "status",
        width: "11rem",
        cell: (c) => <CustomerStatusBadge status={c.status} />,
      },
      {
        id: "packages",
        header: t("customers.columns.packages"),
        cell: (c) => <PackageList packages={c.packages} />,
      },
      {
        id: "userCount",
        header: t("customers.columns.users"),
        sortKey: "userCount",
        width: "7rem",
        align: "end",
        cell: (c) => formatNumber(c.userCount, i18n.language),
      },
      {
        id: "createdAt",
        header: t("customers.columns.created"),
        sortKey: "createdAt",
        width: "14%",
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
          minWidth="56rem"
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
