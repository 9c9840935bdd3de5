import type { ImportStatus } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "../../../components/ui/badge.tsx";

const TONE: Record<ImportStatus, BadgeTone> = {
  previewed: "neutral",
  queued: "info",
  running: "info",
  completed: "success",
  failed: "danger",
  discarded: "neutral",
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status]}>{t(`imports.status.${status}`)}</Badge>;
}
