import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";

export interface NavItem {
  to: string;
  label: string;
}

/**
 * The left navigation of a hub. Items are data, so new pages (Tasks, Audit log) are one line.
 * In a narrow window (a phone) the column folds into a menu button above the page (a disclosure:
 * aria-expanded; Escape closes it and returns focus to the button; choosing a page closes it).
 */
export function SideNav({
  label,
  title,
  items,
  keepTitle = false,
}: {
  label: string;
  title?: string;
  items: readonly NavItem[];
  /** The title stays above the folded menu too (a customer admin's organisation name). */
  keepTitle?: boolean;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // Open on the page where it was opened: a page chosen from the menu (or reached any other
  // way) folds it again.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === pathname;
  const setOpen = (value: boolean) => setOpenAt(value ? pathname : null);

  const current = items.find((item) => pathname.startsWith(item.to));

  return (
    // The nav fills its column down the whole page; its links stay in view (sticky) inside it.
    <nav
      className={`side-nav${open ? " side-nav--open" : ""}`}
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.preventDefault();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <div className="side-nav__inner">
        {title && (
          <p className={`side-nav__title${keepTitle ? " side-nav__title--kept" : ""}`}>{title}</p>
        )}
        <button
          ref={toggle}
          type="button"
          className="side-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          <MenuIcon open={open} />
          <span>{t("nav.menu")}</span>
          {current && <span className="side-nav__current">{current.label}</span>}
        </button>
        <ul id={listId} className="side-nav__list">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                className={({ isActive }) =>
                  `side-nav__link${isActive ? " side-nav__link--active" : ""}`
                }
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path
        d={open ? "M3.5 3.5l9 9M12.5 3.5l-9 9" : "M2 4h12M2 8h12M2 12h12"}
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}
