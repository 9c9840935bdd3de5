import type { ImportBehaviour } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";

export function BehaviourLabel({ behaviour }: { behaviour: ImportBehaviour }) {
  const { t } = useTranslation();
  return <>{t(`imports.behaviour.${behaviour}.label`)}</>;
}
