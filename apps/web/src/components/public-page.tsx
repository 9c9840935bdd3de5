import type { ReactNode } from "react";
import { LanguageSwitch } from "./language-switch.tsx";
import { PageTitle } from "./page-title.tsx";

/** The frame of the pages used without a session: sign-in's card, brand and language switch. */
export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="sign-in-page">
      <PageTitle title={title} />
      <div className="sign-in-page__language">
        <LanguageSwitch />
      </div>
      <main id="main" className="sign-in-card">
        <div className="sign-in-card__brand" aria-hidden="true">
          <svg viewBox="0 0 32 32" width="40" height="40">
            <rect width="32" height="32" rx="8" fill="currentColor" />
            <path
              d="M9 11h14M9 16h14M9 21h9"
              stroke="#fff"
              strokeWidth="2.5"
              strokeLinecap="round"
            />
          </svg>
        </div>
        {children}
      </main>
    </div>
  );
}
