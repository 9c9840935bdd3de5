import {
  LocationSchema,
  type CreateLocationInput,
  type Location,
  type UpdateLocationInput,
} from "@partner-hub/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest, isApiError } from "../../../lib/api-client.ts";

const base = (customerId: string) => `/customers/${encodeURIComponent(customerId)}/locations`;

export function createLocation(customerId: string, input: CreateLocationInput) {
  return apiRequest(base(customerId), LocationSchema, { method: "POST", body: input });
}

export function updateLocation(
  customerId: string,
  locationId: string,
  version: number,
  input: Omit<UpdateLocationInput, "version">,
) {
  return apiRequest(`${base(customerId)}/${encodeURIComponent(locationId)}`, LocationSchema, {
    method: "PATCH",
    body: input,
    headers: { "if-match": `"${version}"` },
  });
}

export function deleteLocation(customerId: string, locationId: string, version: number) {
  return apiRequest(`${base(customerId)}/${encodeURIComponent(locationId)}`, z.unknown(), {
    method: "DELETE",
    headers: { "if-match": `"${version}"` },
  });
}

/** The fresh location a 412 `version_conflict` carries in `current`, if it is one. */
export function conflictingLocation(error: unknown): Location | null {
  if (!isApiError(error) || error.status !== 412) return null;
  const parsed = LocationSchema.safeParse(error.problem.current);
  return parsed.success ? parsed.data : null;
}

/** Locations, the customer's location count, user lists and the audit log all follow a change. */
function useLocationWrite<V, R>(customerId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: ["customers", "detail", customerId] }),
  });
}

export function useCreateLocation(customerId: string) {
  return useLocationWrite(customerId, (input: CreateLocationInput) =>
    createLocation(customerId, input),
  );
}

export function useUpdateLocation(customerId: string) {
  return useLocationWrite(
    customerId,
    (v: { id: string; version: number; input: Omit<UpdateLocationInput, "version"> }) =>
      updateLocation(customerId, v.id, v.version, v.input),
  );
}

export function useDeleteLocation(customerId: string) {
  return useLocationWrite(customerId, (v: { id: string; version: number }) =>
    deleteLocation(customerId, v.id, v.version),
  );
}
