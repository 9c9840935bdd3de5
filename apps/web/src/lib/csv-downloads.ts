import { apiHref } from "./api-client.ts";

// Plain downloads: the browser follows the link with the session cookie; no JSON involved.
export function usersCsvExportHref(customerId: string): string {
  return apiHref(`/customers/${encodeURIComponent(customerId)}/users.csv`);
}

/** The template; with a customer its example row names one of that customer's locations. */
export function csvTemplateHref(customerId?: string): string {
  return apiHref("/csv-template", { customerId });
}
