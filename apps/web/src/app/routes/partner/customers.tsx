import type { CustomerSummary } from "@partner-hub/shared";
import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { paths } from "../../../config/paths.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { useArrivalNotice } from "../../../hooks/use-arrival-notice.ts";
import { useCurrentUser } from "../../../features/auth/hooks/use-current-user.ts";
import { CustomerDetailsPanel } from "../../../features/customers/components/customer-details-panel.tsx";
import {
  CustomersList,
  customerRowButtonId,
} from "../../../features/customers/components/customers-list.tsx";

/** The selected customer lives in the URL too, so a link can open the panel. */
const SELECTED_PARAM = "selected";

export function CustomersRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = searchParams.get(SELECTED_PARAM);
  // Deleted here (the panel) or in the customer's Control Hub settings, which come back here.
  const [deletedName, setDeletedName] = useArrivalNotice("deletedCustomer");
  // The panel and the button that opened the dialog are gone: focus goes to the notice instead.
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (deletedName) noticeRef.current?.focus();
  }, [deletedName]);

  const select = useCallback(
    (customer: CustomerSummary) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(SELECTED_PARAM, customer.id);
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setSearchParams],
  );
  const close = useCallback(() => {
    // Focus goes back to the row that opened the panel (else it would fall to the page's start);
    // the page's heading when that row is not on the page shown.
    const row = selectedId && document.getElementById(customerRowButtonId(selectedId));
    (row || document.getElementById("main"))?.focus({ preventScroll: Boolean(row) });
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(SELECTED_PARAM);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [setSearchParams, selectedId]);

  return (
    <>
      <PageTitle title={t("customers.title")} />
      <div className="page-header">
        <h1>{t("customers.title")}</h1>
        {me.canWrite && (
          <Link to={paths.partner.createCustomer.getHref()} className="button button--primary">
            {t("createCustomer.button")}
          </Link>
        )}
      </div>
      {deletedName && (
        <div
          ref={noticeRef}
          tabIndex={-1}
          className="alert alert--success page-alert"
          role="status"
        >
          {t("deleteCustomer.deleted", { name: deletedName })}
        </div>
      )}
      <CustomersList selectedId={selectedId} onSelect={select} />
      {selectedId && (
        <CustomerDetailsPanel
          customerId={selectedId}
          canWrite={me.canWrite}
          canDelete={me.role === "partner_full_admin"}
          onClose={close}
          onDeleted={(name) => {
            close();
            setDeletedName(name);
          }}
        />
      )}
    </>
  );
}
