import type { CustomerStatus } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "../../../components/ui/badge.tsx";

const TONE: Record<CustomerStatus, BadgeTone> = {
  active: "success",
  provisioning: "info",
  suspended: "warning",
  deactivated: "neutral",
};

export function CustomerStatusBadge({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status]}>{t(`customerStatus.${status}`)}</Badge>;
}
