import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { Breadcrumb } from "../../../components/ui/breadcrumb.tsx";
import { DetailLoadError, PageSpinner } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { useImport } from "../../../features/imports/api/get-import.ts";
import { ImportTask } from "../../../features/imports/components/import-task.tsx";

export function TaskRoute() {
  const { t } = useTranslation();
  const params = useParams();
  const customerId = params.customerId ?? "";
  const importId = params.importId ?? "";
  const task = useImport(customerId, importId);

  const breadcrumb = (current?: string) => (
    <Breadcrumb
      parent={{ href: paths.controlHub.tasks.getHref(customerId), label: t("imports.tasks.title") }}
      current={current}
    />
  );

  if (task.isPending) return <PageSpinner />;
  if (task.isError) {
    return (
      <>
        {breadcrumb()}
        <DetailLoadError
          error={task.error}
          title={t("imports.loadError")}
          notFound={{
            title: t("imports.task.notFoundTitle"),
            body: t("imports.task.notFoundBody"),
            back: {
              href: paths.controlHub.tasks.getHref(customerId),
              label: t("imports.task.backToTasks"),
            },
          }}
          onRetry={() => void task.refetch()}
        />
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
      <ImportTask customerId={customerId} task={data} />
    </>
  );
}
