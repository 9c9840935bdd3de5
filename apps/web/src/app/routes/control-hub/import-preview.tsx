import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { PageTitle } from "../../../components/page-title.tsx";
import { Breadcrumb } from "../../../components/ui/breadcrumb.tsx";
import { DetailLoadError, MessagePage, PageSpinner } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { useProblemText } from "../../../lib/problem-message.ts";
import { useCanChangeCustomer } from "../../hooks/use-can-change-customer.ts";
import { useImport } from "../../../features/imports/api/get-import.ts";
import { ImportPreview } from "../../../features/imports/components/import-preview.tsx";

/**
 * A CSV preview at its own URL (spec §6): a reload, back/forward or a colleague's link shows the
 * same plan. Once applied it is a task, so the task page takes over; a discarded or expired
 * preview says so.
 */
export function ImportPreviewRoute() {
  const { t } = useTranslation();
  const say = useProblemText();
  const params = useParams();
  const customerId = params.customerId ?? "";
  const importId = params.importId ?? "";
  const canChange = useCanChangeCustomer(customerId);
  const preview = useImport(customerId, importId);

  const breadcrumb = (
    <Breadcrumb
      parent={{
        href: paths.controlHub.importUsers.getHref(customerId),
        label: t("imports.title"),
      }}
      current={t("imports.preview.title")}
    />
  );

  if (preview.isPending) return <PageSpinner />;
  if (preview.isError) {
    return (
      <>
        {breadcrumb}
        <DetailLoadError
          error={preview.error}
          title={t("imports.loadError")}
          notFound={{
            title: t("imports.task.notFoundTitle"),
            body: t("imports.task.notFoundBody"),
            back: {
              href: paths.controlHub.tasks.getHref(customerId),
              label: t("imports.task.backToTasks"),
            },
          }}
          onRetry={() => void preview.refetch()}
        />
      </>
    );
  }
  const data = preview.data;
  if (data.status !== "previewed" && data.status !== "discarded")
    return <Navigate replace to={paths.controlHub.task.getHref(customerId, importId)} />;

  return (
    <>
      <PageTitle
        title={`${t("imports.preview.title")} · ${data.fileName}`}
        product={t("app.controlHub")}
      />
      {breadcrumb}
      {data.status === "discarded" ? (
        // Reached also when an apply or Cancel is refused because the preview expired or was
        // discarded meanwhile: the clicked button is gone, so focus goes to this title.
        <MessagePage
          focusTitle
          title={t("imports.preview.discardedTitle")}
          body={data.failure ? say(data.failure) : t("imports.preview.discardedBody")}
          action={
            <Link
              to={paths.controlHub.importUsers.getHref(customerId)}
              className="button button--secondary"
            >
              {t("imports.upload.startOver")}
            </Link>
          }
        />
      ) : (
        <>
          <div className="page-header">
            <h1>{t("imports.title")}</h1>
          </div>
          <ImportPreview customerId={customerId} preview={data} canWrite={canChange} />
        </>
      )}
    </>
  );
}
