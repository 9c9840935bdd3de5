import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../../../components/ui/states.tsx";
import { paths } from "../../../config/paths.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useAudit } from "../api/get-audit.ts";
import { AuditChanges } from "./audit-changes.tsx";
import { AuditHeadline } from "./audit-labels.tsx";

const RECENT = 5;

/** The last few audit events of one user, on the user's page. */
export function UserRecentChanges({ customerId, userId }: { customerId: string; userId: string }) {
  const { t, i18n } = useTranslation();
  const audit = useAudit(customerId, { offset: 0, max: RECENT, userId });
  return (
    <section className="card" aria-labelledby="user-recent-changes-title">
      <h2 id="user-recent-changes-title" className="card__title">
        {t("audit.recentTitle")}
      </h2>
      {audit.isError ? (
        <ErrorState
          title={t("audit.loadError")}
          error={audit.error}
          onRetry={() => void audit.refetch()}
        />
      ) : !audit.data ? (
        <span className="skeleton" />
      ) : audit.data.items.length === 0 ? (
        <p className="muted">{t("audit.recentEmpty")}</p>
      ) : (
        <ol className="recent-changes">
          {audit.data.items.map((event) => (
            <li key={event.id} className="recent-changes__item">
              <p className="recent-changes__title">
                <AuditHeadline event={event} />
              </p>
              <p className="recent-changes__meta">
                <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time> ·{" "}
                {event.actorEmail}
              </p>
              <AuditChanges event={event} compact />
            </li>
          ))}
        </ol>
      )}
      <Link to={paths.controlHub.audit.getHref(customerId)} className="card__footer-link">
        {t("audit.viewAll")}
      </Link>
    </section>
  );
}
