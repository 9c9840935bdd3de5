import {
  BASE_LICENCES,
  CustomerLanguageSchema,
  CustomerStatusSchema,
  PackageIdSchema,
  UserStatusSchema,
  packageById,
  type AuditEvent,
} from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { diffAudit, type AuditChange, type AuditField, type AuditValue } from "../audit-diff.ts";
import { formatCountry } from "../../../lib/format.ts";
import { formatPhoneNumber } from "../../../lib/phone.ts";

const FIELD_LABEL_KEYS = {
  package: "user.package",
  phoneNumber: "user.phoneNumber",
  extension: "user.extension",
  location: "user.location",
  preferredWebexSite: "user.preferredWebexSite",
  email: "user.email",
  firstName: "user.firstName",
  lastName: "user.lastName",
  displayName: "user.displayName",
  status: "user.status",
  baseLicences: "user.baseLicences",
  name: "audit.fields.name",
  externalId: "audit.fields.externalId",
  language: "audit.fields.language",
  street: "audit.fields.street",
  city: "audit.fields.city",
  postalCode: "audit.fields.postalCode",
  country: "audit.fields.country",
  timeZone: "audit.fields.timeZone",
  quotas: "audit.fields.quotas",
  webexSites: "settings.webexSites.title",
  users: "audit.fields.users",
  locations: "audit.fields.locations",
  administrators: "audit.fields.administrators",
} as const satisfies Record<AuditField, string>;

// A created user lists what it was created with; the names are in the User column already.
const CREATED_FIELDS: ReadonlySet<AuditField> = new Set([
  "package",
  "phoneNumber",
  "extension",
  "location",
  "preferredWebexSite",
]);

// A deleted customer: who it was and what went with it, not every setting it had.
const DELETED_CUSTOMER_FIELDS: ReadonlySet<AuditField> = new Set([
  "name",
  "externalId",
  "users",
  "locations",
  "administrators",
]);

/** "webex_calling: 100" (a quota as the audit log keeps it) → "Webex Calling: 100". */
function quotaLine(text: string): string {
  const [id, max] = text.split(": ");
  const pkg = PackageIdSchema.safeParse(id);
  return pkg.success && max !== undefined ? `${packageById(pkg.data).displayName}: ${max}` : text;
}

/** before → after for the fields that differ, in words a person reads (package names, not ids). */
export function AuditChanges({ event, compact = false }: { event: AuditEvent; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  let changes = diffAudit(event.before, event.after);
  if (event.action === "user.created" || event.action === "user.removed") {
    changes = changes.filter((c) => CREATED_FIELDS.has(c.field));
  }
  if (event.action === "customer.deleted")
    changes = changes.filter((c) => DELETED_CUSTOMER_FIELDS.has(c.field));
  const format = (change: AuditChange, value: AuditValue): string => {
    if (value === null || (Array.isArray(value) && value.length === 0)) return t("audit.none");
    if (Array.isArray(value)) {
      return value
        .map((id) => BASE_LICENCES.find((l) => l.id === id)?.displayName ?? quotaLine(id))
        .join(", ");
    }
    const text = value as string;
    if (change.field === "package") {
      const pkg = PackageIdSchema.safeParse(text);
      return pkg.success ? packageById(pkg.data).displayName : text;
    }
    if (change.field === "status") {
      const status = UserStatusSchema.safeParse(text);
      if (status.success) return t(`userStatus.${status.data}`);
      const customerStatus = CustomerStatusSchema.safeParse(text);
      return customerStatus.success ? t(`customerStatus.${customerStatus.data}`) : text;
    }
    if (change.field === "country") return formatCountry(text, i18n.language);
    if (change.field === "language") {
      const language = CustomerLanguageSchema.safeParse(text);
      return language.success ? t(`languages.${language.data}`) : text;
    }
    if (change.field === "phoneNumber") return formatPhoneNumber(text);
    return text;
  };

  if (changes.length === 0) return <span className="muted">{t("audit.noChanges")}</span>;
  return (
    <ul className={`change-list${compact ? " change-list--compact" : ""}`}>
      {changes.map((change) => {
        const label = t(FIELD_LABEL_KEYS[change.field]);
        const before = format(change, change.before);
        const after = format(change, change.after);
        return (
          <li key={change.field}>
            <span className="change-list__field">{label}:</span>{" "}
            {event.action === "user.created" ? (
              <span className="change-list__after">{after}</span>
            ) : event.action === "user.removed" ? (
              <span className="change-list__before">{before}</span>
            ) : (
              <>
                <span aria-hidden="true">
                  <span className="change-list__before">{before}</span> →{" "}
                  <span className="change-list__after">{after}</span>
                </span>
                <span className="visually-hidden">{t("audit.changedTo", { before, after })}</span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
