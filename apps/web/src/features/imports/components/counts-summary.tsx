import { ROW_OUTCOMES, type ImportCounts } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format.ts";

/** "3 add · 1 modify · 1 error": the non-zero counts in one line, for tables. */
export function CountsSummary({ summary }: { summary: { counts: ImportCounts } }) {
  const { t, i18n } = useTranslation();
  const parts = ROW_OUTCOMES.filter((o) => summary.counts[o] > 0).map((o) => ({
    outcome: o,
    text: `${formatNumber(summary.counts[o], i18n.language)} ${t(`imports.outcome.${o}`).toLowerCase()}`,
  }));
  if (parts.length === 0) return <span className="muted">—</span>;
  return (
    <span className="counts-summary">
      {parts.map((p, i) => (
        <span
          key={p.outcome}
          className={p.outcome === "error" ? "counts-summary__error" : undefined}
        >
          {i > 0 && " · "}
          {p.text}
        </span>
      ))}
    </span>
  );
}
