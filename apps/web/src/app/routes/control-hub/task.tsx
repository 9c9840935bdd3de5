import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { ErrorState, MessagePage, PageSpinner } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { useCurrentUser } from "../../../features/auth/hooks/use-current-user.ts";
import { useImport } from "../../../features/imports/api/get-import.ts";
import { ImportTask } from "../../../features/imports/components/import-task.tsx";
import { isApiError } from "../../../lib/api-client.ts";

export function TaskRoute() {
  const { t } = useTranslation();
  const params = useParams();
  const customerId = params.customerId ?? "";
  const importId = params.importId ?? "";
  const me = useCurrentUser();
  const task = useImport(customerId, importId);

  const breadcrumb = (current?: string) => (
    <nav aria-label={t("user.breadcrumb")} className="breadcrumb">
      <ol>
        <li>
          <Link to={paths.controlHub.tasks.getHref(customerId)}>{t("imports.tasks.title")}</Link>
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

  if (task.isPending) return <PageSpinner />;
  if (task.isError) {
    return (
      <>
        {breadcrumb()}
        {isApiError(task.error) && task.error.status === 404 ? (
          <MessagePage title={t("imports.task.notFoundTitle")} body={t("imports.task.notFoundBody")} />
        ) : (
          <ErrorState title={t("imports.loadError")} error={task.error} onRetry={() => void task.refetch()} />
        )}
      </>
    );
  }

  const data = task.data;
  return (
    <>
      <PageTitle title={data.fileName} product={t("app.controlHub")} />
      {breadcrumb(data.fileName)}
      <div className="page-header">
        <div className="page-header__titles">
          <h1 className="truncate" title={data.fileName}>
            {data.fileName}
          </h1>
          <p className="page-header__subtitle">{t("imports.task.subtitle")}</p>
        </div>
      </div>
      <ImportTask customerId={customerId} task={data} canWrite={me.canWrite} />
    </>
  );
}
