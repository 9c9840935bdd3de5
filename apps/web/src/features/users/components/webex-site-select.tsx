import type { WebexSite } from "@partner-hub/shared";
import { forwardRef, type SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/**
 * Preferred Webex Site as a choice among the customer's sites (spec §3), the default marked.
 * "No site" stays a choice (a missing site is a warning, not an error), and a user's current
 * site that has left the list is shown as it is, so opening a form never changes it silently.
 */
export const WebexSiteSelect = forwardRef<
  HTMLSelectElement,
  SelectHTMLAttributes<HTMLSelectElement> & {
    sites: readonly WebexSite[];
    /** The user's current site, kept as a choice when it is no longer one of the sites. */
    current?: string | null;
  }
>(function WebexSiteSelect({ sites, current, ...control }, ref) {
  const { t } = useTranslation();
  const listed = sites.some((s) => s.name.toLowerCase() === current?.toLowerCase());
  return (
    <select {...control} ref={ref} className="select">
      <option value="">{t("addUsers.noSite")}</option>
      {sites.map((s) => (
        <option key={s.name} value={s.name}>
          {s.default ? t("addUsers.siteOption", { name: s.name }) : s.name}
        </option>
      ))}
      {current && !listed && (
        <option value={current}>{t("addUsers.siteNotListed", { name: current })}</option>
      )}
    </select>
  );
});
