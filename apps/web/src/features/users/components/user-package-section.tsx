import { packageById, type User } from "@partner-hub/shared";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The user's package and what it includes. `action` is where the change-package control
 * (the `>` of spec §7) plugs in; it is left out for people who may not change anything.
 * `problem` is a line under the package saying why the control is not there.
 */
export function UserPackageSection({
  user,
  action,
  problem,
}: {
  user: User;
  action?: ReactNode;
  problem?: string;
}) {
  const { t } = useTranslation();
  const pkg = packageById(user.package);
  const features = [
    { key: "calling", label: t("user.calling"), included: pkg.calling },
    { key: "meetings", label: t("user.meetings"), included: pkg.meetings },
  ];
  return (
    <section className="card" aria-labelledby="user-package-title">
      <div className="card__header">
        <h2 id="user-package-title" className="card__title">
          {t("user.package")}
        </h2>
      </div>
      <div className="package-row">
        <div>
          <p className="package-row__name">{pkg.displayName}</p>
          <p className="package-row__includes">
            <span className="visually-hidden">{t("user.includes")}: </span>
            {features.map((f) => (
              <span key={f.key} className={`feature${f.included ? " feature--on" : ""}`}>
                <span aria-hidden="true">{f.included ? "✓" : "–"}</span> {f.label}
                <span className="visually-hidden">
                  : {f.included ? t("user.included") : t("user.notIncluded")}
                </span>
              </span>
            ))}
          </p>
        </div>
        {action}
      </div>
      {problem && (
        <p className="package-row__problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
