/** PostgreSQL's SQLSTATE for a unique violation (a unique index, constraint or primary key). */
export const UNIQUE_VIOLATION = "23505";

/**
 * Whether a database error is a unique violation, by its SQLSTATE rather than its message text
 * (which PostgreSQL translates with `lc_messages`). The same violation arrives in four shapes,
 * pinned by apps/api/test/unique-violation.test.ts:
 * - from the driver (pg's DatabaseError, PGlite's error): `code`;
 * - from Prisma on @prisma/adapter-pg: a PrismaClientKnownRequestError (P2002, or P2010 for raw
 *   queries) with `meta.driverAdapterError.cause.originalCode`;
 * - from Prisma on pglite-prisma-adapter, which does not classify errors: a DriverAdapterError
 *   whose `cause.code` is the SQLSTATE (or, for raw queries, P2010 with it under `meta`).
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as ErrorShape | null | undefined;
  return [e, e?.cause, e?.meta?.driverAdapterError?.cause].some(
    (c) => c?.code === UNIQUE_VIOLATION || c?.originalCode === UNIQUE_VIOLATION,
  );
}

interface ErrorShape {
  code?: unknown;
  originalCode?: unknown;
  cause?: { code?: unknown; originalCode?: unknown };
  meta?: { driverAdapterError?: { cause?: { code?: unknown; originalCode?: unknown } } };
}
