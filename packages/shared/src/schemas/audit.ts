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
  "customer.activated",
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

/**
 * A point of the date range filter: a calendar day (`2026-11-30`, the UTC day) or an instant
 * with its offset (`2026-11-30T00:00:00+01:00`), which the web app sends for a day of the
 * person's own time zone. `from` includes its day or instant; `to` includes its whole day (a
 * date) or ends at its instant.
 */
export const AuditTimeSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "Use a date (2026-11-30) or a date and time with its offset (2026-11-30T08:00:00+01:00).",
});

/** The filters both logs and their CSV exports share (spec §8; issue 15). */
export const AuditFiltersSchema = z.object({
  source: AuditSourceSchema.optional(),
  from: AuditTimeSchema.optional(),
  to: AuditTimeSchema.optional(),
  /** The administrator who acted: part of their email, any case. */
  actor: plainText(200).optional(),
  /** The user (or administrator) it was done to: part of their email, any case. */
  user: plainText(200).optional(),
});
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;

export const AuditExportQuerySchema = AuditFiltersSchema.extend({
  userId: plainText(100).optional(),
}).strict();
export type AuditExportQuery = z.infer<typeof AuditExportQuerySchema>;

export const ListAuditQuerySchema = PaginationQuerySchema.extend(
  AuditExportQuerySchema.shape,
).strict();
export type ListAuditQuery = z.infer<typeof ListAuditQuerySchema>;

/** The partner-level log (spec §11/§12): the partner's own events and every customer's. */
export const PartnerAuditExportQuerySchema = AuditFiltersSchema.extend({
  customerId: plainText(100).optional(),
}).strict();
export type PartnerAuditExportQuery = z.infer<typeof PartnerAuditExportQuerySchema>;

export const ListPartnerAuditQuerySchema = PaginationQuerySchema.extend(
  PartnerAuditExportQuerySchema.shape,
).strict();
export type ListPartnerAuditQuery = z.infer<typeof ListPartnerAuditQuerySchema>;

const DAY_MS = 86_400_000;

/**
 * The instants a date range filter stands for: `from` inclusive, `before` exclusive. A day
 * (`2026-11-30`) is the UTC day, and as `to` it includes the whole day.
 */
export function auditTimeRange(filters: Pick<AuditFilters, "from" | "to">): {
  from?: Date;
  before?: Date;
} {
  const isDay = (v: string) => v.length === 10;
  const range: { from?: Date; before?: Date } = {};
  if (filters.from)
    range.from = new Date(isDay(filters.from) ? `${filters.from}T00:00:00Z` : filters.from);
  if (filters.to)
    range.before = isDay(filters.to)
      ? new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS)
      : new Date(filters.to);
  return range;
}
