/**
 * The name an export is saved under: whose it is, what it is and the day it was taken, e.g.
 * "Fjällbacka Bygg users 2026-11-30.csv". Kept in UTF-8 (`attachment` sends it as RFC 6266
 * `filename*` with an ASCII fallback); only characters a file system refuses are replaced.
 */
export function exportFileName(owner: string, what: string, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  // eslint-disable-next-line no-control-regex -- control characters are what must go
  const safeOwner = owner.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, " ").replace(/\s+/g, " ");
  return `${[safeOwner.trim(), what, day].filter(Boolean).join(" ")}.csv`;
}
