import { BASE_LICENCES, type User } from "@partner-hub/shared";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { UserStatusBadge } from "./user-status-badge.tsx";
import { formatPhoneNumber } from "../../../lib/phone.ts";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The user's details; `action` (the Edit button) sits in the title row, and `editing` replaces
 * the list with the edit form in place.
 */
export function UserDetails({
  user,
  action,
  editing,
}: {
  user: User;
  action?: ReactNode;
  editing?: ReactNode;
}) {
  const { t } = useTranslation();
  const dash = <span className="muted">—</span>;
  const licences = BASE_LICENCES.filter((l) => user.baseLicences.includes(l.id));
  return (
    <section className="card" aria-labelledby="user-details-title">
      <div className="card__header">
        <h2 id="user-details-title" className="card__title">
          {t("user.details")}
        </h2>
        {!editing && action}
      </div>
      {editing ?? (
        <dl className="details details--columns">
          <Field label={t("user.firstName")}>{user.firstName}</Field>
          <Field label={t("user.lastName")}>{user.lastName}</Field>
          <Field label={t("user.displayName")}>{user.displayName}</Field>
          <Field label={t("user.email")}>{user.email}</Field>
          <Field label={t("user.status")}>
            <UserStatusBadge status={user.status} />
          </Field>
          <Field label={t("user.phoneNumber")}>
            {user.phoneNumber ? formatPhoneNumber(user.phoneNumber) : dash}
          </Field>
          <Field label={t("user.extension")}>{user.extension ?? dash}</Field>
          <Field label={t("user.location")}>{user.locationName ?? dash}</Field>
          <Field label={t("user.preferredWebexSite")}>{user.preferredWebexSite ?? dash}</Field>
          <Field label={t("user.baseLicences")}>
            {licences.length === 0 ? (
              t("user.noBaseLicences")
            ) : (
              <ul className="plain-list">
                {licences.map((l) => (
                  <li key={l.id}>{l.displayName}</li>
                ))}
              </ul>
            )}
          </Field>
        </dl>
      )}
    </section>
  );
}
