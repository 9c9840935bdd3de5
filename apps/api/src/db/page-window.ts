/**
 * Which rows a deep page reads. OFFSET makes PostgreSQL step over every skipped index entry, so
 * page 400 of 401 costs 400 times page 1. Past the middle, the same rows are read in reverse
 * order from the end (and turned round afterwards): the last page costs what the first does, and
 * the worst page is the middle one, at half of what it was.
 */
export interface PageWindow {
  /** Rows to read, in the direction below. */
  limit: number;
  offset: number;
  /** Read with every ORDER BY direction flipped; the caller reverses the rows it gets. */
  reversed: boolean;
}

export function pageWindow(offset: number, max: number, total: number): PageWindow {
  const limit = Math.max(0, Math.min(max, total - offset));
  if (limit === 0) return { limit: 0, offset, reversed: false };
  const fromEnd = total - offset - limit;
  return fromEnd < offset
    ? { limit, offset: fromEnd, reversed: true }
    : { limit, offset, reversed: false };
}

/** Pages at least this deep take their total first, then read their rows through pageWindow. */
export const DEEP_PAGE_OFFSET = 1000;
