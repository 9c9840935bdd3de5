import { z } from "zod";
import { UuidParamSchema } from "./path-ids.ts";
import { BASE_LICENCE_IDS, BaseLicenceIdSchema } from "../catalogue/base-licences.ts";
import { PackageIdSchema } from "../catalogue/packages.ts";
import { ProblemErrorSchema } from "./problem.ts";
import { CONTROL_CHARACTERS_MESSAGE, hasNoControlCharacters, plainText } from "./text.ts";
import { PaginationQuerySchema, SearchTextSchema, SortOrderSchema } from "./pagination.ts";

export const USER_STATUSES = ["active", "pending", "inactive"] as const;
export const UserStatusSchema = z.enum(USER_STATUSES);
export type UserStatus = z.infer<typeof UserStatusSchema>;

/** Limits on what a person can type; the database columns are unbounded text. */
export const FIELD_LIMITS = { name: 100, email: 254, site: 253, extension: 10 } as const;

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  package: PackageIdSchema,
  phoneNumber: z.string().nullable(),
  extension: z.string().nullable(),
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  preferredWebexSite: z.string().nullable(),
  baseLicences: z.array(BaseLicenceIdSchema),
  status: UserStatusSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const USER_SORTS = ["name", "email", "package", "status", "createdAt"] as const;

export const ListUsersQuerySchema = PaginationQuerySchema.extend({
  search: SearchTextSchema.optional(),
  package: PackageIdSchema.optional(),
  status: UserStatusSchema.optional(),
  /** A location's id: its users (the link from a location that cannot be deleted). */
  location: UuidParamSchema.optional(),
  sort: z.enum(USER_SORTS).default("name"),
  order: SortOrderSchema.default("asc"),
}).strict();
export type ListUsersQuery = z.infer<typeof ListUsersQuerySchema>;

export const UserParamsSchema = z.object({
  customerId: UuidParamSchema,
  userId: UuidParamSchema,
});

/** Optional text: "" and whitespace mean "not given". */
const optionalText = (max: number) =>
  plainText(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** One user in a manual add (spec §5). The rules module adds the package-dependent checks. */
export const NewUserInputSchema = z.object({
  email: z
    .string()
    .trim()
    .max(FIELD_LIMITS.email)
    .pipe(z.email({ error: "Enter a valid email address" })),
  firstName: z.string().trim().min(1, { error: "Enter a first name" }).max(FIELD_LIMITS.name),
  lastName: z.string().trim().min(1, { error: "Enter a last name" }).max(FIELD_LIMITS.name),
  displayName: optionalText(FIELD_LIMITS.name * 2 + 1),
  package: PackageIdSchema,
  phoneNumber: optionalText(32),
  extension: optionalText(FIELD_LIMITS.extension),
  locationId: optionalText(100),
  preferredWebexSite: optionalText(FIELD_LIMITS.site),
});
export type NewUserInput = z.input<typeof NewUserInputSchema>;
export type NewUser = z.output<typeof NewUserInputSchema>;

export const MAX_MANUAL_USERS = 25;

export const CreateUsersInputSchema = z.object({
  users: z
    .array(NewUserInputSchema)
    .min(1, { error: "Add at least one user" })
    .max(MAX_MANUAL_USERS, {
      error: (issue) =>
        `At most ${MAX_MANUAL_USERS} users can be added at a time; this request has ${(issue.input as unknown[]).length}. Use CSV add or edit for more.`,
    }),
});
export type CreateUsersInput = z.input<typeof CreateUsersInputSchema>;

/** The fields a person types into a manual-add row; locations and sites may be preselected. */
const TYPED_FIELDS = [
  "email",
  "firstName",
  "lastName",
  "displayName",
  "package",
  "phoneNumber",
  "extension",
] as const;

/**
 * Spec §5: a row where nothing was typed (no email, name, package or number) is not a user to
 * add, not an error: the wizard's spare rows are left out, by the browser and the API alike.
 */
export function isBlankNewUserRow(row: unknown): boolean {
  if (!row || typeof row !== "object") return false;
  const r = row as Record<string, unknown>;
  return TYPED_FIELDS.every((f) => {
    const v = r[f];
    return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  });
}

/** `{ users }` without its blank rows (anything else is left for the schema to judge). */
export function withoutBlankNewUserRows(body: unknown): unknown {
  if (!body || typeof body !== "object" || !Array.isArray((body as { users?: unknown }).users))
    return body;
  const b = body as { users: unknown[] };
  return { ...b, users: b.users.filter((u) => !isBlankNewUserRow(u)) };
}

/** `POST …/users/validate`: the manual add would succeed; nothing was created. */
export const ValidateUsersResultSchema = z.object({
  /** How many users the add would create (blank rows left out). */
  count: z.number().int(),
  warnings: z.array(ProblemErrorSchema),
});
export type ValidateUsersResult = z.infer<typeof ValidateUsersResultSchema>;

export const CreateUsersResultSchema = z.object({
  items: z.array(UserSchema),
  /** Accepted but worth fixing (e.g. a meetings user without a Preferred Webex Site). */
  warnings: z.array(ProblemErrorSchema),
});
export type CreateUsersResult = z.infer<typeof CreateUsersResultSchema>;

/**
 * PATCH text: left out means "keep as it is"; null, "" or whitespace clear the field. (The
 * create schema's `optionalText` cannot tell "left out" from "cleared".)
 */
const patchText = (max: number) =>
  plainText(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v ? v : null));

export const ChangePackageInputSchema = z.object({
  package: PackageIdSchema,
  phoneNumber: optionalText(32),
  extension: optionalText(FIELD_LIMITS.extension),
  locationId: optionalText(100),
  /** One of the customer's Webex sites; left out, the user keeps theirs. */
  preferredWebexSite: patchText(FIELD_LIMITS.site),
  /** Alternative to the If-Match header. */
  version: z.number().int().min(1).optional(),
});

export const ChangePackageResultSchema = UserSchema.extend({
  warnings: z.array(ProblemErrorSchema),
});
export type ChangePackageResult = z.infer<typeof ChangePackageResultSchema>;
export type ChangePackageInput = z.input<typeof ChangePackageInputSchema>;

export function baseLicencesOf(u: {
  basicMessaging: boolean;
  basicSpaceMeetings: boolean;
  callOnWebex: boolean;
}): z.infer<typeof BaseLicenceIdSchema>[] {
  const out: z.infer<typeof BaseLicenceIdSchema>[] = [];
  if (u.basicMessaging) out.push("basic_messaging");
  if (u.basicSpaceMeetings) out.push("basic_space_meetings");
  if (u.callOnWebex) out.push("call_on_webex");
  return out;
}

const patchName = (error: string) =>
  z
    .string()
    .trim()
    .min(1, { error })
    .max(FIELD_LIMITS.name)
    .refine(hasNoControlCharacters, { error: CONTROL_CHARACTERS_MESSAGE })
    .optional();

/**
 * Spec §13: the details an admin edits on the user page. The email is the user's key and is not
 * edited (a changed email is a new user, spec §6); the package has its own flow (§7). Unknown
 * members are refused by name rather than silently ignored.
 */
export const UpdateUserInputSchema = z
  .object({
    firstName: patchName("Enter a first name"),
    lastName: patchName("Enter a last name"),
    /** Cleared: shown as "first last". */
    displayName: patchText(FIELD_LIMITS.name * 2 + 1),
    phoneNumber: patchText(32),
    extension: patchText(FIELD_LIMITS.extension),
    locationId: patchText(100),
    preferredWebexSite: patchText(FIELD_LIMITS.site),
    baseLicences: z
      .array(BaseLicenceIdSchema)
      .max(BASE_LICENCE_IDS.length)
      .refine((ids) => new Set(ids).size === ids.length, {
        error: "Name each base licence at most once.",
      })
      .optional(),
    /** Alternative to the If-Match header. */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type UpdateUserInput = z.input<typeof UpdateUserInputSchema>;
export type UserEdit = Omit<z.output<typeof UpdateUserInputSchema>, "version">;

export const UpdateUserResultSchema = ChangePackageResultSchema;
export type UpdateUserResult = ChangePackageResult;

/** Spec §13: how many users one bulk action may name (a page, or every match up to this). */
export const MAX_BULK_USERS = 1000;
export const BULK_ACTIONS = ["change_package", "remove"] as const;
export const BulkActionSchema = z.enum(BULK_ACTIONS);
export type BulkAction = z.infer<typeof BulkActionSchema>;

export const BulkUsersInputSchema = z
  .object({
    action: BulkActionSchema,
    userIds: z
      .array(UuidParamSchema)
      .min(1, { error: "Select at least one user" })
      .max(MAX_BULK_USERS, {
        error: (issue) =>
          `At most ${MAX_BULK_USERS} users can be changed at a time; this request has ${(issue.input as unknown[]).length}.`,
      }),
    /** The target package of `change_package`. */
    package: PackageIdSchema.optional(),
    /**
     * Optional: the version of each user as the caller saw them. A user changed since refuses the
     * whole action, as If-Match does for one user.
     */
    versions: z.record(UuidParamSchema, z.number().int().min(1)).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.action === "change_package" && !input.package) {
      ctx.addIssue({
        code: "custom",
        path: ["package"],
        message: "Choose the package to change the selected users to.",
      });
    }
    if (input.action === "remove" && input.package) {
      ctx.addIssue({
        code: "custom",
        path: ["package"],
        message: "A package is only given when changing the package.",
      });
    }
  });
export type BulkUsersInput = z.input<typeof BulkUsersInputSchema>;

export const BulkUsersResultSchema = z.object({
  /** Users changed (or removed); users already on the target package are not counted. */
  changed: z.number().int(),
});
export type BulkUsersResult = z.infer<typeof BulkUsersResultSchema>;
