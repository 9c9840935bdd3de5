import { z } from "zod";
import { UuidParamSchema } from "./path-ids.ts";
import { ImportBehaviourSchema } from "../csv/classify.ts";
import { PaginationQuerySchema, SearchTextSchema } from "./pagination.ts";
import { ProblemErrorSchema } from "./problem.ts";
import { plainText } from "./text.ts";

export const IMPORT_STATUSES = [
  "previewed",
  "queued",
  "running",
  "completed",
  "failed",
  "discarded",
] as const;
export const ImportStatusSchema = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const ROW_OUTCOMES = ["add", "modify", "remove", "unchanged", "skipped", "error"] as const;
export const RowOutcomeSchema = z.enum(ROW_OUTCOMES);

export const OutcomeCountsSchema = z.object({
  add: z.number().int(),
  modify: z.number().int(),
  remove: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  error: z.number().int(),
});
export type ImportCounts = z.infer<typeof OutcomeCountsSchema>;

/** One CSV import: its preview counts, then its progress and results as a background task. */
export const ImportSummarySchema = z.object({
  id: z.string(),
  customerId: z.string(),
  fileName: z.string(),
  behaviour: ImportBehaviourSchema,
  status: ImportStatusSchema,
  totalRows: z.number().int(),
  counts: OutcomeCountsSchema,
  /** Rows the task has worked through, of those it has to apply. */
  processedRows: z.number().int(),
  rowsToApply: z.number().int(),
  appliedRows: z.number().int(),
  failedRows: z.number().int(),
  applyValidRowsOnly: z.boolean(),
  createdByEmail: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Why the task stopped, in English (`failure.message`); kept for integrators. */
  failureReason: z.string().nullable(),
  /** Why the task stopped, as a code the UI says in its own language. */
  failure: ProblemErrorSchema.nullable(),
  encoding: z.string(),
  warnings: z.array(ProblemErrorSchema),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/**
 * The fields a row's `changes` name: the user's own (as in a user's JSON, but the location by its
 * name) and each base licence as `baseLicences.<licence>`.
 */
export const PLAN_TEXT_FIELDS = [
  "firstName",
  "lastName",
  "displayName",
  "phoneNumber",
  "extension",
  "location",
  "preferredWebexSite",
  "package",
] as const;
export const PLAN_LICENCE_FIELDS = [
  "baseLicences.basic_messaging",
  "baseLicences.basic_space_meetings",
  "baseLicences.call_on_webex",
] as const;
export const PLAN_CHANGE_FIELDS = [...PLAN_TEXT_FIELDS, ...PLAN_LICENCE_FIELDS] as const;
export type PlanChangeField = (typeof PLAN_CHANGE_FIELDS)[number];

/**
 * One field a modifying row changes, before → after: text (null when empty; a package by its id,
 * a location by its name) or, for a base licence, whether the user has it.
 */
export const PlanChangeSchema = z.union([
  z.object({
    field: z.enum(PLAN_TEXT_FIELDS),
    before: z.string().nullable(),
    after: z.string().nullable(),
  }),
  z.object({
    field: z.enum(PLAN_LICENCE_FIELDS),
    before: z.boolean(),
    after: z.boolean(),
  }),
]);
export type PlanChange = z.infer<typeof PlanChangeSchema>;

export const ImportRowResultSchema = z.object({
  rowNumber: z.number().int(),
  email: z.string(),
  /**
   * Who the row is about: the existing user's display name (modify, remove, unchanged, skipped)
   * or the new user's (add); null when the row could not be read that far.
   */
  name: z.string().nullable(),
  /** The package the user has after the row (add, modify) or has now (remove, unchanged, skipped). */
  // A plain string, not the package enum: a nullable enum becomes an OpenAPI 3.0 schema whose
  // enum leaves out null.
  package: z.string().nullable(),
  /** Field by field what a modifying row changes; empty for every other outcome. */
  changes: z.array(PlanChangeSchema),
  outcome: RowOutcomeSchema,
  problems: z.array(ProblemErrorSchema),
  /** Why the row, or part of it, is not applied, in English (each `skipped[].message`). */
  skippedReasons: z.array(z.string()),
  /** The same reasons as codes with params, for the UI to say in its own language. */
  skipped: z.array(ProblemErrorSchema),
  applied: z.boolean(),
  /** Why applying the row failed, in English (`applyProblem.message`). */
  applyError: z.string().nullable(),
  /** Why applying the row failed, as a code. */
  applyProblem: ProblemErrorSchema.nullable(),
});
export type ImportRowResult = z.infer<typeof ImportRowResultSchema>;

/** The preview answers the summary and every row worth a look: errors, skips and warnings. */
export const ImportPreviewSchema = ImportSummarySchema.extend({
  problemRows: z.array(ImportRowResultSchema),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ApplyImportInputSchema = z
  .object({ applyValidRowsOnly: z.boolean().optional() })
  .strict()
  .default({});

export const ImportParamsSchema = z.object({
  customerId: UuidParamSchema,
  importId: UuidParamSchema,
});

/**
 * `previews`: imports previewed and not yet applied (not started); `tasks`: those that were applied
 * (queued, running, finished). Without it, both. Discarded imports are never listed.
 */
export const IMPORT_LIST_KINDS = ["previews", "tasks"] as const;
export const ListImportsQuerySchema = PaginationQuerySchema.extend({
  kind: z.enum(IMPORT_LIST_KINDS).optional(),
}).strict();
export type ListImportsQuery = z.infer<typeof ListImportsQuerySchema>;

export const ListImportRowsQuerySchema = PaginationQuerySchema.extend({
  outcome: RowOutcomeSchema.optional(),
  /** Part of the row's email or name (case-insensitive). */
  search: SearchTextSchema.optional(),
  /** Only rows with errors (preview errors or failures while applying). */
  failed: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
}).strict();
export type ListImportRowsQuery = z.infer<typeof ListImportRowsQuerySchema>;

/**
 * GET /csv-template: with `customerId` (a customer the caller may see) the example row names
 * one of that customer's locations; without it the template is the same for everyone.
 */
export const CsvTemplateQuerySchema = z.object({ customerId: plainText(100).optional() }).strict();
export type CsvTemplateQuery = z.infer<typeof CsvTemplateQuerySchema>;
