import {
  PACKAGES,
  USER_STATUSES,
  packageById,
  type Customer,
  type User,
} from "@partner-hub/shared";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { paths } from "../../../config/paths.ts";
import { DataTable, type Column } from "../../../components/ui/data-table.tsx";
import {
  ListEmptyState,
  ListResults,
  ListUpdating,
  useClampPage,
} from "../../../components/ui/list-results.tsx";
import { SearchField } from "../../../components/ui/search-field.tsx";
import { useArrivalNotice } from "../../../hooks/use-arrival-notice.ts";
import { SelectField } from "../../../components/ui/select-field.tsx";
import { Truncate } from "../../../components/ui/truncate.tsx";
import { hasActiveFilters, nextSort } from "../../../lib/list-url-state.ts";
import { useUsers } from "../api/get-users.ts";
import { getAllMatchingUsers } from "../api/bulk-users.ts";
import { pageState, togglePage, toggleRows, type Selection } from "../user-selection.ts";
import { BulkActions } from "./bulk-actions.tsx";
import { useUsersListState, type UserSort } from "../hooks/use-users-list-state.ts";
import { UserStatusBadge } from "./user-status-badge.tsx";
import { formatPhoneNumber } from "../../../lib/phone.ts";

const optional = (value: string | null) =>
  value ? <Truncate text={value} /> : <span className="muted">—</span>;

/**
 * `customer` (its packages) and `canWrite` come from the route: the selection and its actions
 * are for those who may change users; the read-only role sees the plain list. `locations` are
 * the customer's, for the location filter.
 */
export function UsersList({
  customerId,
  customer,
  canWrite,
  locations = [],
}: {
  customerId: string;
  customer?: Customer | undefined;
  canWrite: boolean;
  /** The customer's locations, for the location filter. */
  locations?: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state, update, reset, query } = useUsersListState();
  const users = useUsers(customerId, query);
  const data = users.data;
  // Removed on the user's page, which comes back here.
  const [removedName] = useArrivalNotice("removed");
  const [selection, setSelection] = useState<Selection>(new Map());
  const [selectingAll, setSelectingAll] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const anchor = useRef<number | null>(null);
  // A new search or filter is a new set of matches: the selection made for the old one goes.
  const matchKey = JSON.stringify([query.search, query.package, query.status]);
  const [selectionKey, setSelectionKey] = useState(matchKey);
  if (selectionKey !== matchKey) {
    setSelectionKey(matchKey);
    setSelection(new Map());
  }
  const page = data?.items ?? [];

  useClampPage(users, { state, update });

  const columns = useMemo<Column<User, UserSort>[]>(
    () => [
      {
        id: "name",
        header: t("users.columns.name"),
        sortKey: "name",
        width: "12rem",
        priority: 1,
        cell: (u) => (
          <Link
            to={paths.controlHub.user.getHref(customerId, u.id)}
            className="table-link"
            title={u.displayName}
          >
            <span className="truncate">{u.displayName}</span>
          </Link>
        ),
      },
      {
        id: "email",
        header: t("users.columns.email"),
        sortKey: "email",
        priority: 1,
        cell: (u) => <Truncate text={u.email} />,
      },
      {
        id: "package",
        header: t("users.columns.package"),
        sortKey: "package",
        width: "10rem",
        cell: (u) => <Truncate text={packageById(u.package).displayName} />,
      },
      {
        id: "status",
        header: t("users.columns.status"),
        sortKey: "status",
        width: "7.5rem",
        cell: (u) => <UserStatusBadge status={u.status} />,
      },
      {
        id: "phoneNumber",
        header: t("users.columns.phoneNumber"),
        width: "10.5rem",
        priority: 3,
        cell: (u) => optional(u.phoneNumber && formatPhoneNumber(u.phoneNumber)),
      },
      {
        id: "extension",
        header: t("users.columns.extension"),
        width: "6rem",
        priority: 3,
        cell: (u) => optional(u.extension),
      },
      {
        id: "location",
        header: t("users.columns.location"),
        width: "9rem",
        priority: 3,
        cell: (u) => optional(u.locationName),
      },
    ],
    [t, customerId],
  );

  const filtered = hasActiveFilters(state);

  const selectAllMatching = async () => {
    setSelectingAll(true);
    try {
      const all = await getAllMatchingUsers(customerId, query);
      setSelection(new Map(all.users.map((u) => [u.id, u])));
    } finally {
      setSelectingAll(false);
    }
  };

  return (
    <div className="list">
      {(done ?? removedName) && (
        <div className="alert alert--success page-alert" role="status">
          <p>{done ?? t("removeUser.done", { name: removedName })}</p>
        </div>
      )}
      <div className="toolbar" role="search">
        <SearchField
          label={t("users.searchLabel")}
          placeholder={t("users.searchPlaceholder")}
          value={state.search}
          onSearch={(search) => update({ search })}
        />
        <SelectField
          label={t("users.packageFilter")}
          value={state.filters.package ?? ""}
          allLabel={t("users.allPackages")}
          options={PACKAGES.map((p) => ({ value: p.id, label: p.displayName }))}
          onChange={(value) =>
            update({
              filters: { ...state.filters, package: PACKAGES.find((p) => p.id === value)?.id },
            })
          }
        />
        <SelectField
          label={t("users.statusFilter")}
          value={state.filters.status ?? ""}
          allLabel={t("users.allStatuses")}
          options={USER_STATUSES.map((s) => ({ value: s, label: t(`userStatus.${s}`) }))}
          onChange={(value) =>
            update({
              filters: { ...state.filters, status: USER_STATUSES.find((s) => s === value) },
            })
          }
        />
        {(locations.length > 0 || state.filters.location) && (
          <SelectField
            label={t("users.locationFilter")}
            value={state.filters.location ?? ""}
            allLabel={t("users.clearLocation")}
            options={locations.map((l) => ({ value: l.id, label: l.name }))}
            onChange={(value) =>
              update({ filters: { ...state.filters, location: value || undefined } })
            }
          />
        )}
        <ListUpdating query={users} />
      </div>
      {canWrite && selection.size > 0 && (
        <BulkActions
          customerId={customerId}
          customer={customer}
          selection={selection}
          pageAllSelected={page.length > 0 && pageState(selection, page) === "all"}
          total={data?.total ?? 0}
          selectingAll={selectingAll}
          onSelectAll={() => void selectAllMatching()}
          onClear={() => setSelection(new Map())}
          onDone={(message) => {
            setSelection(new Map());
            setDone(message);
          }}
        />
      )}

      <ListResults
        query={users}
        paging={{ state, update }}
        empty={
          <ListEmptyState list="users" filtered={filtered} search={state.search} onClear={reset} />
        }
      >
        <DataTable
          label={t("users.tableLabel")}
          // The selection column comes on top of the 60rem the text columns needed before it, so
          // the email column keeps its width in a 1024-pixel window.
          minWidth="66rem"
          columns={columns}
          rows={data?.items}
          getRowKey={(u) => u.id}
          sort={{ sort: state.sort, order: state.order }}
          onSort={(column) => update(nextSort(state, column))}
          onRowClick={(u) => void navigate(paths.controlHub.user.getHref(customerId, u.id))}
          isLoading={users.isPending}
          isStale={users.isPlaceholderData}
          skeletonRows={Math.min(state.pageSize, 12)}
          selection={
            canWrite
              ? {
                  isSelected: (u) => selection.has(u.id),
                  onToggle: (_u, index, { shiftKey }) => {
                    // Read now: the updater runs later, after the anchor has moved.
                    const from = anchor.current;
                    setSelection((s) => toggleRows(s, page, index, from, shiftKey));
                    anchor.current = index;
                    setDone(null);
                  },
                  page: pageState(selection, page),
                  onTogglePage: () => setSelection((s) => togglePage(s, page)),
                  rowLabel: (u) => t("bulk.selectRow", { name: u.displayName }),
                  pageLabel: t("bulk.selectPage"),
                }
              : undefined
          }
        />
      </ListResults>
    </div>
  );
}
