import type { ReactNode } from "react";
import { BrandLogo } from "./brand-logo.tsx";
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
          <BrandLogo size={40} />
        </div>
        {children}
      </main>
    </div>
  );
}
