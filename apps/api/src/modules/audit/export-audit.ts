import { Readable } from "node:stream";
import {
  AUDIT_CSV_HEADERS,
  CSV_BOM,
  auditCsvRow,
  serialiseCsvLine,
  type AuditExportQuery,
  type PartnerAuditExportQuery,
} from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { exportFileName } from "../../http/export-file-name.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";
import { customerAuditWhere, narrowToRange, partnerAuditWhere } from "./audit-where.ts";
import { auditEventJson } from "./list-audit.ts";

const PAGE = 1000;

/**
 * The filtered log as CSV, newest first, read a page at a time by `seq` (the order the list
 * shows), so a log of a million events streams without sitting in memory.
 */
async function* auditCsv(
  db: Db,
  where: Prisma.AuditEventWhereInput | null,
  customerName: string | null,
): AsyncGenerator<string> {
  yield CSV_BOM + serialiseCsvLine(AUDIT_CSV_HEADERS);
  if (!where) return;
  let last: bigint | undefined;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: last === undefined ? where : { AND: [where, { seq: { lt: last } }] },
      orderBy: { seq: "desc" },
      take: PAGE,
      include: { customer: { select: { name: true } } },
    });
    for (const e of page) {
      yield auditCsvRow({ ...auditEventJson(e), customerName: e.customer?.name ?? customerName });
    }
    if (page.length < PAGE) return;
    last = page[page.length - 1]!.seq;
  }
}

/** GET /customers/:customerId/audit.csv */
export async function exportCustomerAudit(
  db: Db,
  scope: Scope,
  customerId: string,
  query: AuditExportQuery,
) {
  const customer = await requireCustomer(db, scope, customerId);
  return {
    fileName: exportFileName(customer.name, "audit log"),
    stream: Readable.from(
      auditCsv(
        db,
        await narrowToRange(db, customerAuditWhere(customerId, query), query),
        customer.name,
      ),
    ),
  };
}

/** GET /audit.csv: the partner-level log, scoped as the list is. */
export async function exportPartnerAudit(db: Db, scope: Scope, query: PartnerAuditExportQuery) {
  const where = await narrowToRange(db, partnerAuditWhere(scope, query), query);
  const partner =
    scope.kind === "partner"
      ? await db.partner.findUnique({ where: { id: scope.partnerId }, select: { name: true } })
      : null;
  return {
    fileName: exportFileName(partner?.name ?? "", "audit log"),
    stream: Readable.from(auditCsv(db, where, null)),
  };
}
