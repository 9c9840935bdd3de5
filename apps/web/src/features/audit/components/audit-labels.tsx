import type { AuditEvent } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";

const ACTION_KEYS = {
  "user.created": "audit.actions.created",
  "user.updated": "audit.actions.updated",
  "user.removed": "audit.actions.removed",
  "user.package_changed": "audit.actions.package_changed",
  "customer.created": "audit.actions.customer_created",
  "customer.updated": "audit.actions.customer_updated",
  "customer.suspended": "audit.actions.customer_suspended",
  "customer.reactivated": "audit.actions.customer_reactivated",
  "customer.quotas_changed": "audit.actions.customer_quotas_changed",
  "customer.deleted": "audit.actions.customer_deleted",
  "location.created": "audit.actions.location_created",
  "location.updated": "audit.actions.location_updated",
  "location.deleted": "audit.actions.location_deleted",
  "admin.invited": "audit.actions.admin.invited",
  "admin.invitation_resent": "audit.actions.admin.invitation_resent",
  "admin.accepted": "audit.actions.admin.accepted",
  "admin.role_changed": "audit.actions.admin.role_changed",
  "admin.customer_assigned": "audit.actions.admin.customer_assigned",
  "admin.customer_unassigned": "audit.actions.admin.customer_unassigned",
  "admin.disabled": "audit.actions.admin.disabled",
  "admin.enabled": "audit.actions.admin.enabled",
  "admin.removed": "audit.actions.admin.removed",
  "admin.password_changed": "audit.actions.admin.password_changed",
  "admin.password_reset": "audit.actions.admin.password_reset",
} as const satisfies Record<AuditEvent["action"], string>;

export function AuditAction({ action }: { action: AuditEvent["action"] }) {
  const { t } = useTranslation();
  return <>{t(ACTION_KEYS[action])}</>;
}

/** Where a change came from: manual add, package change, or which CSV task and row. */
export function AuditSource({
  event,
}: {
  event: Pick<AuditEvent, "source" | "importId" | "rowNumber">;
}) {
  const { t } = useTranslation();
  if (event.source !== "csv_import" || !event.importId)
    return <>{t(`audit.sources.${event.source}`)}</>;
  // The task id is a UUID; its first block is enough to tell tasks apart on screen.
  const task = event.importId.split("-")[0] ?? event.importId;
  const label =
    event.rowNumber !== null
      ? t("audit.csvTaskRow", { task, row: event.rowNumber })
      : t("audit.csvTask", { task });
  return <span title={event.importId}>{label}</span>;
}
