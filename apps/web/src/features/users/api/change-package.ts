import {
  ChangePackageResultSchema,
  UserSchema,
  type ChangePackageInput,
  type User,
} from "@partner-hub/shared";
import { hashKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, isApiError } from "../../../lib/api-client.ts";
import { getUserQueryOptions } from "./get-user.ts";

export interface ChangePackageVariables {
  /** The version the person saw; a different current version answers 412 `version_conflict`. */
  version: number;
  input: Omit<ChangePackageInput, "version">;
}

export function changePackage(
  customerId: string,
  userId: string,
  { version, input }: ChangePackageVariables,
) {
  return apiRequest(
    `/customers/${encodeURIComponent(customerId)}/users/${encodeURIComponent(userId)}/package`,
    ChangePackageResultSchema,
    { method: "PUT", body: input, headers: { "if-match": `"${version}"` } },
  );
}

/** The fresh user a 412 `version_conflict` carries in `current`, if it is one. */
export function conflictingUser(error: unknown): User | null {
  if (!isApiError(error) || error.status !== 412) return null;
  const parsed = UserSchema.safeParse(error.problem.current);
  return parsed.success ? parsed.data : null;
}

export function useChangePackage(customerId: string, userId: string) {
  const queryClient = useQueryClient();
  const userKey = getUserQueryOptions(customerId, userId).queryKey;
  return useMutation({
    mutationFn: (variables: ChangePackageVariables) => changePackage(customerId, userId, variables),
    onSuccess: ({ warnings: _warnings, ...user }) => {
      queryClient.setQueryData(userKey, user);
      // Lists, seat counts and the audit log changed too; the user detail is already fresh.
      void queryClient.invalidateQueries({
        queryKey: ["customers", "detail", customerId],
        predicate: (query) => query.queryHash !== hashKey(userKey),
      });
    },
    onError: (error) => {
      // Someone else changed the user: show their version, so the next try is against it.
      const current = conflictingUser(error);
      if (current) queryClient.setQueryData(userKey, current);
    },
  });
}
