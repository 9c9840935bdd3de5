import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { ErrorState, MessagePage, PageSpinner } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { useUser } from "../../../features/users/api/get-user.ts";
import { UserDetails } from "../../../features/users/components/user-details.tsx";
import { UserPackageSection } from "../../../features/users/components/user-package-section.tsx";
import { isApiError } from "../../../lib/api-client.ts";

export function UserRoute() {
  const { t } = useTranslation();
  const params = useParams();
  const customerId = params.customerId ?? "";
  const userId = params.userId ?? "";
  const user = useUser(customerId, userId);
  const usersHref = paths.controlHub.users.getHref(customerId);

  const breadcrumb = (current?: string) => (
    <nav aria-label={t("user.breadcrumb")} className="breadcrumb">
      <ol>
        <li>
          <Link to={usersHref}>{t("user.backToUsers")}</Link>
        </li>
        {current && (
          <li aria-current="page">
            <span className="truncate" title={current}>
              {current}
            </span>
          </li>
        )}
      </ol>
    </nav>
  );

  if (user.isPending) return <PageSpinner />;
  if (user.isError) {
    return (
      <>
        {breadcrumb()}
        {isApiError(user.error) && user.error.status === 404 ? (
          <MessagePage title={t("user.notFoundTitle")} body={t("user.notFoundBody")} />
        ) : (
          <ErrorState title={t("user.loadError")} error={user.error} onRetry={() => void user.refetch()} />
        )}
      </>
    );
  }

  const u = user.data;
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
      </div>
      <div className="user-page">
        <UserDetails user={u} />
        {/* The change-package action (spec §7) arrives as this section's `action`. */}
        <UserPackageSection user={u} />
      </div>
    </>
  );
}
