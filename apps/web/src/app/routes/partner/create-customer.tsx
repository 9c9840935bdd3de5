import { useTranslation } from "react-i18next";
import { PageTitle } from "../../../components/page-title.tsx";
import { Breadcrumb } from "../../../components/ui/breadcrumb.tsx";
import { MessagePage } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { useCurrentUser } from "../../../features/auth/hooks/use-current-user.ts";
import { CreateCustomerWizard } from "../../../features/customers/components/create-customer-wizard.tsx";

/** Partner Hub → Customers → Create customer (partner full and partner administrators). */
export function CreateCustomerRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageTitle title={t("createCustomer.title")} />
      <Breadcrumb
        parent={{ href: paths.partner.customers.getHref(), label: t("customers.title") }}
        current={t("createCustomer.title")}
      />
      <div className="page-header">
        <h1>{t("createCustomer.title")}</h1>
      </div>
      {me.canWrite ? (
        <CreateCustomerWizard />
      ) : (
        <MessagePage title={t("createCustomer.title")} body={t("createCustomer.notAllowed")} />
      )}
    </>
  );
}
