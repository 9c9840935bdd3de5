import { describe, expect, it } from "vitest";
import { auditTaskHref } from "./components/audit-labels.tsx";
import {
  auditListSpec,
  startOfLocalDay,
  toAuditFilters,
  type AuditListState,
} from "./hooks/use-audit-list-state.ts";
import { parseListState } from "../../lib/list-url-state.ts";

const state = (query: string): AuditListState =>
  parseListState(new URLSearchParams(query), auditListSpec);

describe("the audit log's filters", () => {
  it("reads days, emails and the source from the URL, dropping what is not valid", () => {
    expect(
      state("from=2026-11-01&to=2026-11-30&actor=eva&user=kim&source=csv_import").filters,
    ).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      actor: "eva",
      user: "kim",
      source: "csv_import",
    });
    expect(state("from=yesterday&source=nope").filters).toEqual({});
  });

  it("sends a day as the person's own day: from its start to the start of the next", () => {
    const filters = toAuditFilters(state("from=2026-11-01&to=2026-11-30"));
    expect(filters.from).toBe(new Date(2026, 10, 1).toISOString());
    expect(filters.to).toBe(new Date(2026, 11, 1).toISOString());
    expect(startOfLocalDay("2026-12-31", 1)).toBe(new Date(2027, 0, 1).toISOString());
  });
});

describe("auditTaskHref", () => {
  it("opens the task at the page of results that lists the row", () => {
    expect(auditTaskHref("c", "t", null)).toBe("/customers/c/tasks/t");
    expect(auditTaskHref("c", "t", 2)).toBe("/customers/c/tasks/t?pageSize=100");
    expect(auditTaskHref("c", "t", 101)).toBe("/customers/c/tasks/t?pageSize=100");
    expect(auditTaskHref("c", "t", 102)).toBe("/customers/c/tasks/t?pageSize=100&page=2");
  });
});
