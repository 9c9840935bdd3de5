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
    // The nav fills its column down the whole page; its links stay in view (sticky) inside it.
    <nav className="side-nav" aria-label={label}>
      <div className="side-nav__inner">
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
      </div>
    </nav>
  );
}
