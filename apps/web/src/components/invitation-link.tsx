import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../lib/format.ts";

/** The one-time link, shown once after an invitation, to pass on when no mail is configured. */
export function InvitationLink({
  url,
  expiresAt,
  email,
}: {
  url: string;
  expiresAt: string;
  email: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <div className="invitation-link">
      <p>{t("admins.link.intro", { email })}</p>
      <label htmlFor={id} className="field__label">
        {t("admins.link.label")}
      </label>
      <div className="invitation-link__row">
        <input id={id} className="input" readOnly value={url} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            navigator.clipboard.writeText(url).then(
              () => setCopied("yes"),
              () => setCopied("failed"),
            );
          }}
        >
          {t("admins.link.copy")}
        </button>
      </div>
      <p className="field__hint" role="status">
        {copied === "yes"
          ? t("admins.link.copied")
          : copied === "failed"
            ? t("admins.link.copyFailed")
            : t("admins.link.expires", { when: formatDateTime(expiresAt, i18n.language) })}
      </p>
      <p className="field__hint">{t("admins.link.once")}</p>
    </div>
  );
}
