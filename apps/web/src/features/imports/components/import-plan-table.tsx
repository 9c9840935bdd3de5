import {
  BASE_LICENCES,
  PACKAGES,
  type ImportRowResult,
  type PlanChange,
  type RowOutcome,
} from "@partner-hub/shared";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format.ts";
import { useProblemText } from "../../../lib/problem-message.ts";
import { getImportRowsQueryOptions } from "../api/get-import-rows.ts";

/** Rows fetched per request, as the page in view needs them. */
const PAGE = 100;
const ESTIMATED_ROW_HEIGHT = 52;

const packageName = (id: string | null) =>
  id ? (PACKAGES.find((p) => p.id === id)?.displayName ?? id) : null;
const licenceName = (field: string) =>
  BASE_LICENCES.find((l) => `baseLicences.${l.id}` === field)?.csvColumn ?? field;

/**
 * The plan of a preview, every row of the file (spec §6): 20,000 rows scroll smoothly because only
 * the rows in view are rendered (@tanstack/react-virtual) and only their pages are fetched. The
 * table is one tab stop; arrow keys, Page Up/Down, Home and End move through the rows.
 */
export function ImportPlanTable({
  customerId,
  importId,
  outcome,
  search,
}: {
  customerId: string;
  importId: string;
  outcome: RowOutcome | undefined;
  search: string;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const filter = { ...(outcome ? { outcome } : {}), ...(search ? { search } : {}) };
  // No placeholder: another filter's or page's rows would stand in for these while they load.
  const pageQuery = (offset: number) => ({
    ...getImportRowsQueryOptions(customerId, importId, { ...filter, offset, max: PAGE }),
    placeholderData: undefined,
  });
  const first = useQuery(pageQuery(0));
  const total = first.data?.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableId = useId();
  const [active, setActive] = useState(0);
  const filterKey = `${outcome ?? ""}|${search}`;
  const [activeFor, setActiveFor] = useState(filterKey);
  if (activeFor !== filterKey) {
    setActiveFor(filterKey);
    setActive(0);
  }

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const pageOffsets = [
    ...new Set(items.map((item) => Math.floor(item.index / PAGE) * PAGE).filter((o) => o > 0)),
  ];
  const pages = useQueries({ queries: pageOffsets.map((offset) => pageQuery(offset)) });
  const rowAt = (index: number): ImportRowResult | undefined => {
    const offset = Math.floor(index / PAGE) * PAGE;
    const page = offset === 0 ? first.data : pages[pageOffsets.indexOf(offset)]?.data;
    return page?.items[index - offset];
  };
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom =
    items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  const move = (to: number) => {
    const next = Math.max(0, Math.min(total - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const perPage = Math.max(1, items.length - 4);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + perPage),
      PageUp: () => move(active - perPage),
      Home: () => move(0),
      End: () => move(total - 1),
    };
    const action = keys[event.key];
    if (!action || total === 0) return;
    event.preventDefault();
    action();
  };

  return (
    <div className="plan-table">
      <p className="plan-table__count" role="status">
        {first.isPending
          ? t("imports.plan.loading")
          : t("imports.plan.shown", { count: total, formatted: n(total) })}
      </p>
      <div ref={scrollRef} className="plan-table__scroll">
        <table
          id={tableId}
          className="table plan-table__table"
          role="grid"
          aria-label={t("imports.plan.tableLabel")}
          aria-rowcount={total + 1}
          aria-activedescendant={total > 0 ? `${tableId}-row-${active}` : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <colgroup>
            <col style={{ width: "5rem" }} />
            <col style={{ width: "30%" }} />
            <col style={{ width: "9.5rem" }} />
            <col />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="table__head table__cell--end">
                {t("imports.problems.columns.row")}
              </th>
              <th scope="col" className="table__head">
                {t("imports.plan.columns.who")}
              </th>
              <th scope="col" className="table__head">
                {t("imports.problems.columns.outcome")}
              </th>
              <th scope="col" className="table__head">
                {t("imports.plan.columns.what")}
              </th>
            </tr>
          </thead>
          <tbody>
            {!first.isPending && total === 0 && (
              <tr>
                <td colSpan={4} className="table__cell muted">
                  {t("imports.plan.none")}
                </td>
              </tr>
            )}
            {paddingTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={4} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <tr
                  key={item.key}
                  id={`${tableId}-row-${item.index}`}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  aria-rowindex={item.index + 2}
                  aria-selected={item.index === active}
                  className={`plan-row${item.index === active ? " plan-row--active" : ""}${row ? ` plan-row--${row.outcome}` : ""}`}
                  onClick={() => setActive(item.index)}
                >
                  {row ? (
                    <PlanRowCells row={row} />
                  ) : (
                    <td colSpan={4} className="table__cell">
                      <span className="skeleton skeleton--text" />
                    </td>
                  )}
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={4} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function PlanRowCells({ row }: { row: ImportRowResult }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <td className="table__cell table__cell--end plan-row__number">
        {formatNumber(row.rowNumber, i18n.language)}
      </td>
      <td className="table__cell">
        <span className="plan-row__who">
          {row.name && <span className="plan-row__name">{row.name}</span>}
          <span className="plan-row__email">{row.email || "—"}</span>
        </span>
      </td>
      <td className="table__cell">
        <span className={`outcome-badge outcome-badge--${row.outcome}`}>
          {t(`imports.outcome.${row.outcome}`)}
        </span>
      </td>
      <td className="table__cell plan-row__what">
        <RowDetails row={row} />
      </td>
    </>
  );
}

function RowDetails({ row }: { row: ImportRowResult }) {
  const { t } = useTranslation();
  const say = useProblemText();
  const notes = [
    ...row.problems.map((p) => ({
      kind: p.severity === "warning" ? ("warning" as const) : ("error" as const),
      text: p.column ? `${p.column}: ${say(p)}` : say(p),
    })),
    ...row.skipped.map((s) => ({ kind: "skipped" as const, text: say(s) })),
  ];
  return (
    <>
      {row.outcome === "modify" && (
        <ul className="plan-changes">
          {row.changes.map((c) => (
            <ChangeLine key={c.field} change={c} />
          ))}
        </ul>
      )}
      {row.outcome === "add" && (
        <p className="plan-row__line">
          {t("imports.plan.adds", { package: packageName(row.package) ?? "—" })}
        </p>
      )}
      {row.outcome === "remove" && (
        <p className="plan-row__line plan-row__line--remove">
          {t("imports.plan.removes", { package: packageName(row.package) ?? "—" })}
        </p>
      )}
      {row.outcome === "unchanged" && notes.length === 0 && (
        <p className="plan-row__line muted">{t("imports.plan.nothingChanges")}</p>
      )}
      {notes.length > 0 && (
        <ul className="plan-notes">
          {notes.map((note, i) => (
            <li key={i} className={`plan-note plan-note--${note.kind}`}>
              <span className={`problem-kind problem-kind--${note.kind}`}>
                {t(`imports.problems.kind.${note.kind}`)}
              </span>{" "}
              {note.text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ChangeLine({ change }: { change: PlanChange }) {
  const { t } = useTranslation();
  const shown = (value: string | boolean | null) => {
    if (typeof value === "boolean") return value ? t("imports.plan.on") : t("imports.plan.off");
    if (change.field === "package") return packageName(value) ?? "—";
    return value ?? "—";
  };
  const label =
    change.field === "baseLicences.basic_messaging" ||
    change.field === "baseLicences.basic_space_meetings" ||
    change.field === "baseLicences.call_on_webex"
      ? licenceName(change.field)
      : t(`imports.plan.fields.${change.field}`);
  return (
    <li className="plan-change">
      <span className="plan-change__field">{label}:</span>{" "}
      <span className="plan-change__before">{shown(change.before)}</span> →{" "}
      <span className="plan-change__after">{shown(change.after)}</span>
    </li>
  );
}
