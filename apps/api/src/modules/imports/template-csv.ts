import { UuidParamSchema, templateCsv, type CsvTemplateQuery } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { notFound } from "../../http/app-error.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";

/**
 * The CSV template (spec §9). For a customer the caller may see — the one named by `customerId`,
 * or a customer administrator's own when none is named — the example row names that customer's
 * first location (by name) and its default Webex site, so the example is one the import accepts
 * as it stands; without a customer it is the same for everyone and needs no session.
 */
export async function customerTemplateCsv(
  db: Db,
  scope: Scope | null,
  query: CsvTemplateQuery,
): Promise<string> {
  const named = query.customerId ?? (scope?.kind === "customer" ? scope.customerId : undefined);
  if (named === undefined) return templateCsv();
  const id = UuidParamSchema.safeParse(named);
  // Not a customer id, or no session to see one: answered as a customer that does not exist.
  if (!id.success || !scope) throw notFound("customer");
  await requireCustomer(db, scope, id.data);
  const [location, customer] = await Promise.all([
    db.location.findFirst({
      where: { customerId: id.data },
      orderBy: { name: "asc" },
      select: { name: true },
    }),
    db.customer.findUnique({ where: { id: id.data }, select: { webexSites: true } }),
  ]);
  return templateCsv({
    locationName: location?.name,
    preferredWebexSite: customer?.webexSites[0],
  });
}
