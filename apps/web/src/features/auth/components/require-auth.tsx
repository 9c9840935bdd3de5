import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { paths } from "../../../config/paths.ts";
import { ErrorState, PageSpinner } from "../../../components/ui/states.tsx";
import { useMe } from "../api/get-me.ts";
import { sessionHasEnded } from "../session-ended.ts";

/** Renders its children for a signed-in person; anyone else goes to sign-in and comes back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    return (
      <main className="centered-page">
        <ErrorState
          title={t("problems.internal")}
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      </main>
    );
  }
  if (!me.data) {
    return (
      <Navigate
        to={paths.signIn.getHref(`${location.pathname}${location.search}${location.hash}`, {
          sessionEnded: sessionHasEnded(),
        })}
        replace
      />
    );
  }
  return children;
}
