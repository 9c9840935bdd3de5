import type { Me } from "@partner-hub/shared";
import { useMe } from "../api/get-me.ts";

/** The signed-in person. Only for components rendered inside <RequireAuth>. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error("useCurrentUser used outside <RequireAuth>");
  return data;
}
