import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { LocationsList } from "../../../features/locations/components/locations-list.tsx";

export function LocationsRoute() {
  const { t } = useTranslation();
  const customerId = useParams().customerId ?? "";
  return (
    <>
      <PageTitle title={t("locations.title")} product={t("app.controlHub")} />
      <div className="page-header">
        <h1>{t("locations.title")}</h1>
      </div>
      <LocationsList customerId={customerId} />
    </>
  );
}
