import { useParams } from "react-router";
import { OneTimeLinkPage } from "../../features/auth/components/one-time-link-page.tsx";

export function PasswordResetRoute() {
  return <OneTimeLinkPage kind="password_reset" token={useParams().token ?? ""} />;
}
