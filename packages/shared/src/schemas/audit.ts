import { z } from "zod";
import { PaginationQuerySchema } from "./pagination.ts";
import { plainText } from "./text.ts";

export const AUDIT_SOURCES = [
  "manual_add",
  "package_change",
  "csv_import",
  "customer_settings",
  "locations",
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
  "customer.updated",
  "customer.suspended",
  "customer.reactivated",
  "customer.quotas_changed",
  "location.created",
  "location.updated",
  "location.deleted",
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditEventAction = z.infer<typeof AuditActionSchema>;

export const AuditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorEmail: z.string(),
  customerId: z.string(),
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
