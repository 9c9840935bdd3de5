import { NextExtensionSchema } from "@partner-hub/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export function getNextExtension(customerId: string, locationId: string, signal?: AbortSignal) {
  return apiRequest(
    `/customers/${encodeURIComponent(customerId)}/locations/${encodeURIComponent(locationId)}/next-extension`,
    NextExtensionSchema,
    { signal },
  );
}

export function getNextExtensionQueryOptions(customerId: string, locationId: string) {
  return queryOptions({
    queryKey: [
      "customers",
      "detail",
      customerId,
      "locations",
      "detail",
      locationId,
      "next-extension",
    ],
    queryFn: ({ signal }) => getNextExtension(customerId, locationId, signal),
    // A suggestion goes stale as soon as someone takes it: ask again when the dialog opens.
    staleTime: 0,
  });
}

/** The next free extension of a location; nothing is asked until a location is chosen. */
export function useNextExtension(customerId: string, locationId: string | null) {
  return useQuery({
    ...getNextExtensionQueryOptions(customerId, locationId ?? ""),
    enabled: Boolean(locationId),
  });
}
