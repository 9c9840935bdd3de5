import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { AdminsList } from "../../../features/admins/components/admins-list.tsx";
import { useCurrentUser } from "../../../features/auth/hooks/use-current-user.ts";

/** Control Hub → Administrators: anyone who may change the customer invites, disables, removes. */
export function CustomerAdminsRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const customerId = useParams().customerId ?? "";
  const owner = useMemo(() => ({ kind: "customer" as const, customerId }), [customerId]);
  return (
    <>
      <PageTitle title={t("admins.title")} product={t("app.controlHub")} />
      <div className="page-header">
        <h1>{t("admins.title")}</h1>
      </div>
      <AdminsList owner={owner} canManage={me.canWrite} meId={me.id} />
    </>
  );
}
