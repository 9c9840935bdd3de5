import {
  PARTNER_ROLES,
  type Admin,
  type AdminStatus,
  type InvitedAdmin,
  type PartnerRole,
} from "@partner-hub/shared";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "../../../components/ui/badge.tsx";
import { DataTable, type Column } from "../../../components/ui/data-table.tsx";
import { ConfirmDialog, Dialog } from "../../../components/ui/dialog.tsx";
import {
  FilteredEmptyState,
  ListResults,
  ListUpdating,
  useClampPage,
} from "../../../components/ui/list-results.tsx";
import { SearchField } from "../../../components/ui/search-field.tsx";
import { EmptyState, ErrorMessage } from "../../../components/ui/states.tsx";
import { useListUrlState } from "../../../hooks/use-list-url-state.ts";
import { formatDateTime, formatNumber } from "../../../lib/format.ts";
import { toOffsetQuery, type ListSpec } from "../../../lib/list-url-state.ts";
import {
  useAdmins,
  useRemoveAdmin,
  useResendInvitation,
  useUpdateAdmin,
  type AdminsOwner,
} from "../api/admins.ts";
import { AdminCustomersDialog } from "./admin-customers-dialog.tsx";
import { InvitationLink } from "../../../components/invitation-link.tsx";
import { InviteAdminDialog } from "./invite-admin-dialog.tsx";

const STATUS_TONE: Record<AdminStatus, BadgeTone> = {
  active: "success",
  invited: "info",
  disabled: "neutral",
};

const adminsListSpec: ListSpec<"name", Record<string, never>> = {
  sorts: ["name"],
  defaultSort: "name",
  defaultOrder: "asc",
  filters: {},
};

type Pending =
  | { kind: "disable" | "enable" | "remove"; admin: Admin }
  | { kind: "role"; admin: Admin }
  | { kind: "customers"; admin: Admin }
  | { kind: "link"; invited: InvitedAdmin };

/**
 * The administrators of the partner or of one customer: search, paging, and — for those who may
 * manage them — invite, change role, customers, resend, disable/enable and remove. Nobody is
 * offered an action on their own row.
 */
export function AdminsList({
  owner,
  canManage,
  meId,
}: {
  owner: AdminsOwner;
  canManage: boolean;
  /** The signed-in person: offered no action on their own row. */
  meId: string;
}) {
  const { t, i18n } = useTranslation();
  const { state, update, reset } = useListUrlState(adminsListSpec);
  const query = useMemo(
    () => ({ ...toOffsetQuery(state), search: state.search || undefined }),
    [state],
  );
  const admins = useAdmins(owner, query);
  useClampPage(admins, { state, update });
  const [inviting, setInviting] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const updateAdmin = useUpdateAdmin(owner);
  const remove = useRemoveAdmin(owner);
  const resend = useResendInvitation(owner);
  const failed = updateAdmin.error ?? remove.error ?? resend.error;

  const columns = useMemo<Column<Admin>[]>(() => {
    const cols: Column<Admin>[] = [
      {
        id: "name",
        header: t("admins.columns.name"),
        width: "28%",
        priority: 1,
        cell: (a) => (
          // Name and email are how an administrator is known: they wrap rather than end in "…".
          <div className="stack-tight">
            <span className="cell-wrap">{a.name}</span>
            <span className="muted cell-wrap">{a.email}</span>
          </div>
        ),
      },
      {
        id: "role",
        header: t("admins.columns.role"),
        width: "18%",
        // Role names share their first word ("Partneradministratör …"): cut short they all
        // read the same, so this column wraps instead — the Swedish ones at their compound
        // joints, where sv.json has soft hyphens, rather than mid-word.
        cell: (a) => <span className="cell-wrap">{t(`roles.${a.role}`)}</span>,
      },
      {
        id: "status",
        header: t("admins.columns.status"),
        width: "7.5rem",
        cell: (a) => <Badge tone={STATUS_TONE[a.status]}>{t(`admins.status.${a.status}`)}</Badge>,
      },
      {
        id: "lastSignIn",
        header: t("admins.columns.lastSignIn"),
        width: "13%",
        priority: 3,
        cell: (a) =>
          a.lastSignInAt ? (
            <time className="cell-wrap" dateTime={a.lastSignInAt}>
              {formatDateTime(a.lastSignInAt, i18n.language)}
            </time>
          ) : (
            <span className="muted">{t("admins.never")}</span>
          ),
      },
    ];
    if (owner.kind === "partner")
      cols.push({
        id: "customers",
        header: t("admins.columns.customers"),
        width: "6.5rem",
        align: "end",
        cell: (a) =>
          a.customerCount === null
            ? t("admins.allCustomers")
            : formatNumber(a.customerCount, i18n.language),
      });
    if (canManage)
      cols.push({
        id: "actions",
        header: t("admins.columns.actions"),
        priority: 1,
        cell: (a) =>
          a.id === meId ? (
            <span className="muted">{t("admins.you")}</span>
          ) : (
            <div
              className="row-actions"
              role="group"
              aria-label={t("admins.actionsFor", { name: a.name })}
            >
              {owner.kind === "partner" && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setPending({ kind: "role", admin: a })}
                >
                  {t("admins.actions.role")}
                </button>
              )}
              {owner.kind === "partner" && a.role === "partner_admin" && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setPending({ kind: "customers", admin: a })}
                >
                  {t("admins.actions.customers")}
                </button>
              )}
              {a.status === "invited" && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={resend.isPending}
                  onClick={() =>
                    resend.mutate(a.id, {
                      onSuccess: (invited) => setPending({ kind: "link", invited }),
                    })
                  }
                >
                  {t("admins.actions.resend")}
                </button>
              )}
              {a.status === "disabled" ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setPending({ kind: "enable", admin: a })}
                >
                  {t("admins.actions.enable")}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setPending({ kind: "disable", admin: a })}
                >
                  {t("admins.actions.disable")}
                </button>
              )}
              <button
                type="button"
                className="button button--danger button--small"
                onClick={() => setPending({ kind: "remove", admin: a })}
              >
                {t("admins.actions.remove")}
              </button>
            </div>
          ),
      });
    return cols;
  }, [t, i18n.language, owner.kind, canManage, meId, resend]);

  const confirm = () => {
    if (!pending || !("admin" in pending)) return;
    const { admin } = pending;
    const done = { onSettled: () => setPending(null) };
    if (pending.kind === "remove") remove.mutate(admin.id, done);
    else if (pending.kind === "disable" || pending.kind === "enable")
      updateAdmin.mutate(
        { adminId: admin.id, body: { status: pending.kind === "disable" ? "disabled" : "active" } },
        done,
      );
  };

  return (
    <div className="list admins-list">
      <div className="toolbar" role="search">
        <SearchField
          label={t("admins.searchLabel")}
          placeholder={t("admins.searchPlaceholder")}
          value={state.search}
          onSearch={(search) => update({ search })}
        />
        <ListUpdating query={admins} />
        {canManage && (
          <button
            type="button"
            className="button button--primary toolbar__end"
            onClick={() => setInviting(true)}
          >
            {t("admins.invite.open")}
          </button>
        )}
      </div>
      {failed && (
        <div className="alert alert--error" role="alert">
          <ErrorMessage error={failed} />
        </div>
      )}
      <ListResults
        query={admins}
        paging={{ state, update }}
        empty={
          state.search ? (
            <FilteredEmptyState
              title={t("admins.emptyFiltered", { query: state.search })}
              onClear={reset}
            />
          ) : (
            <EmptyState
              title={t("admins.empty")}
              hint={canManage ? t("admins.emptyHint") : undefined}
            />
          )
        }
      >
        <DataTable
          label={t("admins.tableLabel")}
          minWidth="66rem"
          columns={columns}
          rows={admins.data?.items}
          getRowKey={(a) => a.id}
          isLoading={admins.isPending}
          isStale={admins.isPlaceholderData}
          skeletonRows={Math.min(state.pageSize, 8)}
        />
      </ListResults>

      <InviteAdminDialog owner={owner} open={inviting} onClose={() => setInviting(false)} />
      {pending &&
        (pending.kind === "disable" || pending.kind === "enable" || pending.kind === "remove") && (
          <ConfirmDialog
            open
            title={t(`admins.confirm.${pending.kind}Title`, { name: pending.admin.name })}
            body={t(`admins.confirm.${pending.kind}Body`, {
              name: pending.admin.name,
              email: pending.admin.email,
            })}
            confirmLabel={t(`admins.actions.${pending.kind}`)}
            cancelLabel={t("admins.cancel")}
            onConfirm={confirm}
            onCancel={() => setPending(null)}
          />
        )}
      {pending?.kind === "role" && (
        <ChangeRoleDialog
          admin={pending.admin}
          onClose={() => setPending(null)}
          onSave={(role) =>
            updateAdmin.mutate(
              { adminId: pending.admin.id, body: { role } },
              { onSettled: () => setPending(null) },
            )
          }
        />
      )}
      {pending?.kind === "customers" && (
        <AdminCustomersDialog admin={pending.admin} onClose={() => setPending(null)} />
      )}
      {pending?.kind === "link" && (
        <Dialog open onClose={() => setPending(null)} title={t("admins.link.title")}>
          <div className="dialog__body">
            <InvitationLink
              url={pending.invited.invitationUrl}
              expiresAt={pending.invited.invitationExpiresAt}
              email={pending.invited.email}
            />
          </div>
          <div className="dialog__footer">
            <button
              type="button"
              className="button button--primary"
              onClick={() => setPending(null)}
              autoFocus
            >
              {t("admins.done")}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

function ChangeRoleDialog({
  admin,
  onClose,
  onSave,
}: {
  admin: Admin;
  onClose: () => void;
  onSave: (role: PartnerRole) => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<PartnerRole>(
    PARTNER_ROLES.find((r) => r === admin.role) ?? "partner_admin",
  );
  return (
    <Dialog
      open
      onClose={onClose}
      title={t("admins.roleDialog.title", { name: admin.name })}
      className="dialog--small"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(role);
        }}
      >
        <div className="dialog__body stack">
          <label className="field__label" htmlFor="admin-role">
            {t("admins.invite.role")}
          </label>
          <select
            id="admin-role"
            className="select"
            value={role}
            onChange={(e) => setRole(e.target.value as PartnerRole)}
            autoFocus
          >
            {PARTNER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          {admin.role === "partner_admin" && role !== "partner_admin" && (
            <p className="field__hint">{t("admins.roleDialog.dropsCustomers")}</p>
          )}
        </div>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("admins.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={role === admin.role}>
            {t("admins.roleDialog.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
