import type { Location } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { ErrorMessage } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { isApiError } from "../../../lib/api-client.ts";
import { formatNumber } from "../../../lib/format.ts";
import { useDeleteLocation } from "../api/location-writes.ts";

/**
 * Delete a location after a confirmation. Refused while users belong to it (spec §11: 409
 * `location_in_use` with the count): the dialog then says how many and links to them.
 */
export function DeleteLocationDialog({
  customerId,
  location,
  onClose,
  onDeleted,
}: {
  customerId: string;
  location: Location | null;
  onClose: () => void;
  onDeleted: (deleted: Location) => void;
}) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteLocation(customerId);
  const close = () => {
    remove.reset();
    onClose();
  };
  const inUse =
    isApiError(remove.error) && remove.error.code === "location_in_use"
      ? Number(remove.error.problem.errors?.[0]?.params?.count ?? location?.userCount ?? 0)
      : null;

  return (
    <Dialog
      open={location !== null}
      onClose={close}
      title={location ? t("locations.deleteTitle", { name: location.name }) : ""}
      className="dialog--small"
    >
      {location && (
        <>
          <div className="dialog__body stack">
            {inUse !== null ? (
              <div className="alert alert--error" role="alert">
                <p>
                  {t("locations.inUse", {
                    name: location.name,
                    count: inUse,
                    formatted: formatNumber(inUse, i18n.language),
                  })}
                </p>
                <p>
                  <Link
                    to={`${paths.controlHub.users.getHref(customerId)}?location=${encodeURIComponent(location.id)}`}
                  >
                    {t("locations.viewUsers", { count: inUse })}
                  </Link>
                </p>
              </div>
            ) : (
              <p>{t("locations.deleteBody")}</p>
            )}
            {remove.isError && inUse === null && (
              <div className="alert alert--error" role="alert">
                <ErrorMessage error={remove.error} />
              </div>
            )}
          </div>
          <div className="dialog__footer">
            <button type="button" className="button button--secondary" onClick={close} autoFocus>
              {t("locations.cancel")}
            </button>
            {inUse === null && (
              <button
                type="button"
                className="button button--danger"
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { id: location.id, version: location.version },
                    { onSuccess: () => onDeleted(location) },
                  )
                }
              >
                {t("locations.delete")}
              </button>
            )}
          </div>
        </>
      )}
    </Dialog>
  );
}
