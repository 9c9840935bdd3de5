import type { FieldChange, ImportValidation, PlanChange, RowResult } from "@partner-hub/shared";
import type { RowPlan } from "./build-plan.ts";
import type { ImportRowInsert } from "./import-rows-sql.ts";
import type { LoadedImportContext } from "./load-import-context.ts";
import type { ReadFile } from "./validate-file.ts";

export function isProblemRow(r: RowResult): boolean {
  return (
    r.outcome === "error" ||
    r.outcome === "skipped" ||
    r.problems.length > 0 ||
    r.skipped.length > 0
  );
}

export function emailOf(
  r: RowResult,
  cells: readonly string[] | undefined,
  emailIndex: number | undefined,
): string {
  return (
    r.target?.email ??
    r.emailKey ??
    (emailIndex !== undefined ? (cells?.[emailIndex] ?? "") : "").trim()
  );
}

/** The rules' field change as the API names it (the location by name, a licence by its id). */
function toPlanChange(c: FieldChange): PlanChange {
  if (c.field === "baseLicences")
    return { field: `baseLicences.${c.licence}`, before: c.before, after: c.after };
  return {
    field: c.field === "locationName" ? "location" : c.field,
    before: c.before,
    after: c.after,
  };
}

/**
 * Every row of the file as stored for the preview (spec §6, "the preview is the plan"): who it is
 * about, their package and, for a modification, each field before → after. All of it is already
 * in the validation and the customer snapshot it ran against, so this is one pass with no query.
 * Apply passes the row plans too.
 */
export function planRows(
  importId: string,
  file: ReadFile,
  validation: ImportValidation,
  loaded: LoadedImportContext,
  plans?: ReadonlyMap<number, RowPlan>,
): ImportRowInsert[] {
  const emailIndex = file.columns.get("email");
  const cellsByRow = new Map(file.rows.map((r) => [r.rowNumber, r.cells]));
  return validation.rows.map((r) => {
    const existing = r.emailKey ? loaded.snapshot.get(r.emailKey) : undefined;
    const changing = r.outcome === "add" || r.outcome === "modify";
    return {
      importId,
      rowNumber: r.rowNumber,
      email: emailOf(r, cellsByRow.get(r.rowNumber), emailIndex),
      outcome: r.outcome,
      messages: r.problems,
      skipped: r.skipped,
      name: existing?.displayName ?? r.target?.displayName ?? null,
      package: (changing ? r.target?.package : undefined) ?? existing?.package ?? null,
      changes: r.outcome === "modify" ? r.changes.map(toPlanChange) : [],
      plan: plans?.get(r.rowNumber) ?? null,
    };
  });
}
