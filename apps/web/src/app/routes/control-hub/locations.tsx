import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { ReadOnlyNote } from "../../../components/read-only-note.tsx";
import { useCurrentUser } from "../../../features/auth/hooks/use-current-user.ts";
import { useCanChangeCustomer } from "../../hooks/use-can-change-customer.ts";
import { LocationsList } from "../../../features/locations/components/locations-list.tsx";

export function LocationsRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const customerId = useParams().customerId ?? "";
  const canChange = useCanChangeCustomer(customerId);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageTitle title={t("locations.title")} product={t("app.controlHub")} />
      <div className="page-header">
        <h1>{t("locations.title")}</h1>
        {!me.canWrite && <ReadOnlyNote />}
        {canChange && (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            {t("locations.add")}
          </button>
        )}
      </div>
      <LocationsList
        customerId={customerId}
        canChange={canChange}
        adding={adding}
        onAddClosed={() => setAdding(false)}
      />
    </>
  );
}
