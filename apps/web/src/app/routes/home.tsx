import { Navigate } from "react-router";
import { useCurrentUser } from "../../features/auth/hooks/use-current-user.ts";
import { landingPath } from "../../features/auth/landing-path.ts";

export function HomeRoute() {
  return <Navigate to={landingPath(useCurrentUser())} replace />;
}
