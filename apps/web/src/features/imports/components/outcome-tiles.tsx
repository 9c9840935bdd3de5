import { ROW_OUTCOMES, type ImportCounts, type RowOutcome } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format.ts";

/**
 * Counts per outcome as tiles; error and skipped stand out when they are not zero. Given
 * `onSelect`, each tile is a toggle button that filters the plan to its outcome (aria-pressed).
 */
export function OutcomeTiles({
  counts,
  selected,
  onSelect,
}: {
  counts: ImportCounts;
  selected?: RowOutcome | undefined;
  onSelect?: (outcome: RowOutcome | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="outcome-tiles" aria-label={t("imports.preview.countsLabel")}>
      {ROW_OUTCOMES.map((outcome) => {
        const value = counts[outcome];
        const className = `outcome-tile outcome-tile--${outcome}${value > 0 ? " outcome-tile--nonzero" : ""}${selected === outcome ? " outcome-tile--selected" : ""}`;
        const content = (
          <>
            <span className="outcome-tile__value">{formatNumber(value, i18n.language)}</span>
            <span className="outcome-tile__label">{t(`imports.outcome.${outcome}`)}</span>
          </>
        );
        return (
          <li key={outcome} className={onSelect ? "outcome-tiles__item" : className}>
            {onSelect ? (
              <button
                type="button"
                className={`${className} outcome-tile--button`}
                aria-pressed={selected === outcome}
                onClick={() => onSelect(selected === outcome ? undefined : outcome)}
              >
                {content}
              </button>
            ) : (
              content
            )}
          </li>
        );
      })}
    </ul>
  );
}
