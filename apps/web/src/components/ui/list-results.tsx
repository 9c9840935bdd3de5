import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { pageRange, type PageSize } from "../../lib/list-url-state.ts";
import { Pagination } from "./pagination.tsx";
import { EmptyState, ErrorState } from "./states.tsx";

/** What the list pieces need of a TanStack query over one page of a list. */
export interface ListQuery {
  data: { items: readonly unknown[]; total: number } | undefined;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  refetch: () => Promise<unknown>;
}

/** The paging part of a list's URL state (`useListUrlState`). */
export interface ListPaging {
  state: { page: number; pageSize: PageSize };
  update: (patch: { page?: number; pageSize?: PageSize }, options?: { replace?: boolean }) => void;
}

/**
 * A page past the end (after a filter shrank the list, a row was removed, or an old link) moves
 * to the last page, replacing the history entry.
 */
export function useClampPage(query: ListQuery, { state, update }: ListPaging): void {
  const { data, isPlaceholderData } = query;
  const { pageSize } = state;
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && !isPlaceholderData) {
      update({ page: pageRange(1, pageSize, data.total).pageCount }, { replace: true });
    }
  }, [data, isPlaceholderData, pageSize, update]);
}

/** "Updating…" in a list toolbar while a new page loads over the one shown. */
export function ListUpdating({ query }: { query: ListQuery }) {
  const { t } = useTranslation();
  if (!query.isFetching || query.isPending) return null;
  return (
    <span className="toolbar__status" role="status">
      {t("table.updating")}
    </span>
  );
}

/** Nothing matches the search or filters: say so, with a way back to the whole list. */
export function FilteredEmptyState({
  title,
  hint,
  onClear,
}: {
  title: string;
  hint?: string;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={title}
      hint={hint}
      action={
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t("table.clearFilters")}
        </button>
      }
    />
  );
}

/**
 * The empty state of a searchable list: "no X match …" with a way to clear the filters when
 * filtered, otherwise the list's own empty message. Texts come from `<list>.empty*` keys.
 */
export function ListEmptyState({
  list,
  filtered,
  search,
  onClear,
}: {
  list: "customers" | "users";
  filtered: boolean;
  search: string | undefined;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  if (!filtered) return <EmptyState title={t(`${list}.empty`)} hint={t(`${list}.emptyHint`)} />;
  return (
    <FilteredEmptyState
      title={
        search ? t(`${list}.emptyFilteredQuery`, { query: search }) : t(`${list}.emptyFiltered`)
      }
      hint={t(`${list}.emptyFilteredHint`)}
      onClear={onClear}
    />
  );
}

/**
 * The body of a paged list: the load error when there is nothing to show, `empty` when the list
 * has no rows, otherwise the table (`children`), a refetch error under it and the pagination.
 */
export function ListResults({
  query,
  paging,
  empty,
  children,
}: {
  query: ListQuery;
  paging: ListPaging;
  empty: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { data } = query;
  const { state, update } = paging;
  const loadError = (
    <ErrorState
      title={t("table.loadErrorTitle")}
      error={query.error}
      onRetry={() => void query.refetch()}
    />
  );
  if (query.isError && !data) return loadError;
  if (data && data.total === 0) return <>{empty}</>;
  return (
    <>
      {children}
      {query.isError && loadError}
      {data && (
        <Pagination
          page={state.page}
          pageSize={state.pageSize}
          total={data.total}
          onPageChange={(page) => update({ page })}
          onPageSizeChange={(pageSize) => update({ pageSize })}
        />
      )}
    </>
  );
}
