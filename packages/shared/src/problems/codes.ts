/**
 * The one registry of every code a person can be shown, and of the params each code's text may
 * interpolate. The API sends a code (plus params) next to its English `message`; the web says it
 * in the UI language from `problems.<code>` in `apps/web/src/locales/{en,sv}.json`, and a unit
 * test there fails when a registered code lacks a text or a text uses a param not declared here.
 *
 * A new code goes in the group that says where it travels; producers use the typed names, so a
 * code that is not registered is a type error.
 */

/**
 * HTTP problems: the `code` of a problem+json answer. This is the one code → HTTP status map;
 * `title` is the English title the answer carries.
 */
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
  bulk_conflict: {
    status: 409,
    title: "Some selected users were removed or changed meanwhile; nothing was changed",
  },
  bulk_not_applicable: {
    status: 422,
    title: "The action cannot be applied to every selected user; nothing was changed",
  },
  import_running: {
    status: 409,
    title: "An import is already running for this customer",
    params: ["fileName", "startedBy"],
  },
  import_has_errors: { status: 409, title: "The import has rows with errors" },
  import_not_applicable: {
    status: 409,
    title: "This import cannot be applied in its current state",
  },
  // The same file (same bytes) is previewed and still open for the customer; `importId` names it.
  import_preview_exists: {
    status: 409,
    title: "This file's preview is already open",
    params: ["fileName", "uploadedBy"],
  },
  import_not_discardable: {
    status: 409,
    title: "Only a preview that was not applied can be discarded",
  },
  // A preview left unapplied for 24 hours (spec §6) cannot be applied; it is also the reason an
  // expired preview keeps (`failure`), see PROBLEMS_KEPT_AS_REASONS.
  import_preview_expired: {
    status: 409,
    title: "This preview expired: it was not applied within 24 hours",
  },
  // A customer that is not active refuses every change to its users, locations, quotas and
  // imports (spec §3, §11); `customerStatus` on the problem says which status it is in.
  customer_suspended: {
    status: 409,
    title: "The customer is suspended: its users, locations, quotas and imports cannot change",
  },
  customer_not_active: {
    status: 409,
    title: "The customer is not active: its users, locations, quotas and imports cannot change",
    params: ["status"],
  },
  external_id_taken: {
    status: 409,
    title: "Another customer already has this external ID",
    params: ["value"],
  },
  quota_below_usage: {
    status: 409,
    title: "A quota cannot be lower than the users holding it",
    params: ["package", "assignedUsers"],
  },
  package_in_use: {
    status: 409,
    title: "A package cannot be withdrawn while users hold it",
    params: ["package", "assignedUsers"],
  },
  location_name_taken: {
    status: 409,
    title: "The customer already has a location of that name",
    params: ["value"],
  },
  location_in_use: {
    status: 409,
    title: "The location cannot be deleted while users belong to it",
    params: ["count", "location"],
  },
  webex_site_in_use: {
    status: 409,
    title: "A Webex site cannot be removed while users prefer it",
    params: ["site", "count"],
  },
  file_too_large: { status: 413, title: "The file is too large" },
  unsupported_media_type: { status: 415, title: "Unsupported content type" },
  csv_invalid: { status: 422, title: "The CSV file cannot be imported" },
  rate_limited: { status: 429, title: "Too many attempts" },
  // One-time links (invitations and password resets). Unknown and malformed tokens answer
  // invitation_not_found alike; the other three say why the link no longer works.
  invitation_not_found: { status: 404, title: "This link is not valid" },
  invitation_used: { status: 410, title: "This link has already been used" },
  invitation_expired: { status: 410, title: "This link has expired" },
  invitation_revoked: { status: 410, title: "This link has been replaced or withdrawn" },
  // Administrators (spec §12).
  admin_email_taken: {
    status: 409,
    title: "Another administrator already uses this email",
    params: ["email"],
  },
  own_account: { status: 409, title: "You cannot do this to your own account" },
  last_full_admin: {
    status: 409,
    title: "The partner's last full administrator cannot be removed, disabled or demoted",
  },
  admin_not_assignable: {
    status: 409,
    title: "Only partner administrators are assigned customers",
  },
  admin_not_invited: {
    status: 409,
    title: "Only an administrator who has not accepted yet can be invited again",
  },
  not_ready: { status: 503, title: "The service is not ready to answer yet" },
  internal: { status: 500, title: "Something went wrong on our side" },
} as const satisfies Record<string, { status: number; title: string; params?: readonly string[] }>;
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** What the shared rules (manual add, package change, CSV import) report per field or row. */
export const RULE_ISSUES = {
  phone_invalid: ["value"],
  phone_plus_restored: ["value", "e164"],
  extension_invalid: ["value"],
  calling_number_required: ["package", "packageId"],
  calling_fields_not_allowed: ["package", "packageId", "value"],
  location_required: ["package", "packageId", "locationCount"],
  location_unknown: ["value"],
  webex_site_missing: ["package", "packageId"],
  /** An error in forms and the API, a warning in a CSV row (spec §3). */
  webex_site_unknown: ["value", "sites"],
  email_duplicate: ["value", "row", "otherRow", "count"],
  email_exists: ["value"],
  phone_taken: ["value", "heldBy", "heldByRow"],
  extension_taken: ["value", "heldBy", "heldByRow", "location"],
  quota_exceeded: ["package", "packageId", "requested", "position", "free", "max"],
  package_not_offered: ["package", "packageId"],
} as const satisfies Record<string, readonly string[]>;
export type RuleIssueCode = keyof typeof RULE_ISSUES;

/**
 * The CSV module's file and row problems (`row` and `column` come from the problem itself), and
 * why a row, or part of it, is skipped under the chosen behaviour.
 */
export const CSV_ISSUES = {
  // The file as a whole.
  csv_empty: [],
  csv_too_large: ["size", "max"],
  csv_not_text: [],
  csv_unknown_encoding: [],
  csv_encoding_guessed: [],
  csv_malformed_quote: ["row"],
  csv_unterminated_quote: ["row"],
  csv_too_many_cells: ["row"],
  csv_no_data_rows: [],
  csv_too_many_rows: ["rows", "max"],
  csv_column_without_header: ["column"],
  csv_unknown_column: ["column"],
  csv_duplicate_column: ["column"],
  csv_missing_email_column: ["column"],
  // One cell.
  csv_formula_not_allowed: ["column"],
  csv_value_too_long: ["column", "length", "max"],
  csv_invalid_flag: ["column"],
  csv_invalid_value: ["column"],
  csv_email_missing: ["column"],
  csv_email_invalid: ["column"],
  // One row against the customer's users.
  csv_several_packages: ["packages"],
  csv_remove_unknown_user: ["email"],
  csv_new_user_without_package: ["email"],
  csv_package_removed_without_replacement: ["package", "missingColumns"],
  csv_licence_given_anyway: ["column"],
  // Skipped reasons (Add services only never takes anything away).
  csv_removal_skipped: [],
  csv_package_kept: ["package"],
  csv_licence_kept: ["column"],
} as const satisfies Record<string, readonly string[]>;
export type CsvIssueCode = keyof typeof CSV_ISSUES;

/**
 * Per-field codes of `validation_failed`: zod's issue codes as the API's request validation
 * reports them, and the few the routes set by hand. The web tells some apart by field (below).
 */
export const FIELD_ISSUES = {
  required: [],
  invalid: [],
  invalid_type: [],
  invalid_value: [],
  invalid_format: [],
  invalid_union: [],
  invalid_key: [],
  invalid_element: [],
  too_big: ["maximum"],
  too_small: ["minimum"],
  not_multiple_of: [],
  unrecognized_keys: [],
  custom: [],
  /** Text with NUL or unpaired surrogates, which no database column can store. */
  invalid_characters: [],
} as const satisfies Record<string, readonly string[]>;
export type FieldIssueCode = keyof typeof FIELD_ISSUES;

/**
 * Why a password was refused (spec §12), in `errors[]` of a `validation_failed` on the password
 * field: each reason its own code so a person is told what to change.
 */
export const PASSWORD_ISSUES = {
  password_too_short: ["minLength", "length"],
  password_contains_email: ["localPart"],
  password_too_common: [],
  password_too_weak: ["score", "minScore"],
  current_password_wrong: [],
} as const satisfies Record<string, readonly string[]>;
export type PasswordIssueCode = keyof typeof PASSWORD_ISSUES;

/** Why a bulk action (spec §13) refused a selected user, in `errors[]` on `userIds.<i>`. */
export const BULK_ISSUES = {
  user_not_found: ["userId"],
  user_changed: ["userId", "email", "name", "version"],
} as const satisfies Record<string, readonly string[]>;
export type BulkIssueCode = keyof typeof BULK_ISSUES;

/**
 * Per-field detail of the customer settings, quota and location refusals (spec §11), in
 * `errors[]` next to the HTTP code that names the refusal as a whole.
 */
export const CUSTOMER_ISSUES = {
  external_id_duplicate: ["value"],
  quota_below_holders: ["package", "assignedUsers", "maxUsers"],
  package_still_held: ["package", "assignedUsers"],
  location_name_duplicate: ["value"],
  location_has_users: ["count", "location", "locationId"],
  webex_site_has_users: ["site", "count"],
  /** A customer administrator sent a field only the partner may change. */
  partner_only_field: ["field"],
  /** Create customer: a calling package was chosen without the customer's first location. */
  location_required_for_calling: ["package", "packageId"],
} as const satisfies Record<string, readonly string[]>;
export type CustomerIssueCode = keyof typeof CUSTOMER_ISSUES;

/**
 * Why an administrator's invitation (spec §12) was refused, in `errors[]` on the field to change:
 * `email` when another administrator has it (the answer is 409 `admin_email_taken`),
 * `customerIds` when the role sees every customer anyway (400 `validation_failed`), and
 * `customerIds.<i>` for an id that is not one of the partner's customers (404 `not_found`).
 */
export const ADMIN_ISSUES = {
  email_used_by_admin: ["email"],
  customers_not_for_role: [],
  customer_not_found: ["customerId"],
} as const satisfies Record<string, readonly string[]>;
export type AdminIssueCode = keyof typeof ADMIN_ISSUES;

/** Why an import row could not be applied when its turn came, or the task as a whole stopped. */
export const IMPORT_FAILURES = {
  apply_changed_meanwhile: [],
  apply_taken_meanwhile: [],
  apply_quota_exceeded: ["packages"],
  import_task_failed: [],
  /** Its customer was deleted while the import was queued or running (spec §11). */
  import_cancelled: [],
  /** English prose stored before codes were: shown as it is. */
  stored_text: ["text"],
} as const satisfies Record<string, readonly string[]>;
export type ImportFailureCode = keyof typeof IMPORT_FAILURES;

/**
 * HTTP problems that are also kept as an import's reason (`failure`): the same code and text
 * whether apply refused the preview or the worker expired it, so they are registered once, here.
 */
export const PROBLEMS_KEPT_AS_REASONS = [
  "import_preview_expired",
] as const satisfies readonly ProblemCode[];
export type ProblemKeptAsReason = (typeof PROBLEMS_KEPT_AS_REASONS)[number];

/** Codes the web itself produces when there is no problem+json to read. */
export const CLIENT_PROBLEMS = {
  network_error: [],
  bad_response: [],
} as const satisfies Record<string, readonly string[]>;
export type ClientProblemCode = keyof typeof CLIENT_PROBLEMS;

/**
 * Texts that say one code more precisely, picked by the web from the problem's params or field
 * (see `problemKey` in apps/web/src/lib/problem-message.ts). `of` names the codes they refine.
 */
export const MESSAGE_VARIANTS = {
  phone_taken_in_request: { of: ["phone_taken"], params: ["value", "heldByRow"] },
  extension_taken_in_request: { of: ["extension_taken"], params: ["value", "heldByRow"] },
  // A CSV row's problem carries `row`, and its other row is a row of the file, not "user N".
  email_duplicate_in_file: { of: ["email_duplicate"], params: ["value", "otherRow"] },
  phone_taken_in_file: { of: ["phone_taken"], params: ["value", "heldByRow"] },
  extension_taken_in_file: { of: ["extension_taken"], params: ["value", "heldByRow"] },
  location_required_none: { of: ["location_required"], params: ["package"] },
  csv_package_removed_columns_missing: {
    of: ["csv_package_removed_without_replacement"],
    params: ["package", "missingColumns"],
  },
  too_long: { of: ["too_big"], params: [] },
  email_invalid: { of: ["invalid_format", "too_small", "invalid_value"], params: [] },
  first_name_required: { of: ["invalid_format", "too_small", "invalid_value"], params: [] },
  last_name_required: { of: ["invalid_format", "too_small", "invalid_value"], params: [] },
  package_required: { of: ["invalid_format", "too_small", "invalid_value"], params: [] },
} as const satisfies Record<string, { of: readonly IssueCode[]; params: readonly string[] }>;
export type MessageVariant = keyof typeof MESSAGE_VARIANTS;

/** Every code a `ProblemError` (an item of `errors[]`, a row problem, a reason) may carry. */
export type IssueCode =
  | RuleIssueCode
  | CsvIssueCode
  | FieldIssueCode
  | PasswordIssueCode
  | BulkIssueCode
  | CustomerIssueCode
  | AdminIssueCode
  | ImportFailureCode
  | ProblemKeptAsReason;

export const ISSUE_CODES = [
  ...(Object.keys(RULE_ISSUES) as RuleIssueCode[]),
  ...(Object.keys(CSV_ISSUES) as CsvIssueCode[]),
  ...(Object.keys(FIELD_ISSUES) as FieldIssueCode[]),
  ...(Object.keys(PASSWORD_ISSUES) as PasswordIssueCode[]),
  ...(Object.keys(BULK_ISSUES) as BulkIssueCode[]),
  ...(Object.keys(CUSTOMER_ISSUES) as CustomerIssueCode[]),
  ...(Object.keys(ADMIN_ISSUES) as AdminIssueCode[]),
  ...(Object.keys(IMPORT_FAILURES) as ImportFailureCode[]),
  ...(PROBLEMS_KEPT_AS_REASONS as readonly ProblemKeptAsReason[]),
] as [IssueCode, ...IssueCode[]];

export const PROBLEM_CODE_NAMES = Object.keys(PROBLEM_CODES) as [ProblemCode, ...ProblemCode[]];

/** Every key under `problems.` in the locale files: codes of every group, and variants. */
export type MessageKey = ProblemCode | IssueCode | ClientProblemCode | MessageVariant;

function paramsOf(group: Record<string, readonly string[]>): [string, readonly string[]][] {
  return Object.entries(group);
}

/** Each message key and the params its text may use. Built once; the groups never share a key. */
export const MESSAGE_PARAMS: ReadonlyMap<MessageKey, readonly string[]> = new Map(
  [
    ...Object.entries(PROBLEM_CODES).map(([code, spec]): [string, readonly string[]] => [
      code,
      "params" in spec ? spec.params : [],
    ]),
    ...paramsOf(RULE_ISSUES),
    ...paramsOf(CSV_ISSUES),
    ...paramsOf(FIELD_ISSUES),
    ...paramsOf(PASSWORD_ISSUES),
    ...paramsOf(BULK_ISSUES),
    ...paramsOf(CUSTOMER_ISSUES),
    ...paramsOf(ADMIN_ISSUES),
    ...paramsOf(IMPORT_FAILURES),
    ...paramsOf(CLIENT_PROBLEMS),
    ...Object.entries(MESSAGE_VARIANTS).map(([key, spec]): [string, readonly string[]] => [
      key,
      spec.params,
    ]),
  ].map(([key, params]) => [key as MessageKey, params]),
);

/** How many times each key is registered across the groups (a key in two groups is a mistake). */
export function registeredKeyCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const group of [
    PROBLEM_CODES,
    RULE_ISSUES,
    CSV_ISSUES,
    FIELD_ISSUES,
    PASSWORD_ISSUES,
    BULK_ISSUES,
    CUSTOMER_ISSUES,
    ADMIN_ISSUES,
    IMPORT_FAILURES,
    CLIENT_PROBLEMS,
    MESSAGE_VARIANTS,
  ]) {
    for (const key of Object.keys(group)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function isIssueCode(code: string): code is IssueCode {
  return (ISSUE_CODES as readonly string[]).includes(code);
}

export function isMessageKey(key: string): key is MessageKey {
  return MESSAGE_PARAMS.has(key as MessageKey);
}
