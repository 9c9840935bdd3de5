import { isPartnerRole } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { paths } from "../../../config/paths.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { ReadOnlyNote } from "../../../components/read-only-note.tsx";
import { ErrorState, PageSpinner } from "../../../components/ui/states.tsx";
import { useCurrentUser } from "../../../features/auth/hooks/use-current-user.ts";
import { useCustomer } from "../../../features/customers/api/get-customer.ts";
import { CustomerSettingsForm } from "../../../features/customers/components/customer-settings-form.tsx";
import { CustomerStatusBadge } from "../../../features/customers/components/customer-status-badge.tsx";
import { CustomerStatusControl } from "../../../features/customers/components/customer-status-control.tsx";
import { DeleteCustomerSection } from "../../../features/customers/components/delete-customer-dialog.tsx";
import { QuotasEditor } from "../../../features/customers/components/quotas-editor.tsx";
import { WebexSitesEditor } from "../../../features/customers/components/webex-sites-editor.tsx";

/** Control Hub → Settings (spec §11): the organisation's details, status, packages and quotas. */
export function SettingsRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const customerId = useParams().customerId ?? "";
  const customer = useCustomer(customerId);
  const partner = isPartnerRole(me.role);
  const navigate = useNavigate();
  const c = customer.data;

  let body;
  if (customer.isError)
    body = (
      <ErrorState
        title={t("settings.loadError")}
        error={customer.error}
        onRetry={() => void customer.refetch()}
      />
    );
  else if (!c) body = <PageSpinner />;
  else {
    const active = c.status === "active";
    body = (
      <div className="settings-page">
        <section className="card settings-form" aria-labelledby="settings-status">
          <div className="card__header">
            <h2 id="settings-status" className="card__title">
              {t("settings.status")}
            </h2>
          </div>
          <p>
            <CustomerStatusBadge status={c.status} />
          </p>
          {partner && me.canWrite && <CustomerStatusControl customer={c} />}
        </section>
        {/* Keyed by version: a save elsewhere (or a conflict) starts the forms from the new data. */}
        <CustomerSettingsForm
          key={`settings-${c.version}`}
          customer={c}
          canEdit={me.canWrite && active}
          isPartner={partner}
        />
        {/* Not keyed by version: it saves on its own and says so; If-Match takes the latest. */}
        <WebexSitesEditor customer={c} canEdit={me.canWrite && active} />
        <QuotasEditor
          key={`quotas-${c.version}`}
          customer={c}
          canEdit={partner && me.canWrite && active}
          isPartner={partner}
        />
        {me.role === "partner_full_admin" && (
          <DeleteCustomerSection
            customer={c}
            onDeleted={(name) =>
              // Back to the customers list, which says what was deleted (CustomersRoute).
              void navigate(paths.partner.customers.getHref(), {
                state: { deletedCustomer: name },
              })
            }
          />
        )}
      </div>
    );
  }

  return (
    <>
      <PageTitle title={t("settings.title")} product={t("app.controlHub")} />
      <div className="page-header">
        <h1>{t("settings.title")}</h1>
        {!me.canWrite && <ReadOnlyNote />}
      </div>
      {body}
    </>
  );
}
