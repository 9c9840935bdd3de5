import { z } from "zod";

/**
 * RFC 9457 problem details. `errors[]` carries per-field detail: `field` is a dotted path into
 * the request body (`users.3.email`), or names where else it came from (`query.max`,
 * `params.userId`); for CSV rows `row` (as the csv module numbers them) and `column` (the header
 * as written in the file).
 */
export const ProblemErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  severity: z.enum(["error", "warning"]).optional(),
  /** Values the message was built from, so a client can translate by `code`. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ProblemError = z.infer<typeof ProblemErrorSchema>;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  errors: z.array(ProblemErrorSchema).optional(),
  /** Extra members some problems carry, e.g. the current user on a version conflict. */
  current: z.unknown().optional(),
  importId: z.string().optional(),
  /** The customer's status when it refuses changes for not being active (409). */
  customerStatus: z.string().optional(),
  /** How many users hold what the request would remove (a location in use, 409). */
  userCount: z.number().int().optional(),
  /** Fresh outcome counts when an import is refused for errors. */
  counts: z.record(z.string(), z.number()).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** The one registry of problem codes and their HTTP status. */
export const PROBLEM_CODES = {
  validation_failed: { status: 400, title: "The request is not valid" },
  malformed_request: { status: 400, title: "The request could not be read" },
  unauthenticated: { status: 401, title: "Sign in to continue" },
  invalid_credentials: { status: 401, title: "Wrong email or password" },
  csrf_failed: { status: 403, title: "The request was refused: reload the page and try again" },
  forbidden: { status: 403, title: "Your role does not allow this action" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  version_conflict: { status: 412, title: "Someone else changed this meanwhile" },
  precondition_required: { status: 428, title: "The request must say which version it changes" },
  too_many_users: { status: 400, title: "Too many users in one request" },
  import_running: { status: 409, title: "An import is already running for this customer" },
  import_has_errors: { status: 409, title: "The import has rows with errors" },
  import_not_applicable: {
    status: 409,
    title: "This import cannot be applied in its current state",
  },
  customer_suspended: {
    status: 409,
    title: "The customer is suspended: its users, locations, quotas and imports cannot change",
  },
  customer_not_active: {
    status: 409,
    title: "The customer is not active: its users, locations, quotas and imports cannot change",
  },
  external_id_taken: { status: 409, title: "Another customer already has this external ID" },
  quota_below_usage: { status: 409, title: "A quota cannot be lower than the users holding it" },
  package_in_use: { status: 409, title: "A package cannot be withdrawn while users hold it" },
  location_name_taken: { status: 409, title: "The customer already has a location of that name" },
  location_in_use: {
    status: 409,
    title: "The location cannot be deleted while users belong to it",
  },
  file_too_large: { status: 413, title: "The file is too large" },
  unsupported_media_type: { status: 415, title: "Unsupported content type" },
  csv_invalid: { status: 422, title: "The CSV file cannot be imported" },
  rate_limited: { status: 429, title: "Too many attempts" },
  internal: { status: 500, title: "Something went wrong on our side" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
