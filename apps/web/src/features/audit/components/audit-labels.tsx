import type { AuditEvent } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "../../../config/paths.ts";

const ACTION_KEYS = {
  "user.created": "audit.actions.created",
  "user.updated": "audit.actions.updated",
  "user.removed": "audit.actions.removed",
  "user.package_changed": "audit.actions.package_changed",
  "customer.created": "audit.actions.customer_created",
  "customer.updated": "audit.actions.customer_updated",
  "customer.suspended": "audit.actions.customer_suspended",
  "customer.reactivated": "audit.actions.customer_reactivated",
  "customer.activated": "audit.actions.customer_activated",
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
  link = false,
}: {
  event: Pick<AuditEvent, "source" | "importId" | "rowNumber" | "customerId">;
  /** Link a CSV import event to its task (at the page that lists its row). */
  link?: boolean;
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
  if (!link || !event.customerId) return <span title={event.importId}>{label}</span>;
  return (
    <Link
      to={auditTaskHref(event.customerId, event.importId, event.rowNumber)}
      className="table-link"
      title={t("audit.openTask", { task: event.importId })}
    >
      {label}
    </Link>
  );
}

// The task's row results list every row in file order; at this page size the row's page is
// arithmetic (the file's line 1 is its header, so data starts at row 2).
const TASK_ROWS_PAGE = 100;

export function auditTaskHref(customerId: string, importId: string, rowNumber: number | null) {
  const href = paths.controlHub.task.getHref(customerId, importId);
  if (rowNumber === null || rowNumber < 2) return href;
  const page = Math.ceil((rowNumber - 1) / TASK_ROWS_PAGE);
  return `${href}?pageSize=${TASK_ROWS_PAGE}${page > 1 ? `&page=${page}` : ""}`;
}

/**
 * The source each action comes from when nothing else says it (a package change made in the
 * package dialog): there the source only repeats the action ("Package changed · Package change").
 */
const PLAIN_SOURCES: Partial<Record<AuditEvent["action"], AuditEvent["source"]>> = {
  "user.created": "manual_add",
  "user.updated": "user_edit",
  "user.removed": "user_remove",
  "user.package_changed": "package_change",
};

/** An event's title in one phrase: the action, and where it came from when that adds something. */
export function AuditHeadline({ event }: { event: AuditEvent }) {
  if (PLAIN_SOURCES[event.action] === event.source) return <AuditAction action={event.action} />;
  return (
    <>
      <AuditAction action={event.action} /> · <AuditSource event={event} link />
    </>
  );
}
