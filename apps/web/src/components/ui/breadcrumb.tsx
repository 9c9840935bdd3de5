import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** "Parent › current" above a page's heading; the current page is left out until it is known. */
export function Breadcrumb({
  parent,
  current,
}: {
  parent: { href: string; label: string };
  current?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("user.breadcrumb")} className="breadcrumb">
      <ol>
        <li>
          <Link to={parent.href}>{parent.label}</Link>
        </li>
        {current && (
          <li aria-current="page">
            <span className="truncate" title={current}>
              {current}
            </span>
          </li>
        )}
      </ol>
    </nav>
  );
}
