import { z } from "zod";
import { ISSUE_CODES, PROBLEM_CODE_NAMES } from "../problems/codes.ts";

/**
 * RFC 9457 problem details. `errors[]` carries per-field detail: `field` is a dotted path into
 * the request body (`users.3.email`), or names where else it came from (`query.max`,
 * `params.userId`); for CSV rows `row` (as the csv module numbers them) and `column` (the header
 * as written in the file).
 */
export const ProblemErrorSchema = z.object({
  /** A registered code (`problems/codes.ts`): the web says it in the UI language. */
  code: z.enum(ISSUE_CODES),
  /** The same in English, for integrators, the CSV error column and logs. */
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
  code: z.enum(PROBLEM_CODE_NAMES),
  /** Values `detail` was built from, so a client can say it by `code` in its own language. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  errors: z.array(ProblemErrorSchema).optional(),
  /** Extra members some problems carry, e.g. the current user on a version conflict. */
  current: z.unknown().optional(),
  importId: z.string().optional(),
  /** The customer's status when it refuses changes for not being active (409). */
  customerStatus: z.string().optional(),
  /** How many users hold what the request would remove (a location in use, 409). */
  userCount: z.number().int().optional(),
  /** The API list of those users (a location or package in use, 409), for a link to them. */
  usersUrl: z.string().optional(),
  /** Fresh outcome counts when an import is refused for errors. */
  counts: z.record(z.string(), z.number()).optional(),
  /** On rate_limited: seconds until another attempt is allowed (also the Retry-After header). */
  retryAfterSeconds: z.number().int().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
