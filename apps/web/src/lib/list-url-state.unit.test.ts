import { CustomerStatusSchema } from "@partner-hub/shared";
import { describe, expect, it } from "vitest";
import {
  applyListPatch,
  hasActiveFilters,
  nextSort,
  pageRange,
  parseListState,
  toOffsetQuery,
  writeListState,
  type ListSpec,
} from "./list-url-state.ts";

const filters = { status: CustomerStatusSchema };
const spec: ListSpec<"name" | "createdAt", typeof filters> = {
  sorts: ["name", "createdAt"],
  defaultSort: "name",
  defaultOrder: "asc",
  filters,
};

describe("parseListState", () => {
  it("gives the defaults for an empty query string", () => {
    expect(parseListState(new URLSearchParams(), spec)).toEqual({
      search: "",
      filters: {},
      sort: "name",
      order: "asc",
      page: 1,
      pageSize: 50,
    });
  });

  it("reads every known parameter", () => {
    const state = parseListState(
      new URLSearchParams(
        "search=%20Åsa%20&status=suspended&sort=createdAt&order=desc&page=3&pageSize=100",
      ),
      spec,
    );
    expect(state).toEqual({
      search: "Åsa",
      filters: { status: "suspended" },
      sort: "createdAt",
      order: "desc",
      page: 3,
      pageSize: 100,
    });
  });

  it("falls back to defaults for values a hand-edited URL may hold", () => {
    const state = parseListState(
      new URLSearchParams("status=gone&sort=password&order=up&page=-2&pageSize=1000"),
      spec,
    );
    expect(state).toMatchObject({ filters: {}, sort: "name", order: "asc", page: 1, pageSize: 50 });
    expect(parseListState(new URLSearchParams("page=1.5"), spec).page).toBe(1);
    expect(parseListState(new URLSearchParams("page=abc"), spec).page).toBe(1);
  });
});

describe("writeListState", () => {
  it("leaves defaults out and keeps parameters it does not own", () => {
    const current = new URLSearchParams("selected=c-1&page=4");
    const next = writeListState(current, { ...parseListState(current, spec), page: 1 }, spec);
    expect(next.toString()).toBe("selected=c-1");
  });

  it("round-trips through parse", () => {
    const state = {
      search: "nordic",
      filters: { status: "active" as const },
      sort: "createdAt" as const,
      order: "desc" as const,
      page: 2,
      pageSize: 25 as const,
    };
    const written = writeListState(new URLSearchParams(), state, spec);
    expect(parseListState(written, spec)).toEqual(state);
  });
});

describe("applyListPatch", () => {
  const state = parseListState(new URLSearchParams("page=5"), spec);

  it("goes back to page 1 when the search, a filter, the sort or the page size changes", () => {
    expect(applyListPatch(state, { search: "x" }).page).toBe(1);
    expect(applyListPatch(state, { filters: { status: "active" } }).page).toBe(1);
    expect(applyListPatch(state, { pageSize: 100 }).page).toBe(1);
  });

  it("keeps the page it is asked to move to", () => {
    expect(applyListPatch(state, { page: 6 }).page).toBe(6);
  });
});

describe("nextSort", () => {
  it("sorts a new column ascending and flips the current one", () => {
    expect(nextSort({ sort: "name", order: "asc" }, "createdAt")).toEqual({
      sort: "createdAt",
      order: "asc",
    });
    expect(nextSort({ sort: "name", order: "asc" }, "name")).toEqual({
      sort: "name",
      order: "desc",
    });
    expect(nextSort({ sort: "name", order: "desc" }, "name")).toEqual({
      sort: "name",
      order: "asc",
    });
  });
});

describe("hasActiveFilters", () => {
  it("is true only for a search or a filter, not for sort or page", () => {
    expect(
      hasActiveFilters(parseListState(new URLSearchParams("sort=createdAt&page=2"), spec)),
    ).toBe(false);
    expect(hasActiveFilters(parseListState(new URLSearchParams("search=a"), spec))).toBe(true);
    expect(hasActiveFilters(parseListState(new URLSearchParams("status=active"), spec))).toBe(true);
  });
});

describe("paging numbers", () => {
  it("turns a page into offset and max", () => {
    expect(toOffsetQuery({ page: 3, pageSize: 50 })).toEqual({ offset: 100, max: 50 });
  });

  it("describes the range shown", () => {
    expect(pageRange(1, 50, 10_000)).toEqual({
      from: 1,
      to: 50,
      pageCount: 200,
      hasPrevious: false,
      hasNext: true,
    });
    expect(pageRange(200, 50, 10_000)).toMatchObject({ from: 9951, to: 10_000, hasNext: false });
    expect(pageRange(1, 50, 34)).toMatchObject({ from: 1, to: 34, pageCount: 1, hasNext: false });
    expect(pageRange(1, 25, 0)).toMatchObject({
      from: 0,
      to: 0,
      pageCount: 1,
      hasPrevious: false,
      hasNext: false,
    });
  });
});
