import { useTranslation } from "react-i18next";

/** Sets the document title (React 19 hoists <title> into <head>). */
export function PageTitle({ title, product }: { title: string; product?: string }) {
  const { t } = useTranslation();
  return <title>{`${title} · ${product ?? t("app.partnerHub")}`}</title>;
}
