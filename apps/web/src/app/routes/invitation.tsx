import { useParams } from "react-router";
import { OneTimeLinkPage } from "../../features/auth/components/one-time-link-page.tsx";

export function InvitationRoute() {
  return <OneTimeLinkPage kind="invitation" token={useParams().token ?? ""} />;
}
