import { isPartnerRole, type CustomerStatus } from "@partner-hub/shared";
import { hashKey, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useParams } from "react-router";
import { paths } from "../../config/paths.ts";
import { MessagePage, ErrorState } from "../../components/ui/states.tsx";
import { useCurrentUser } from "../../features/auth/hooks/use-current-user.ts";
import { getCustomerQueryOptions, useCustomer } from "../../features/customers/api/get-customer.ts";
import { isApiError } from "../../lib/api-client.ts";
import { SideNav, type NavItem } from "./side-nav.tsx";
import { ChevronIcon } from "../../components/ui/chevron-icon.tsx";

/**
 * Spec §3, §11: a customer that is not active says so on every page of its Control Hub, why
 * nothing can be changed, and who can lift a suspension (the partner's administrators).
 */
function NotActiveBanner({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  const suspended = status === "suspended";
  const statusName = t(`customerStatus.${status}`).toLowerCase();
  return (
    <div className="alert alert--warning page-alert status-banner" role="status">
      <p className="status-banner__title">
        {suspended
          ? t("controlHub.suspendedTitle")
          : t("controlHub.notActiveTitle", { status: statusName })}
      </p>
      <p>
        {status === "suspended"
          ? t("controlHub.suspendedBody")
          : status === "provisioning"
            ? t("controlHub.provisioningBody")
            : status === "deactivated"
              ? t("controlHub.deactivatedBody")
              : t("controlHub.notActiveBody")}
      </p>
    </div>
  );
}

/**
 * A request of this Control Hub answered 404: perhaps the customer itself was deleted (spec §11)
 * while the page was open. Asking for the customer again turns the whole hub into its not-found
 * state if so, instead of one list or form showing an error while the banner still names it.
 */
function useRecheckCustomerOnNotFound(customerId: string, recheck: () => void) {
  const queryClient = useQueryClient();
  const ownHash = hashKey(getCustomerQueryOptions(customerId).queryKey);
  useEffect(() => {
    const notFound = (error: unknown) => isApiError(error) && error.status === 404;
    const queries = queryClient.getQueryCache().subscribe((event) => {
      // Not the customer's own answer: that one is what the recheck asks for.
      if (
        event.type === "updated" &&
        event.action.type === "error" &&
        notFound(event.action.error) &&
        event.query.queryHash !== ownHash
      )
        recheck();
    });
    const mutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && notFound(event.mutation.state.error)) recheck();
    });
    return () => {
      queries();
      mutations();
    };
  }, [queryClient, recheck, ownHash]);
}

/** One customer's Control Hub: a banner naming the customer, its navigation, its pages. */
export function ControlHubLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const customerId = useParams().customerId ?? "";
  const customer = useCustomer(customerId);
  const partner = isPartnerRole(me.role);
  const { refetch } = customer;
  useRecheckCustomerOnNotFound(
    customerId,
    useCallback(() => void refetch(), [refetch]),
  );

  const backLink = partner && (
    <Link to={paths.partner.customers.getHref()} className="back-link">
      <ChevronIcon direction="left" size={14} />
      {t("controlHub.backToPartnerHub")}
    </Link>
  );

  if (customer.isError) {
    const notFound = isApiError(customer.error) && customer.error.status === 404;
    return (
      <main id="main" className="content content--centered" tabIndex={-1}>
        {notFound ? (
          <MessagePage
            title={t("controlHub.notFoundTitle")}
            body={t("controlHub.notFoundBody")}
            action={backLink || undefined}
          />
        ) : (
          <ErrorState
            title={t("controlHub.loadError")}
            error={customer.error}
            onRetry={() => void customer.refetch()}
          />
        )}
      </main>
    );
  }

  const nav: NavItem[] = [
    { to: paths.controlHub.users.getHref(customerId), label: t("nav.users") },
    { to: paths.controlHub.locations.getHref(customerId), label: t("nav.locations") },
    { to: paths.controlHub.tasks.getHref(customerId), label: t("nav.tasks") },
    { to: paths.controlHub.admins.getHref(customerId), label: t("nav.administrators") },
    { to: paths.controlHub.audit.getHref(customerId), label: t("nav.audit") },
    { to: paths.controlHub.settings.getHref(customerId), label: t("nav.settings") },
  ];
  const name = customer.data?.name;
  const status = customer.data?.status;

  return (
    <>
      <div className="context-banner" role="region" aria-label={t("controlHub.managingLabel")}>
        {backLink}
        <p className="context-banner__text">
          {name ? (
            <span className="truncate" title={name}>
              {t("controlHub.managing", { name })}
            </span>
          ) : (
            <span className="skeleton skeleton--banner" />
          )}
        </p>
      </div>
      <div className="shell shell--with-banner">
        <SideNav label={t("nav.controlHub")} title={t("nav.controlHub")} items={nav} />
        <main id="main" className="content" tabIndex={-1}>
          {status && status !== "active" && <NotActiveBanner status={status} />}
          <Outlet />
        </main>
      </div>
    </>
  );
}
