import { packageById, type User } from "@partner-hub/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { useRemoveUser } from "../api/remove-user.ts";

/**
 * Spec §13: Remove user, behind a confirmation that names the person and their package. The
 * seat, number and extension are free as soon as it is done; the users list says who went.
 */
export function RemoveUser({ customerId, user }: { customerId: string; user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const remove = useRemoveUser(customerId, user.id);
  return (
    <>
      <button
        type="button"
        className="button button--danger-ghost"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t("removeUser.open")}
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("removeUser.title", { name: user.displayName })}
      >
        <div className="dialog__body stack">
          <p>
            {t("removeUser.body", {
              name: user.displayName,
              email: user.email,
              package: packageById(user.package).displayName,
            })}
          </p>
          <p className="muted">{t("removeUser.frees")}</p>
          {remove.isError && (
            <div className="alert alert--error" role="alert">
              <ErrorMessage error={remove.error} />
            </div>
          )}
        </div>
        <div className="dialog__footer">
          <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
            {t("removeUser.cancel")}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(user.version, {
                onSuccess: () =>
                  void navigate(paths.controlHub.users.getHref(customerId), {
                    state: { removed: user.displayName },
                  }),
              })
            }
          >
            {remove.isPending
              ? t("removeUser.removing")
              : t("removeUser.confirm", { name: user.displayName })}
          </button>
        </div>
      </Dialog>
    </>
  );
}
