import { apiHref } from "./api-client.ts";

// Plain downloads: the browser follows the link with the session cookie; no JSON involved.
export function usersCsvExportHref(customerId: string): string {
  return apiHref(`/customers/${encodeURIComponent(customerId)}/users.csv`);
}

export function csvTemplateHref(): string {
  return apiHref("/csv-template");
}
