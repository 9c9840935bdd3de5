import { z } from "zod";
import { BASE_LICENCE_IDS, BaseLicenceIdSchema } from "../catalogue/base-licences.ts";
import { PACKAGE_IDS, PackageIdSchema } from "../catalogue/packages.ts";
import { normaliseExtension } from "../rules/extension.ts";
import { normalisePhoneNumber } from "../rules/phone-number.ts";
import type { CsvIssueCode, IssueCode } from "../problems/codes.ts";
import type { ProblemError } from "../schemas/problem.ts";
import { FIELD_LIMITS } from "../schemas/users.ts";
import { isFormulaCell, parseFlagCell, truncate, unprotectCell } from "./cells.ts";
import {
  type ColumnKey,
  EMAIL_HEADER,
  type TextColumnKey,
  columnHeader,
  licenceColumnKey,
  packageColumnKey,
} from "./columns.ts";
import type { ParsedCsvRow } from "./parse.ts";

/**
 * One data row as typed values. `undefined` means "the column is missing or the cell is empty:
 * leave that attribute as it is" (spec §6). Phone numbers are E.164; `emailKey` is the
 * case-insensitive key (trimmed, lower-cased) while `email` keeps the case as written.
 */
export const CsvUserRowSchema = z.object({
  rowNumber: z.number().int().min(2),
  email: z.string(),
  emailKey: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  displayName: z.string().optional(),
  phoneNumber: z.string().optional(),
  extension: z.string().optional(),
  /** A location *name*; the API resolves it to an id. */
  location: z.string().optional(),
  preferredWebexSite: z.string().optional(),
  baseLicences: z.partialRecord(BaseLicenceIdSchema, z.boolean()),
  packages: z.partialRecord(PackageIdSchema, z.boolean()),
});
export type CsvUserRow = z.infer<typeof CsvUserRowSchema>;

export interface CsvRowRead {
  rowNumber: number;
  /** Present when the email cell holds a valid address, even if other cells have errors. */
  emailKey?: string;
  /** Present when the row has no error. */
  value?: CsvUserRow;
  /** Errors and warnings, each with `row` and `column`. */
  problems: ProblemError[];
}

/** A cell's own code rides on zod's custom issue as `params.code`, beside its values. */
type CellIssueParams = { code: CsvIssueCode } & Record<string, number | CsvIssueCode>;

function cellIssueParams(code: CsvIssueCode, params: Record<string, number> = {}): CellIssueParams {
  return { ...params, code };
}

/** Text cell: undo our export's formula protection, refuse live formulas, trim, "" = not given. */
function textCell(key: TextColumnKey, max: number) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): string | undefined => {
      if (raw === undefined) return undefined;
      const header = columnHeader(key);
      if (isFormulaCell(raw)) {
        ctx.addIssue({
          code: "custom",
          message: `${header} starts with "=", so a spreadsheet treats it as a formula ("${truncate(raw.trim())}"). We do not import formulas: type the plain text instead.`,
          params: cellIssueParams("csv_formula_not_allowed"),
        });
        return undefined;
      }
      const value = unprotectCell(raw).trim();
      if (value === "") return undefined;
      if (value.length > max) {
        ctx.addIssue({
          code: "custom",
          message: `${header} is ${value.length} characters long; at most ${max} are allowed.`,
          params: cellIssueParams("csv_value_too_long", { length: value.length, max }),
        });
        return undefined;
      }
      return value;
    });
}

const flagCell = z
  .string()
  .optional()
  .transform((raw, ctx): boolean | undefined => {
    if (raw === undefined) return undefined;
    const flag = parseFlagCell(unprotectCell(raw));
    if (flag.ok) return flag.value;
    ctx.addIssue({
      code: "custom",
      message: flag.message,
      params: cellIssueParams("csv_invalid_flag"),
    });
    return undefined;
  });

const EmailSchema = z.email();

/** The cells of one row, keyed by column; each transform reports against its own column. */
const RowCellsSchema = z.object({
  email: textCell("email", FIELD_LIMITS.email),
  firstName: textCell("firstName", FIELD_LIMITS.name),
  lastName: textCell("lastName", FIELD_LIMITS.name),
  displayName: textCell("displayName", FIELD_LIMITS.name * 2 + 1),
  phoneNumber: textCell("phoneNumber", 32),
  extension: textCell("extension", FIELD_LIMITS.extension),
  location: textCell("location", FIELD_LIMITS.name),
  preferredWebexSite: textCell("preferredWebexSite", FIELD_LIMITS.site),
  ...Object.fromEntries(BASE_LICENCE_IDS.map((id) => [licenceColumnKey(id), flagCell])),
  ...Object.fromEntries(PACKAGE_IDS.map((id) => [packageColumnKey(id), flagCell])),
});

const IMPORTED_KEYS: readonly ColumnKey[] = Object.keys(RowCellsSchema.shape) as ColumnKey[];

/**
 * Reads one parsed row into a `CsvUserRow`. Never throws: every problem comes back with the
 * row number and the column header. The phone number goes through the rules module, which
 * restores a `+` a spreadsheet stripped (a warning, so the person can check it).
 */
export function readUserRow(
  row: ParsedCsvRow,
  columns: ReadonlyMap<ColumnKey, number>,
): CsvRowRead {
  const input: Record<string, string | undefined> = {};
  for (const key of IMPORTED_KEYS) {
    const index = columns.get(key);
    // A short row (Excel drops trailing empty cells) has empty cells, not missing columns.
    input[key] = index === undefined ? undefined : (row.cells[index] ?? "");
  }
  if (row.errors && row.errors.length > 0) {
    // The cells are shifted or cut: judging them one by one would only add misleading errors.
    return { rowNumber: row.rowNumber, ...emailKeyOf(input.email), problems: [...row.errors] };
  }
  const problems: ProblemError[] = [];

  const parsed = RowCellsSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as ColumnKey;
      const own = "params" in issue ? (issue.params as CellIssueParams | undefined) : undefined;
      const { code = "csv_invalid_value", ...params } = own ?? {};
      problems.push(
        cellProblem(
          row.rowNumber,
          key,
          code,
          issue.message,
          "error",
          Object.keys(params).length ? params : undefined,
        ),
      );
    }
    return { rowNumber: row.rowNumber, ...emailKeyOf(input.email), problems };
  }
  const cells = parsed.data as z.output<typeof RowCellsSchema> &
    Record<string, boolean | undefined>;

  let emailKey: string | undefined;
  const email = cells.email;
  if (email === undefined) {
    problems.push(
      cellProblem(
        row.rowNumber,
        "email",
        "csv_email_missing",
        `The email address is missing. Every row needs the user's email in ${EMAIL_HEADER}.`,
      ),
    );
  } else if (!EmailSchema.safeParse(email).success) {
    problems.push(
      cellProblem(
        row.rowNumber,
        "email",
        "csv_email_invalid",
        `"${truncate(email)}" is not a valid email address.`,
      ),
    );
  } else {
    emailKey = email.toLowerCase();
  }

  let phoneNumber: string | undefined;
  if (cells.phoneNumber !== undefined) {
    const phone = normalisePhoneNumber(cells.phoneNumber);
    if (!phone.ok) {
      problems.push(
        cellProblem(row.rowNumber, "phoneNumber", phone.code, phone.message, "error", {
          value: cells.phoneNumber,
        }),
      );
    } else {
      phoneNumber = phone.e164;
      if (phone.restoredPlus) {
        problems.push(
          cellProblem(
            row.rowNumber,
            "phoneNumber",
            "phone_plus_restored",
            `"${cells.phoneNumber}" has no leading +, so it was read as ${phone.e164}. Check that this is the right number.`,
            "warning",
            { value: cells.phoneNumber, e164: phone.e164 },
          ),
        );
      }
    }
  }

  let extension: string | undefined;
  if (cells.extension !== undefined) {
    const ext = normaliseExtension(cells.extension);
    if (ext.ok) extension = ext.extension;
    else
      problems.push(
        cellProblem(row.rowNumber, "extension", ext.code, ext.message, "error", {
          value: cells.extension,
        }),
      );
  }

  if (problems.some((p) => p.severity === "error")) {
    return { rowNumber: row.rowNumber, ...(emailKey ? { emailKey } : {}), problems };
  }

  const baseLicences: CsvUserRow["baseLicences"] = {};
  for (const id of BASE_LICENCE_IDS) {
    const v = cells[licenceColumnKey(id)];
    if (v !== undefined) baseLicences[id] = v;
  }
  const packages: CsvUserRow["packages"] = {};
  for (const id of PACKAGE_IDS) {
    const v = cells[packageColumnKey(id)];
    if (v !== undefined) packages[id] = v;
  }

  const value: CsvUserRow = {
    rowNumber: row.rowNumber,
    email: email as string,
    emailKey: emailKey as string,
    firstName: cells.firstName,
    lastName: cells.lastName,
    displayName: cells.displayName,
    phoneNumber,
    extension,
    location: cells.location,
    preferredWebexSite: cells.preferredWebexSite,
    baseLicences,
    packages,
  };
  return { rowNumber: row.rowNumber, emailKey, value, problems };
}

function emailKeyOf(raw: string | undefined): { emailKey?: string } {
  const email = raw === undefined ? "" : unprotectCell(raw).trim();
  return email !== "" && EmailSchema.safeParse(email).success
    ? { emailKey: email.toLowerCase() }
    : {};
}

function cellProblem(
  row: number,
  key: ColumnKey,
  code: IssueCode,
  message: string,
  severity: "error" | "warning" = "error",
  params?: Record<string, string | number>,
): ProblemError {
  return { code, message, row, column: columnHeader(key), severity, ...(params ? { params } : {}) };
}
