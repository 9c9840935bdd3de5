import type {
  ImportPreview,
  ImportRowResult,
  ImportSummary,
  ListImportRowsQuery,
  ListImportsQuery,
  Page,
} from "@partner-hub/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/types.ts";
import { notFound } from "../../http/app-error.ts";
import { requireCustomer, type Scope } from "../auth/scope.ts";
import { toImportRowResult, toImportSummary } from "./import-json.ts";

/** The import without its file text (megabytes; only the error report reads it). */
export async function findImport(db: Db, scope: Scope, customerId: string, importId: string) {
  await requireCustomer(db, scope, customerId);
  const found = await db.import.findFirst({
    where: { id: importId, customerId },
    omit: { fileText: true },
  });
  if (!found) throw notFound("import");
  return found;
}

export async function listImports(
  db: Db,
  scope: Scope,
  customerId: string,
  page: ListImportsQuery,
): Promise<Page<ImportSummary>> {
  await requireCustomer(db, scope, customerId);
  const where: Prisma.ImportWhereInput = {
    customerId,
    status:
      page.kind === "previews"
        ? "previewed"
        : page.kind === "tasks"
          ? { notIn: ["previewed", "discarded"] }
          : { not: "discarded" },
  };
  const [rows, total] = await Promise.all([
    db.import.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: page.offset,
      take: page.max,
      omit: { fileText: true },
    }),
    db.import.count({ where }),
  ]);
  return { total, items: rows.map(toImportSummary) };
}

/** The task with its problem rows (the preview again, or the results once it has run). */
export async function getImport(
  db: Db,
  scope: Scope,
  customerId: string,
  importId: string,
): Promise<ImportPreview> {
  const found = await findImport(db, scope, customerId, importId);
  const problemRows = await db.importRow.findMany({
    where: {
      importId,
      OR: [
        { outcome: { in: ["error", "skipped"] } },
        { applyError: { not: null } },
        { NOT: { messages: { equals: [] } } },
      ],
    },
    orderBy: { rowNumber: "asc" },
    select: {
      rowNumber: true,
      email: true,
      name: true,
      package: true,
      changes: true,
      outcome: true,
      messages: true,
      skipped: true,
      applied: true,
      applyError: true,
    },
  });
  return { ...toImportSummary(found), problemRows: problemRows.map(toImportRowResult) };
}

export async function listImportRows(
  db: Db,
  scope: Scope,
  customerId: string,
  importId: string,
  query: ListImportRowsQuery,
): Promise<Page<ImportRowResult>> {
  await findImport(db, scope, customerId, importId);
  const search = query.search?.trim();
  const where: Prisma.ImportRowWhereInput = {
    importId,
    ...(query.outcome ? { outcome: query.outcome } : {}),
    AND: [
      ...(query.failed ? [{ OR: [{ outcome: "error" }, { applyError: { not: null } }] }] : []),
      // One import's rows (at most 20,000, read through the importId index): a scan is enough.
      ...(search
        ? [
            {
              OR: [
                { email: { contains: search, mode: "insensitive" as const } },
                { name: { contains: search, mode: "insensitive" as const } },
              ],
            },
          ]
        : []),
    ],
  };
  const [rows, total] = await Promise.all([
    db.importRow.findMany({
      where,
      orderBy: { rowNumber: "asc" },
      skip: query.offset,
      take: query.max,
      omit: { plan: true },
    }),
    db.importRow.count({ where }),
  ]);
  return { total, items: rows.map(toImportRowResult) };
}
