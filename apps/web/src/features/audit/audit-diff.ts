/**
 * What an audit event changed, as the fields a person reads (spec §8: before → after). The
 * snapshot keeps both `locationId` and the location's name; people read the name.
 */
export const AUDIT_FIELDS = [
  "package",
  "phoneNumber",
  "extension",
  "location",
  "preferredWebexSite",
  "email",
  "firstName",
  "lastName",
  "displayName",
  "status",
  "baseLicences",
  // Customer settings and locations (spec §11).
  "name",
  "externalId",
  "language",
  "street",
  "city",
  "postalCode",
  "country",
  "timeZone",
  "quotas",
  "webexSites",
  // What a deleted customer had (customer.deleted): counts, before → none.
  "users",
  "locations",
  "administrators",
] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

export type AuditValue = string | readonly string[] | null;

export interface AuditChange {
  field: AuditField;
  before: AuditValue;
  after: AuditValue;
}

type Snapshot = Record<string, unknown> | null | undefined;

function read(snapshot: Snapshot, field: AuditField): AuditValue {
  if (!snapshot) return null;
  let value = snapshot[field];
  // Older snapshots may hold only the id; an id is better than claiming there was none.
  if (field === "location" && (value === undefined || value === null)) value = snapshot.locationId;
  if (Array.isArray(value)) {
    const items = value.filter((v): v is string => typeof v === "string");
    return items.length > 0 ? [...items].sort() : null;
  }
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function same(a: AuditValue, b: AuditValue): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * Only the fields that differ, in a fixed reading order. A created user lists what it was
 * created with (empty fields left out), a removed one what it had.
 */
export function diffAudit(before: Snapshot, after: Snapshot): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of AUDIT_FIELDS) {
    const b = read(before, field);
    const a = read(after, field);
    if (!same(b, a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}
