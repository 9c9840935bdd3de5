import type { z } from "zod";

/**
 * The state of a server-side list (search, filters, sort, page) as it lives in the URL query
 * string, so a list view is shareable, survives a reload and follows the back button.
 * Anything invalid in the URL falls back to the default instead of breaking the page.
 */
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

export type SortOrder = "asc" | "desc";

type FilterSchemas = Record<string, z.ZodType<string>>;

export interface ListSpec<TSort extends string, F extends FilterSchemas> {
  sorts: readonly TSort[];
  defaultSort: TSort;
  defaultOrder: SortOrder;
  filters: F;
  /** The longest search the API accepts. */
  maxSearchLength?: number;
}

export type ListFilters<F extends FilterSchemas> = { [K in keyof F]?: z.infer<F[K]> };

export interface ListState<TSort extends string, F extends FilterSchemas> {
  search: string;
  filters: ListFilters<F>;
  sort: TSort;
  order: SortOrder;
  page: number;
  pageSize: PageSize;
}

export const LIST_PARAMS = {
  search: "search",
  sort: "sort",
  order: "order",
  page: "page",
  pageSize: "pageSize",
} as const;

function isPageSize(n: number): n is PageSize {
  return (PAGE_SIZES as readonly number[]).includes(n);
}

export function parseListState<TSort extends string, F extends FilterSchemas>(
  params: URLSearchParams,
  spec: ListSpec<TSort, F>,
): ListState<TSort, F> {
  const search = (params.get(LIST_PARAMS.search) ?? "")
    .trim()
    .slice(0, spec.maxSearchLength ?? 200);

  const rawSort = params.get(LIST_PARAMS.sort);
  const sort = spec.sorts.find((s) => s === rawSort) ?? spec.defaultSort;

  const rawOrder = params.get(LIST_PARAMS.order);
  const order: SortOrder = rawOrder === "asc" || rawOrder === "desc" ? rawOrder : spec.defaultOrder;

  const rawPage = Number(params.get(LIST_PARAMS.page));
  const page = Number.isSafeInteger(rawPage) && rawPage >= 1 ? rawPage : 1;

  const rawSize = Number(params.get(LIST_PARAMS.pageSize));
  const pageSize = isPageSize(rawSize) ? rawSize : DEFAULT_PAGE_SIZE;

  const filters: Record<string, string> = {};
  for (const [key, schema] of Object.entries(spec.filters)) {
    const parsed = schema.safeParse(params.get(key) ?? undefined);
    if (parsed.success) filters[key] = parsed.data;
  }

  return { search, filters: filters as ListFilters<F>, sort, order, page, pageSize };
}

/**
 * Writes the state into a copy of `current`, leaving parameters the list does not own (such as
 * a selected row) alone. Defaults are left out so URLs stay short.
 */
export function writeListState<TSort extends string, F extends FilterSchemas>(
  current: URLSearchParams,
  state: ListState<TSort, F>,
  spec: ListSpec<TSort, F>,
): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | undefined, fallback?: string) => {
    if (value === undefined || value === "" || value === fallback) next.delete(key);
    else next.set(key, value);
  };
  set(LIST_PARAMS.search, state.search.trim());
  for (const key of Object.keys(spec.filters)) set(key, state.filters[key]);
  set(LIST_PARAMS.sort, state.sort, spec.defaultSort);
  set(LIST_PARAMS.order, state.order, spec.defaultOrder);
  set(LIST_PARAMS.page, String(state.page), "1");
  set(LIST_PARAMS.pageSize, String(state.pageSize), String(DEFAULT_PAGE_SIZE));
  return next;
}

export type ListStatePatch<TSort extends string, F extends FilterSchemas> = Partial<
  ListState<TSort, F>
>;

/** Any change other than moving between pages starts again at page 1. */
export function applyListPatch<TSort extends string, F extends FilterSchemas>(
  state: ListState<TSort, F>,
  patch: ListStatePatch<TSort, F>,
): ListState<TSort, F> {
  const next = { ...state, ...patch };
  if (patch.page === undefined) next.page = 1;
  return next;
}

/** Clicking a column header: a new column sorts ascending, the same one flips its order. */
export function nextSort<TSort extends string>(
  current: { sort: TSort; order: SortOrder },
  column: TSort,
): { sort: TSort; order: SortOrder } {
  if (current.sort !== column) return { sort: column, order: "asc" };
  return { sort: column, order: current.order === "asc" ? "desc" : "asc" };
}

export function hasActiveFilters<TSort extends string, F extends FilterSchemas>(
  state: ListState<TSort, F>,
): boolean {
  return state.search !== "" || Object.values(state.filters).some((v) => v !== undefined);
}

export function toOffsetQuery(state: { page: number; pageSize: number }): {
  offset: number;
  max: number;
} {
  return { offset: (state.page - 1) * state.pageSize, max: state.pageSize };
}

/** The numbers a pager shows: "51–100 of 10,000", page 2 of 200. An empty list is 0–0 of 0. */
export function pageRange(page: number, pageSize: number, total: number) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : Math.min((page - 1) * pageSize + 1, total);
  const to = Math.min(page * pageSize, total);
  return { from, to, pageCount, hasPrevious: page > 1, hasNext: page * pageSize < total };
}
