import { z } from "zod";
import { BaseLicenceIdSchema } from "../catalogue/base-licences.ts";
import { PackageIdSchema } from "../catalogue/packages.ts";
import { ProblemErrorSchema } from "./problem.ts";
import { plainText } from "./text.ts";
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
  location: z.string().trim().max(100).optional(),
  sort: z.enum(USER_SORTS).default("name"),
  order: SortOrderSchema.default("asc"),
}).strict();
export type ListUsersQuery = z.infer<typeof ListUsersQuerySchema>;

export const UserParamsSchema = z.object({
  customerId: z.string().max(100),
  userId: z.string().max(100),
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

export const CreateUsersResultSchema = z.object({
  items: z.array(UserSchema),
  /** Accepted but worth fixing (e.g. a meetings user without a Preferred Webex Site). */
  warnings: z.array(ProblemErrorSchema),
});
export type CreateUsersResult = z.infer<typeof CreateUsersResultSchema>;

export const ChangePackageInputSchema = z.object({
  package: PackageIdSchema,
  phoneNumber: optionalText(32),
  extension: optionalText(FIELD_LIMITS.extension),
  locationId: optionalText(100),
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
