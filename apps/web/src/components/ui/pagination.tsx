import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format.ts";
import { PAGE_SIZES, pageRange, type PageSize } from "../../lib/list-url-state.ts";
import { ChevronIcon } from "./chevron-icon.tsx";

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
        <button
          type="button"
          className="icon-button"
          aria-label={t("table.previousPage")}
          title={t("table.previousPage")}
          disabled={!range.hasPrevious}
          onClick={() => onPageChange(page - 1)}
        >
          <ChevronIcon direction="left" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t("table.nextPage")}
          title={t("table.nextPage")}
          disabled={!range.hasNext}
          onClick={() => onPageChange(page + 1)}
        >
          <ChevronIcon direction="right" />
        </button>
      </div>
    </nav>
  );
}
