/** At most this many data rows per file (spec §6, field fact). */
export const MAX_CSV_ROWS = 20_000;

/** Upload size limit. 20,000 rows of a full export stay well below it. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

/** "20001" → "20,001": fixed English grouping, the same in Node and every browser locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
