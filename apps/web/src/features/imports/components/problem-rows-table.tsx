import type { ImportRowResult } from "@partner-hub/shared";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format.ts";
import {
  PROBLEM_FILTERS,
  countProblemLines,
  filterProblemLines,
  toProblemLines,
  type ProblemFilter,
} from "../problem-lines.ts";
import { useProblemText } from "../../../lib/problem-message.ts";

const ESTIMATED_LINE_HEIGHT = 44;

/**
 * Every problem of a preview in one scrolling table: a file of 20,000 rows can have 20,000
 * problems, so only the lines in view are rendered (@tanstack/react-virtual, measured heights
 * because messages wrap). aria-rowcount / aria-rowindex tell a screen reader the real size.
 */
export function ProblemRowsTable({ rows }: { rows: readonly ImportRowResult[] }) {
  const { t, i18n } = useTranslation();
  const say = useProblemText();
  const [filter, setFilter] = useState<ProblemFilter>("all");
  const lines = useMemo(() => toProblemLines(rows), [rows]);
  const counts = useMemo(() => countProblemLines(lines), [lines]);
  const visible = useMemo(() => filterProblemLines(lines, filter), [lines, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const filterLabelId = useId();
  const n = (v: number) => formatNumber(v, i18n.language);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_LINE_HEIGHT,
    overscan: 6,
    getItemKey: (index) => visible[index]?.key ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom =
    items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div className="problem-table">
      <div className="problem-table__filters" role="group" aria-labelledby={filterLabelId}>
        <span id={filterLabelId} className="problem-table__filters-label">
          {t("imports.problems.show")}
        </span>
        {PROBLEM_FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className={`chip${filter === f ? " chip--active" : ""}`}
            aria-pressed={filter === f}
            onClick={() => {
              setFilter(f);
              scrollRef.current?.scrollTo({ top: 0 });
            }}
          >
            {t(`imports.problems.filter.${f}`, { formatted: n(counts[f]) })}
          </button>
        ))}
      </div>
      <div
        ref={scrollRef}
        className="problem-table__scroll"
        tabIndex={0}
        aria-label={t("imports.problems.scrollLabel")}
      >
        <table
          className="table problem-table__table"
          aria-label={t("imports.problems.tableLabel")}
          aria-rowcount={visible.length + 1}
        >
          <colgroup>
            <col style={{ width: "5.5rem" }} />
            <col style={{ width: "26%" }} />
            <col style={{ width: "8.5rem" }} />
            <col style={{ width: "16%" }} />
            <col />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="table__head table__cell--end">
                {t("imports.problems.columns.row")}
              </th>
              <th scope="col" className="table__head">
                {t("imports.problems.columns.email")}
              </th>
              <th scope="col" className="table__head">
                {t("imports.problems.columns.outcome")}
              </th>
              <th scope="col" className="table__head">
                {t("imports.problems.columns.column")}
              </th>
              <th scope="col" className="table__head">
                {t("imports.problems.columns.message")}
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 && (
              <tr>
                <td colSpan={5} className="table__cell muted">
                  {t("imports.problems.noneOfKind")}
                </td>
              </tr>
            )}
            {paddingTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={5} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const line = visible[item.index];
              if (!line) return null;
              return (
                <tr
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  aria-rowindex={item.index + 2}
                  className={`problem-line problem-line--${line.kind}`}
                >
                  <td className="table__cell table__cell--end problem-line__row">
                    {n(line.rowNumber)}
                  </td>
                  <td className="table__cell problem-line__wrap">
                    {line.email || <span className="muted">—</span>}
                  </td>
                  <td className="table__cell problem-line__wrap">
                    {t(`imports.outcome.${line.outcome}`)}
                  </td>
                  <td className="table__cell problem-line__wrap">
                    {line.column ?? <span className="muted">—</span>}
                  </td>
                  <td className="table__cell problem-line__message">
                    <span className={`problem-kind problem-kind--${line.kind}`}>
                      {t(`imports.problems.kind.${line.kind}`)}
                    </span>{" "}
                    {say(line.problem)}
                  </td>
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={5} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
