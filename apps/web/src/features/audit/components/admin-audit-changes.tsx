import { ADMIN_ROLES, ADMIN_STATUSES, type AuditEvent } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";

/** What an administrator event changed: role, status, a customer (assigned or unassigned). */
export function AdminAuditChanges({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const before = event.before ?? {};
  const after = event.after ?? {};
  const say = (field: string, value: unknown): string => {
    if (field === "role") {
      const role = ADMIN_ROLES.find((r) => r === value);
      return role ? t(`roles.${role}`) : String(value);
    }
    if (field === "status") {
      const status = ADMIN_STATUSES.find((s) => s === value);
      return status ? t(`admins.status.${status}`) : String(value);
    }
    return String(value);
  };
  const parts: string[] = [];
  for (const field of ["role", "status"] as const) {
    if (field in before && field in after)
      parts.push(
        t("audit.adminChange", {
          field: t(`audit.adminFields.${field}`),
          before: say(field, before[field]),
          after: say(field, after[field]),
        }),
      );
    else if (field in after)
      parts.push(`${t(`audit.adminFields.${field}`)}: ${say(field, after[field])}`);
  }
  const customer = after.customer ?? before.customer;
  if (typeof customer === "string") parts.push(`${t("audit.adminFields.customer")}: ${customer}`);
  if (parts.length === 0) return <span className="muted">—</span>;
  return <span>{parts.join("; ")}</span>;
}
