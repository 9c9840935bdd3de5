import {
  useEffect,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from "react";
import { useTranslation } from "react-i18next";
import type { SortOrder } from "../../lib/list-url-state.ts";

export interface Column<T, TSort extends string = string> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Set when the API can sort by this column. */
  sortKey?: TSort;
  /** A CSS width such as "12rem" or "20%"; columns without one share the rest. */
  width?: string;
  align?: "start" | "end";
  /**
   * Which columns give way when the table's box is narrow (a CSS container query hides them):
   * 1 — always shown (identifiers: name, email; and what tells rows apart at a glance); 2 — hidden
   * on a phone; 3 — hidden already in a 1024-pixel window, first to go. Unset is 2. Hidden columns are one click away on the row's
   * own page; what stays keeps its full value in a tooltip and to screen readers.
   */
  priority?: 1 | 2 | 3;
}

/** Row selection with checkboxes: a column of its own, a header box for the page. */
export interface RowSelection<T> {
  isSelected: (row: T) => boolean;
  /** `shiftKey`: extend from the last row toggled (a range). */
  onToggle: (row: T, index: number, options: { shiftKey: boolean }) => void;
  /** How much of the page is selected, for the header box (checked, mixed, empty). */
  page: "all" | "some" | "none";
  onTogglePage: () => void;
  /** The accessible name of a row's box, e.g. "Select Anna Berg". */
  rowLabel: (row: T) => string;
  pageLabel: string;
}

interface DataTableProps<T, TSort extends string> {
  /** The accessible name, e.g. "Customers"; tests find the table by it. */
  label: string;
  columns: readonly Column<T, TSort>[];
  rows: readonly T[] | undefined;
  getRowKey: (row: T) => string;
  sort?: { sort: TSort; order: SortOrder };
  onSort?: (column: TSort) => void;
  onRowClick?: (row: T) => void;
  selectedKey?: string | null;
  isLoading?: boolean;
  /** Shown dimmed while the next page loads over the previous one. */
  isStale?: boolean;
  skeletonRows?: number;
  /**
   * Below this width (a CSS length) the table scrolls sideways inside its own box instead of
   * squeezing its columns to a letter each. It holds while every column shows; once the
   * low-priority columns give way (see `Column.priority`) the box's narrower minimum applies.
   */
  minWidth?: string;
  selection?: RowSelection<T>;
}

function isFromInteractiveElement(event: MouseEvent | KeyboardEvent): boolean {
  const target = event.target as Element | null;
  return Boolean(target?.closest("a, button, input, select, textarea, [role='menuitem']"));
}

/**
 * A semantic `<table>` for server-side lists: sortable headers are buttons inside `<th>` with
 * aria-sort, rows can be clicked (each row also holds a focusable link or button in its first
 * cell for keyboard users).
 */
export function DataTable<T, TSort extends string>({
  label,
  columns,
  rows,
  getRowKey,
  sort,
  onSort,
  onRowClick,
  selectedKey,
  isLoading,
  isStale,
  skeletonRows = 10,
  minWidth,
  selection,
}: DataTableProps<T, TSort>) {
  const { t } = useTranslation();
  const pageBox = useRef<HTMLInputElement>(null);
  // A table that names no identifier keeps its first column: it never loses every column.
  const identified = columns.some((c) => c.priority === 1);
  const priorityOf = (column: Column<T, TSort>) =>
    column.priority ?? (!identified && column === columns[0] ? 1 : 2);
  useEffect(() => {
    if (pageBox.current) pageBox.current.indeterminate = selection?.page === "some";
  }, [selection?.page]);
  return (
    <div
      className={`table-wrap${isStale ? " table-wrap--stale" : ""}`}
      aria-busy={isLoading || isStale || undefined}
    >
      <table
        className="table"
        aria-label={label}
        style={minWidth ? ({ "--table-min-width": minWidth } as CSSProperties) : undefined}
      >
        {/* Widths sit on the header cells, not on <col>: a hidden column's header then takes its
            width with it (table-layout: fixed reads the first row). */}
        <thead>
          <tr>
            {selection && (
              <th
                scope="col"
                className="table__head table__cell--select"
                style={{ width: "2.75rem" }}
              >
                <input
                  ref={pageBox}
                  type="checkbox"
                  className="row-select"
                  aria-label={selection.pageLabel}
                  checked={selection.page === "all"}
                  disabled={isLoading || !rows?.length}
                  onChange={selection.onTogglePage}
                />
              </th>
            )}
            {columns.map((column) => {
              const active = column.sortKey !== undefined && sort?.sort === column.sortKey;
              const ariaSort = active
                ? sort?.order === "asc"
                  ? "ascending"
                  : "descending"
                : undefined;
              const alignClass = column.align === "end" ? " table__cell--end" : "";
              if (!column.sortKey || !onSort) {
                return (
                  <th
                    key={column.id}
                    scope="col"
                    className={`table__head${alignClass}`}
                    style={headStyle(column)}
                    data-priority={priorityOf(column)}
                  >
                    {column.header}
                  </th>
                );
              }
              const sortKey = column.sortKey;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={`table__head${alignClass}`}
                  style={headStyle(column)}
                  data-priority={priorityOf(column)}
                  aria-sort={ariaSort ?? "none"}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
                    <span>{column.header}</span>
                    <SortIcon state={active ? sort?.order : undefined} />
                    {active && (
                      <span className="visually-hidden">
                        ,{" "}
                        {sort?.order === "asc"
                          ? t("table.sortedAscending")
                          : t("table.sortedDescending")}
                      </span>
                    )}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {isLoading || !rows
            ? Array.from({ length: skeletonRows }, (_, i) => (
                <tr key={i} className="table__row table__row--skeleton" aria-hidden="true">
                  {selection && <td className="table__cell" />}
                  {columns.map((c) => (
                    <td key={c.id} className="table__cell" data-priority={priorityOf(c)}>
                      <span
                        className="skeleton"
                        style={{ width: `${50 + ((i * 7 + c.id.length * 13) % 45)}%` }}
                      />
                    </td>
                  ))}
                </tr>
              ))
            : rows.map((row, index) => {
                const key = getRowKey(row);
                const checked = selection?.isSelected(row) ?? false;
                return (
                  <tr
                    key={key}
                    className={`table__row${onRowClick ? " table__row--clickable" : ""}${
                      selectedKey === key || checked ? " table__row--selected" : ""
                    }`}
                    // Space on a focused row's link toggles the row, as in a file list.
                    onKeyDown={
                      selection
                        ? (event) => {
                            if (event.key !== " ") return;
                            const target = event.target as Element;
                            if (target.closest("button, input, select, textarea")) return;
                            event.preventDefault();
                            selection.onToggle(row, index, { shiftKey: event.shiftKey });
                          }
                        : undefined
                    }
                    onClick={
                      onRowClick
                        ? (event) => {
                            if (!isFromInteractiveElement(event)) onRowClick(row);
                          }
                        : undefined
                    }
                  >
                    {selection && (
                      <td className="table__cell table__cell--select">
                        <input
                          type="checkbox"
                          className="row-select"
                          aria-label={selection.rowLabel(row)}
                          checked={checked}
                          onChange={() => undefined}
                          onClick={(event) =>
                            selection.onToggle(row, index, { shiftKey: event.shiftKey })
                          }
                        />
                      </td>
                    )}
                    {columns.map((c) => (
                      <td
                        key={c.id}
                        className={`table__cell${c.align === "end" ? " table__cell--end" : ""}`}
                        data-priority={priorityOf(c)}
                      >
                        {c.cell(row)}
                      </td>
                    ))}
                  </tr>
                );
              })}
        </tbody>
      </table>
    </div>
  );
}

function headStyle(column: { width?: string }): CSSProperties | undefined {
  return column.width ? { width: column.width } : undefined;
}

function SortIcon({ state }: { state: SortOrder | undefined }) {
  return (
    <svg
      className={`sort-icon${state ? " sort-icon--active" : ""}`}
      viewBox="0 0 12 16"
      width="10"
      height="14"
      aria-hidden="true"
    >
      <path d="M6 1l4 5H2z" opacity={state === "desc" ? 0.25 : state === "asc" ? 1 : 0.35} />
      <path d="M6 15l4-5H2z" opacity={state === "asc" ? 0.25 : state === "desc" ? 1 : 0.35} />
    </svg>
  );
}
