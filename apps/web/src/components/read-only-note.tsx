import { useTranslation } from "react-i18next";
import "./read-only-note.css";

/**
 * Said where a read-only administrator would otherwise find the actions (spec §1: read-only
 * roles see everything and change nothing), so a missing button is not a mystery.
 */
export function ReadOnlyNote({ id, inMenu = false }: { id?: string; inMenu?: boolean }) {
  const { t } = useTranslation();
  // Inside a menu only menu items may have roles (the menu names it as its description instead).
  const Tag = inMenu ? "div" : "p";
  return (
    <Tag id={id} className="read-only-note" role={inMenu ? undefined : "note"}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <rect
          x="3"
          y="7"
          width="10"
          height="7"
          rx="1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
        <path
          d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
      </svg>
      {t("readOnly.note")}
    </Tag>
  );
}
