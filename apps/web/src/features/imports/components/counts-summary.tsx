import { ROW_OUTCOMES, type ImportCounts } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format.ts";

/** "3 add · 1 modify · 1 error": the non-zero counts in one line, for tables. */
export function CountsSummary({ summary }: { summary: { counts: ImportCounts } }) {
  const { t, i18n } = useTranslation();
  const parts = ROW_OUTCOMES.filter((o) => summary.counts[o] > 0).map(
    (o) => `${formatNumber(summary.counts[o], i18n.language)} ${t(`imports.outcome.${o}`).toLowerCase()}`,
  );
  const text = parts.length > 0 ? parts.join(" · ") : "—";
  return (
    <span className={`counts-summary${summary.counts.error > 0 ? " counts-summary--errors" : ""}`} title={text}>
      {text}
    </span>
  );
}
