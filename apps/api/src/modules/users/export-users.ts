import { Readable } from "node:stream";
import { serialiseUsersCsv, type CsvExportUser, type PackageId } from "@partner-hub/shared";
import { baseLicencesOf } from "@partner-hub/shared";
import type { Db } from "../../db/types.ts";
import { exportFileName } from "../../http/export-file-name.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";

const PAGE = 1000;

/**
 * Streams every user of a customer as CSV, sorted by email, a page at a time: 20,000 users
 * never sit in memory. Pages follow the (customerId, emailLower) unique index.
 */
export async function exportUsersCsv(db: Db, scope: Scope, customerId: string) {
  const customer = await requireCustomer(db, scope, customerId);
  async function* users(): AsyncGenerator<CsvExportUser> {
    let after: string | undefined;
    for (;;) {
      const page = await db.user.findMany({
        where: { customerId, ...(after !== undefined ? { emailLower: { gt: after } } : {}) },
        orderBy: { emailLower: "asc" },
        take: PAGE,
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
      after = page[page.length - 1]!.emailLower;
    }
  }
  return {
    fileName: exportFileName(customer.name, "users"),
    stream: Readable.from(serialiseUsersCsv(users())),
  };
}
