import { packageById } from "@partner-hub/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { ReadOnlyNote } from "../../../components/read-only-note.tsx";
import { Breadcrumb } from "../../../components/ui/breadcrumb.tsx";
import { DetailLoadError, PageSpinner } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { UserRecentChanges } from "../../../features/audit/components/user-recent-changes.tsx";
import { useCanChangeCustomer } from "../../hooks/use-can-change-customer.ts";
import { useCurrentUser } from "../../../features/auth/hooks/use-current-user.ts";
import { useCustomer } from "../../../features/customers/api/get-customer.ts";
import { useAllLocations } from "../../../features/locations/api/get-locations.ts";
import { useUser } from "../../../features/users/api/get-user.ts";
import {
  ChangePackage,
  type PackageChanged,
} from "../../../features/users/components/change-package.tsx";
import {
  EditUserDetails,
  type UserEdited,
} from "../../../features/users/components/edit-user-details.tsx";
import { RemoveUser } from "../../../features/users/components/remove-user.tsx";
import { UserDetails } from "../../../features/users/components/user-details.tsx";
import { UserPackageSection } from "../../../features/users/components/user-package-section.tsx";
import { problemText } from "../../../lib/problem-message.ts";

export function UserRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const params = useParams();
  const customerId = params.customerId ?? "";
  const userId = params.userId ?? "";
  const user = useUser(customerId, userId);
  const customer = useCustomer(customerId);
  // Not while the customer is suspended (spec §11): the `>` would only lead to a refusal.
  const canChange = useCanChangeCustomer(customerId);
  const locations = useAllLocations(customerId);
  const [changed, setChanged] = useState<PackageChanged | null>(null);
  const [editing, setEditing] = useState(false);
  const [edited, setEdited] = useState<UserEdited | null>(null);
  const usersHref = paths.controlHub.users.getHref(customerId);

  const breadcrumb = (current?: string) => (
    <Breadcrumb parent={{ href: usersHref, label: t("user.backToUsers") }} current={current} />
  );

  if (user.isPending) return <PageSpinner />;
  if (user.isError) {
    return (
      <>
        {breadcrumb()}
        <DetailLoadError
          error={user.error}
          title={t("user.loadError")}
          notFound={{
            title: t("user.notFoundTitle"),
            body: t("user.notFoundBody"),
            back: { href: usersHref, label: t("user.backToUsersList") },
          }}
          onRetry={() => void user.refetch()}
        />
      </>
    );
  }

  const u = user.data;
  // If the customer's quotas or locations cannot be loaded, a retry takes the `>`'s place
  // instead of the control never appearing.
  const choicesFailed = canChange && (customer.isError || locations.isError);
  const changeAction = !canChange ? undefined : choicesFailed ? (
    <button
      type="button"
      className="button button--ghost"
      onClick={() => {
        if (customer.isError) void customer.refetch();
        if (locations.isError) void locations.refetch();
      }}
    >
      {t("changePackage.retry")}
    </button>
  ) : (
    <ChangePackage
      user={u}
      customer={customer.data}
      locations={locations.data?.items}
      onChanged={setChanged}
    />
  );
  return (
    <>
      <PageTitle title={u.displayName} product={t("app.controlHub")} />
      {breadcrumb(u.displayName)}
      <div className="page-header">
        <div className="page-header__titles">
          <h1 className="truncate" title={u.displayName}>
            {u.displayName}
          </h1>
          <p className="page-header__subtitle">{u.email}</p>
        </div>
        {canChange && (
          <div className="page-header__actions">
            <RemoveUser customerId={customerId} user={u} />
          </div>
        )}
        {!me.canWrite && <ReadOnlyNote />}
      </div>
      {edited && edited.user.id === u.id && !editing && (
        <div className="alert alert--success page-alert" role="status">
          <p>{t("editUser.success", { name: edited.user.displayName })}</p>
          {edited.warnings.length > 0 && (
            <ul className="plain-list">
              {edited.warnings.map((w, i) => (
                <li key={i}>{problemText(t, w, w.field ?? null)}</li>
              ))}
            </ul>
          )}
          <button type="button" className="link-button" onClick={() => setEdited(null)}>
            {t("changePackage.dismiss")}
          </button>
        </div>
      )}
      {changed && changed.user.id === u.id && (
        <div className="alert alert--success page-alert" role="status">
          <p>
            {t("changePackage.success", {
              name: changed.user.displayName,
              package: packageById(changed.user.package).displayName,
            })}
          </p>
          {changed.warnings.length > 0 && (
            <ul className="plain-list">
              {changed.warnings.map((w, i) => (
                <li key={i}>{problemText(t, w, w.field ?? null)}</li>
              ))}
            </ul>
          )}
          <button type="button" className="link-button" onClick={() => setChanged(null)}>
            {t("changePackage.dismiss")}
          </button>
        </div>
      )}
      <div className="user-page">
        <UserDetails
          user={u}
          action={
            canChange && locations.data ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  setEdited(null);
                  setEditing(true);
                }}
              >
                {t("editUser.open")}
              </button>
            ) : undefined
          }
          editing={
            editing && locations.data ? (
              <EditUserDetails
                customerId={customerId}
                user={u}
                locations={locations.data.items}
                webexSites={customer.data?.webexSites ?? []}
                onCancel={() => setEditing(false)}
                onSaved={(result) => {
                  setEditing(false);
                  setEdited(result);
                }}
              />
            ) : undefined
          }
        />
        <div className="user-page__side">
          <UserPackageSection
            user={u}
            action={changeAction}
            problem={choicesFailed ? t("changePackage.loadFailed") : undefined}
          />
          <UserRecentChanges customerId={customerId} userId={u.id} />
        </div>
      </div>
    </>
  );
}
