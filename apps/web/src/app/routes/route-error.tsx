import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";
import { ErrorState } from "../../components/ui/states.tsx";

/** Last line of defence: a render error shows a message and a reload, not a white page. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <main id="main" className="content content--centered">
      <ErrorState
        title={t("problems.internal")}
        error={error}
        onRetry={() => window.location.reload()}
      />
    </main>
  );
}
