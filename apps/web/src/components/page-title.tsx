import { createContext, useContext, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The organisation a page belongs to (a Control Hub's customer), named in every tab title. */
const TitleOrganisation = createContext<string | undefined>(undefined);

/** Pages inside name `organisation` in their tab titles: "Users · Fjällbacka AB · Control Hub". */
export function PageTitleOrganisation({
  name,
  children,
}: {
  name: string | undefined;
  children: ReactNode;
}) {
  return <TitleOrganisation.Provider value={name}>{children}</TitleOrganisation.Provider>;
}

/**
 * Sets the document title (React 19 hoists <title> into <head>): the page, the organisation when
 * inside one (so tabs of two customers tell apart), then the product.
 */
export function PageTitle({ title, product }: { title: string; product?: string }) {
  const { t } = useTranslation();
  const organisation = useContext(TitleOrganisation);
  const parts = [title, organisation, product ?? t("app.partnerHub")].filter(Boolean);
  return <title>{parts.join(" · ")}</title>;
}
