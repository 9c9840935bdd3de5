import { z } from "zod";
import { AdminRoleSchema } from "./auth.ts";
import { UuidParamSchema } from "./path-ids.ts";
import { PaginationQuerySchema, SearchTextSchema } from "./pagination.ts";
import { plainText } from "./text.ts";

export const ADMIN_STATUSES = ["invited", "active", "disabled"] as const;
export const AdminStatusSchema = z.enum(ADMIN_STATUSES);
export type AdminStatus = z.infer<typeof AdminStatusSchema>;

/** The three roles a partner's administrators may hold (spec §1). */
export const PARTNER_ROLES = [
  "partner_full_admin",
  "partner_admin",
  "partner_readonly_admin",
] as const;
export const PartnerRoleSchema = z.enum(PARTNER_ROLES);
export type PartnerRole = z.infer<typeof PartnerRoleSchema>;

/** An administrator as the Administrators pages list them (spec §12). */
export const AdminSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: AdminRoleSchema,
  status: AdminStatusSchema,
  lastSignInAt: z.string().nullable(),
  /** How many customers a partner administrator manages; null for every other role. */
  customerCount: z.number().int().nullable(),
  /** The organisation of a customer full administrator; null for partner roles. */
  customerId: z.string().nullable(),
  createdAt: z.string(),
});
export type Admin = z.infer<typeof AdminSchema>;

/** An administrator just invited (or invited again): the one-time link is shown this once. */
export const InvitedAdminSchema = AdminSchema.extend({
  invitationUrl: z.string(),
  invitationExpiresAt: z.string(),
});
export type InvitedAdmin = z.infer<typeof InvitedAdminSchema>;

export const ListAdminsQuerySchema = PaginationQuerySchema.extend({
  search: SearchTextSchema.optional(),
}).strict();
export type ListAdminsQuery = z.infer<typeof ListAdminsQuerySchema>;

/** An administrator's email, kept lower case (it is their sign-in). */
export const AdminEmailSchema = plainText(320).pipe(z.email().transform((e) => e.toLowerCase()));
const AdminNameSchema = plainText(200).pipe(z.string().min(1));
const IdSchema = z.string().max(100);

/** At most this many customers are assigned in one invitation (the rest one at a time). */
export const MAX_CUSTOMERS_PER_INVITATION = 1000;

export const InviteAdminInputSchema = z
  .object({
    email: AdminEmailSchema,
    name: AdminNameSchema,
    role: PartnerRoleSchema,
    /** Only for a partner administrator: the customers they manage. */
    customerIds: z.array(IdSchema).max(MAX_CUSTOMERS_PER_INVITATION).optional(),
  })
  .strict();
export type InviteAdminInput = z.infer<typeof InviteAdminInputSchema>;

export const UpdateAdminInputSchema = z
  .object({
    role: PartnerRoleSchema.optional(),
    status: z.enum(["active", "disabled"]).optional(),
  })
  .strict();
export type UpdateAdminInput = z.infer<typeof UpdateAdminInputSchema>;

export const InviteCustomerAdminInputSchema = z
  .object({ email: AdminEmailSchema, name: AdminNameSchema })
  .strict();
export type InviteCustomerAdminInput = z.infer<typeof InviteCustomerAdminInputSchema>;

export const UpdateCustomerAdminInputSchema = z
  .object({ status: z.enum(["active", "disabled"]) })
  .strict();
export type UpdateCustomerAdminInput = z.infer<typeof UpdateCustomerAdminInputSchema>;

export const AdminParamsSchema = z.object({ adminId: UuidParamSchema });
export const AdminCustomerParamsSchema = z.object({
  adminId: UuidParamSchema,
  customerId: UuidParamSchema,
});
export const CustomerAdminParamsSchema = z.object({
  customerId: UuidParamSchema,
  adminId: UuidParamSchema,
});

/** A customer a partner administrator manages. */
export const AssignedCustomerSchema = z.object({
  id: z.string(),
  name: z.string(),
  externalId: z.string(),
});
export type AssignedCustomer = z.infer<typeof AssignedCustomerSchema>;

export const ListAssignedCustomersQuerySchema = PaginationQuerySchema.extend({
  search: SearchTextSchema.optional(),
}).strict();
