import { UuidParamSchema, templateCsv, type CsvTemplateQuery } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { notFound } from "../../http/app-error.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";

/**
 * The CSV template (spec §9). For a customer the caller may see, the example row names that
 * customer's first location (by name), so the example is one the import accepts; without a
 * customer it is the same for everyone and needs no session.
 */
export async function customerTemplateCsv(
  db: Db,
  scope: Scope | null,
  query: CsvTemplateQuery,
): Promise<string> {
  if (query.customerId === undefined) return templateCsv();
  const id = UuidParamSchema.safeParse(query.customerId);
  // Not a customer id, or no session to see one: answered as a customer that does not exist.
  if (!id.success || !scope) throw notFound("customer");
  await requireCustomer(db, scope, id.data);
  const location = await db.location.findFirst({
    where: { customerId: id.data },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  return templateCsv({ locationName: location?.name });
}
