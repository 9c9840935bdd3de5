import { z } from "zod";
import { PaginationQuerySchema } from "./pagination.ts";
import { plainText } from "./text.ts";

export const AUDIT_SOURCES = [
  "manual_add",
  "package_change",
  "csv_import",
  "customer_settings",
  "locations",
  // Administrators and their sign-in (spec §12): invitations, roles, assignments, passwords.
  "administration",
  "user_edit",
  "user_remove",
  "bulk_change_package",
  "bulk_remove",
] as const;
export const AuditSourceSchema = z.enum(AUDIT_SOURCES);
export type AuditSource = z.infer<typeof AuditSourceSchema>;

export const AUDIT_ACTIONS = [
  "user.created",
  "user.updated",
  "user.removed",
  "user.package_changed",
  "customer.created",
  "customer.updated",
  "customer.suspended",
  "customer.reactivated",
  "customer.quotas_changed",
  "customer.deleted",
  "location.created",
  "location.updated",
  "location.deleted",
  "admin.invited",
  "admin.invitation_resent",
  "admin.accepted",
  "admin.role_changed",
  "admin.customer_assigned",
  "admin.customer_unassigned",
  "admin.disabled",
  "admin.enabled",
  "admin.removed",
  "admin.password_changed",
  "admin.password_reset",
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditEventAction = z.infer<typeof AuditActionSchema>;

export const AuditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorEmail: z.string(),
  /** Null for a partner-level event (an administrator of the partner itself). */
  customerId: z.string().nullable(),
  /** The customer's name, in the partner-level log. */
  customerName: z.string().nullable().optional(),
  /** The administrator an `admin.*` event was about ("to whom"); their email is `userEmail`. */
  adminId: z.string().nullable().optional(),
  userId: z.string().nullable(),
  userEmail: z.string(),
  action: AuditActionSchema,
  source: AuditSourceSchema,
  importId: z.string().nullable(),
  rowNumber: z.number().int().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const ListAuditQuerySchema = PaginationQuerySchema.extend({
  userId: plainText(100).optional(),
  source: AuditSourceSchema.optional(),
}).strict();
export type ListAuditQuery = z.infer<typeof ListAuditQuerySchema>;

/** The partner-level log (spec §11/§12): the partner's own events and every customer's. */
export const ListPartnerAuditQuerySchema = PaginationQuerySchema.extend({
  source: AuditSourceSchema.optional(),
  customerId: plainText(100).optional(),
}).strict();
export type ListPartnerAuditQuery = z.infer<typeof ListPartnerAuditQuerySchema>;
