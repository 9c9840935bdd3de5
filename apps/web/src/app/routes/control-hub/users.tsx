import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { useCurrentUser } from "../../../features/auth/hooks/use-current-user.ts";
import { useCustomer } from "../../../features/customers/api/get-customer.ts";
import { ManageUsersMenu } from "../../../features/users/components/manage-users-menu.tsx";
import { UsersList } from "../../../features/users/components/users-list.tsx";

export function UsersRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const customerId = useParams().customerId ?? "";
  // Its packages are the choices of a bulk package change; only writers get that far.
  const customer = useCustomer(me.canWrite ? customerId : null);
  return (
    <>
      <PageTitle title={t("users.title")} product={t("app.controlHub")} />
      <div className="page-header">
        <h1>{t("users.title")}</h1>
        {me.canWrite && <ManageUsersMenu customerId={customerId} />}
      </div>
      <UsersList customerId={customerId} customer={customer.data} canWrite={me.canWrite} />
    </>
  );
}
