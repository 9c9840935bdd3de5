import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { useCurrentUser } from "../../../features/auth/hooks/use-current-user.ts";
import { useCanChangeCustomer } from "../../hooks/use-can-change-customer.ts";
import { useLocations } from "../../../features/locations/api/get-locations.ts";
import { useCustomer } from "../../../features/customers/api/get-customer.ts";
import { ManageUsersMenu } from "../../../features/users/components/manage-users-menu.tsx";
import { UsersList } from "../../../features/users/components/users-list.tsx";

// The location filter lists every location; a customer has a handful, the API pages at 100.
const ALL_LOCATIONS = { offset: 0, max: 100 };

export function UsersRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const customerId = useParams().customerId ?? "";
  const canChange = useCanChangeCustomer(customerId);
  const locations = useLocations(customerId, ALL_LOCATIONS);
  // Its packages are the choices of a bulk package change; only writers get that far.
  const customer = useCustomer(me.canWrite ? customerId : null);
  return (
    <>
      <PageTitle title={t("users.title")} product={t("app.controlHub")} />
      <div className="page-header">
        <h1>{t("users.title")}</h1>
        {/* A read-only role keeps what changes nothing: the export and the template. */}
        <ManageUsersMenu customerId={customerId} canChange={canChange} readOnly={!me.canWrite} />
      </div>
      <UsersList
        customerId={customerId}
        customer={customer.data}
        // A suspended customer's users cannot change (spec §3): no selection to act on.
        canWrite={canChange}
        locations={locations.data?.items}
      />
    </>
  );
}
