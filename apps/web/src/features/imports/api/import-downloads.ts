import { apiHref } from "../../../lib/api-client.ts";

// Plain downloads: the browser follows the link with the session cookie; no JSON involved.
/** The rows with errors (preview or apply) as uploaded, plus an "Errors" column. */
export function importErrorsCsvHref(customerId: string, importId: string): string {
  return apiHref(
    `/customers/${encodeURIComponent(customerId)}/imports/${encodeURIComponent(importId)}/errors.csv`,
  );
}
