import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "../../../config/paths.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useImports } from "../api/get-imports.ts";
import { BehaviourLabel } from "./behaviour-label.tsx";
import "./imports.css";

/** How many open previews the Tasks page names; they expire after 24 hours anyway. */
const SHOWN = 20;

/**
 * Previews uploaded and not yet applied (spec §6), apart from the tasks that ran: "Not started",
 * who uploaded the file and when, and a link back to the plan. Nothing when there are none.
 */
export function OpenPreviews({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const previews = useImports(customerId, { offset: 0, max: SHOWN, kind: "previews" });
  const items = previews.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card open-previews" aria-labelledby="open-previews-title">
      <h2 id="open-previews-title" className="card__title">
        {t("imports.tasks.notStarted")}
      </h2>
      <p className="muted">{t("imports.tasks.notStartedHint")}</p>
      <ul className="open-previews__list">
        {items.map((i) => (
          <li key={i.id} className="open-previews__item">
            <Link
              to={paths.controlHub.importPreview.getHref(customerId, i.id)}
              className="table-link"
            >
              {i.fileName}
            </Link>
            <span className="muted">
              <BehaviourLabel behaviour={i.behaviour} />
              {" · "}
              {t("imports.tasks.uploadedByWhen", {
                who: i.createdByEmail,
                when: formatDateTime(i.createdAt, i18n.language),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
