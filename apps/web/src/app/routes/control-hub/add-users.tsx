import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { Breadcrumb } from "../../../components/ui/breadcrumb.tsx";
import { ErrorState, MessagePage, PageSpinner } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { useCanChangeCustomer } from "../../hooks/use-can-change-customer.ts";
import { useCustomer } from "../../../features/customers/api/get-customer.ts";
import { useAllLocations } from "../../../features/locations/api/get-locations.ts";
import { AddUsersWizard } from "../../../features/users/components/add-users-wizard.tsx";

export function AddUsersRoute() {
  const { t } = useTranslation();
  const customerId = useParams().customerId ?? "";
  const canChange = useCanChangeCustomer(customerId);
  const customer = useCustomer(customerId);
  const locations = useAllLocations(customerId);
  const usersHref = paths.controlHub.users.getHref(customerId);

  if (!canChange) {
    return (
      <>
        <PageTitle title={t("addUsers.title")} product={t("app.controlHub")} />
        <MessagePage title={t("addUsers.title")} body={t("addUsers.notAllowed")} />
      </>
    );
  }

  let body;
  if (customer.isError)
    body = (
      <ErrorState
        title={t("controlHub.loadError")}
        error={customer.error}
        onRetry={() => void customer.refetch()}
      />
    );
  else if (locations.isError)
    body = (
      <ErrorState
        title={t("table.loadErrorTitle")}
        error={locations.error}
        onRetry={() => void locations.refetch()}
      />
    );
  else if (!customer.data || !locations.data) body = <PageSpinner />;
  else body = <AddUsersWizard customer={customer.data} locations={locations.data.items} />;

  return (
    <>
      <PageTitle title={t("addUsers.title")} product={t("app.controlHub")} />
      <Breadcrumb
        parent={{ href: usersHref, label: t("user.backToUsers") }}
        current={t("addUsers.title")}
      />
      <div className="page-header">
        <h1>{t("addUsers.title")}</h1>
      </div>
      {body}
    </>
  );
}
