import type { AuditEvent } from "../schemas/audit.ts";
import { protectCell } from "./cells.ts";
import { line } from "./serialise.ts";

/** The audit log export's columns (issue 15): one event a line, newest first. */
export const AUDIT_CSV_HEADERS = [
  "When",
  "Administrator",
  "Customer",
  "User",
  "Action",
  "Source",
  "CSV task",
  "CSV row",
  "Changes",
] as const;

export type AuditCsvEvent = Pick<
  AuditEvent,
  | "at"
  | "actorEmail"
  | "userEmail"
  | "action"
  | "source"
  | "importId"
  | "rowNumber"
  | "before"
  | "after"
> & { customerName: string | null };

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(" + ") : "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * What changed, as text a spreadsheet shows in one cell: `field: before → after` for every
 * field whose value differs, in the order the record lists them. `locationId` is left out
 * when the record also names the location.
 */
export function auditChangesText(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const named = keys.includes("location");
  return keys
    .filter((k) => !(named && k === "locationId"))
    .filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null))
    .map((k) => `${k}: ${valueText(before?.[k])} → ${valueText(after?.[k])}`)
    .join("; ");
}

/** One event as one CSV line, every text cell protected against formula injection. */
export function auditCsvRow(e: AuditCsvEvent): string {
  const text = (v: string | null) => protectCell(v ?? "");
  return line([
    e.at,
    text(e.actorEmail),
    text(e.customerName),
    text(e.userEmail),
    e.action,
    e.source,
    e.importId ?? "",
    e.rowNumber === null ? "" : String(e.rowNumber),
    text(auditChangesText(e.before, e.after)),
  ]);
}
