import { useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format.ts";
import { PAGE_SIZES, pageRange, type PageSize } from "../../lib/list-url-state.ts";
import { pagerTargets, parsePageInput } from "../../lib/pager.ts";
import { ChevronIcon } from "./chevron-icon.tsx";

/**
 * The pager of every paged list: rows per page, "51–100 of 640", first / previous, the page
 * number (type one to jump there), next / last.
 */
export function Pagination({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
}: {
  page: number;
  pageSize: PageSize;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: PageSize) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const range = pageRange(page, pageSize, total);
  const targets = pagerTargets(page, pageSize, total);
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <nav className="pagination" aria-label={t("table.pagination")}>
      <div className="pagination__size">
        <label htmlFor={id}>{t("table.rowsPerPage")}</label>
        <select
          id={id}
          className="select select--compact"
          value={pageSize}
          onChange={(e) => onPageSizeChange(Number(e.target.value) as PageSize)}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <p className="pagination__range" aria-live="polite">
        {t("table.range", { from: n(range.from), to: n(range.to), total: n(total) })}
      </p>
      <div className="pagination__buttons">
        <PageButton
          label={t("table.firstPage")}
          target={targets.first}
          onPageChange={onPageChange}
          icon={<DoubleChevron direction="left" />}
        />
        <PageButton
          label={t("table.previousPage")}
          target={targets.previous}
          onPageChange={onPageChange}
          icon={<ChevronIcon direction="left" />}
        />
        <PageNumber
          // A new page shown (by a button, Back, a filter) resets what is typed in the box.
          key={`${page}/${targets.pageCount}`}
          page={Math.min(page, targets.pageCount)}
          pageCount={targets.pageCount}
          onPageChange={onPageChange}
        />
        <PageButton
          label={t("table.nextPage")}
          target={targets.next}
          onPageChange={onPageChange}
          icon={<ChevronIcon direction="right" />}
        />
        <PageButton
          label={t("table.lastPage")}
          target={targets.last}
          onPageChange={onPageChange}
          icon={<DoubleChevron direction="right" />}
        />
      </div>
    </nav>
  );
}

function PageButton({
  label,
  target,
  onPageChange,
  icon,
}: {
  label: string;
  target: number | null;
  onPageChange: (page: number) => void;
  icon: ReactNode;
}) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={label}
      disabled={target === null}
      onClick={() => target !== null && onPageChange(target)}
    >
      {icon}
    </button>
  );
}

/** "Page [3] of 13": the box takes a page number; Enter or leaving the box goes there. */
function PageNumber({
  page,
  pageCount,
  onPageChange,
}: {
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(page));
  const go = () => {
    const target = parsePageInput(text, pageCount);
    if (target === null || target === page) setText(String(page));
    else onPageChange(target);
  };
  return (
    <span className="pagination__page">
      <label htmlFor={id}>{t("table.page")}</label>
      <input
        id={id}
        className="input input--page"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        disabled={pageCount === 1}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            go();
          }
        }}
        onBlur={go}
      />
      <span>{t("table.ofPages", { pages: formatNumber(pageCount, i18n.language) })}</span>
    </span>
  );
}

function DoubleChevron({ direction }: { direction: "left" | "right" }) {
  return (
    <svg viewBox="0 0 16 16" width={16} height={16} aria-hidden="true">
      <path
        d={direction === "left" ? "M8.5 3l-5 5 5 5M13 3L8 8l5 5" : "M7.5 3l5 5-5 5M3 3l5 5-5 5"}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}
