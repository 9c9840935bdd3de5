import { Readable } from "node:stream";
import { serialiseUsersCsv, type CsvExportUser, type PackageId } from "@partner-hub/shared";
import { baseLicencesOf } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";

const PAGE = 1000;

/** Streams every user of a customer as CSV, a page at a time: 20,000 users never sit in memory. */
export async function exportUsersCsv(db: Db, scope: Scope, customerId: string) {
  const customer = await requireCustomer(db, scope, customerId);
  async function* users(): AsyncGenerator<CsvExportUser> {
    let cursor: string | undefined;
    for (;;) {
      const page = await db.user.findMany({
        where: { customerId },
        orderBy: { id: "asc" },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        include: { location: { select: { name: true } } },
      });
      for (const u of page) {
        yield {
          email: u.email,
          firstName: u.firstName,
          lastName: u.lastName,
          displayName: u.displayName,
          phoneNumber: u.phoneNumber,
          extension: u.extension,
          locationName: u.location?.name ?? null,
          preferredWebexSite: u.preferredWebexSite,
          status: u.status,
          package: u.package as PackageId,
          baseLicences: baseLicencesOf(u),
        };
      }
      if (page.length < PAGE) return;
      cursor = page[page.length - 1]!.id;
    }
  }
  const safeName = customer.name
    .normalize("NFD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  return {
    fileName: `${safeName || "customer"}-users.csv`,
    stream: Readable.from(serialiseUsersCsv(users())),
  };
}
