import type { UserStatus } from "@partner-hub/shared";
import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "../../../components/ui/badge.tsx";

const TONE: Record<UserStatus, BadgeTone> = {
  active: "success",
  pending: "info",
  inactive: "neutral",
};

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status]}>{t(`userStatus.${status}`)}</Badge>;
}
