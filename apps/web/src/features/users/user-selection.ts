import type { User } from "@partner-hub/shared";

/** The selected users by id, in the order they were selected. */
export type Selection = ReadonlyMap<string, User>;

/**
 * A click on row `index` of the page. A plain click toggles it; a shift-click sets every row
 * between the last clicked one and this one to this row's new state (as in a file list).
 */
export function toggleRows(
  selection: Selection,
  page: readonly User[],
  index: number,
  anchor: number | null,
  shiftKey: boolean,
): Selection {
  const row = page[index];
  if (!row) return selection;
  const select = !selection.has(row.id);
  const next = new Map(selection);
  const [from, to] =
    shiftKey && anchor !== null && anchor < page.length
      ? [Math.min(anchor, index), Math.max(anchor, index)]
      : [index, index];
  for (const user of page.slice(from, to + 1)) {
    if (select) next.set(user.id, user);
    else next.delete(user.id);
  }
  return next;
}

export function pageState(selection: Selection, page: readonly User[]): "all" | "some" | "none" {
  const selected = page.filter((u) => selection.has(u.id)).length;
  return selected === 0 ? "none" : selected === page.length ? "all" : "some";
}

/** The header box: selects the whole page, or clears it when the whole page is selected. */
export function togglePage(selection: Selection, page: readonly User[]): Selection {
  const next = new Map(selection);
  if (pageState(selection, page) === "all") for (const u of page) next.delete(u.id);
  else for (const u of page) next.set(u.id, u);
  return next;
}
