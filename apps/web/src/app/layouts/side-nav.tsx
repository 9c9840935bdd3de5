import { NavLink } from "react-router";

export interface NavItem {
  to: string;
  label: string;
}

/** The left navigation of a hub. Items are data, so new pages (Tasks, Audit log) are one line. */
export function SideNav({
  label,
  title,
  items,
}: {
  label: string;
  title?: string;
  items: readonly NavItem[];
}) {
  return (
    <nav className="side-nav" aria-label={label}>
      {title && <p className="side-nav__title">{title}</p>}
      <ul>
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
    </nav>
  );
}
