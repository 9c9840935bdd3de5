import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/page-title.tsx";
import { MessagePage } from "../../components/ui/states.tsx";
import { paths } from "../../config/paths.ts";

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <main id="main" className="content content--centered">
      <PageTitle title={t("notFound.title")} />
      <MessagePage
        title={t("notFound.title")}
        body={t("notFound.body")}
        action={
          <Link to={paths.home.getHref()} className="button button--secondary">
            {t("notFound.home")}
          </Link>
        }
      />
    </main>
  );
}
