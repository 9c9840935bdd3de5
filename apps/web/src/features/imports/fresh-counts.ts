import type { ImportPreview } from "@partner-hub/shared";
import { isApiError } from "../../lib/api-client.ts";

/** The fresh counts a 409 `import_has_errors` carries (the file checked again on apply), if any. */
export function refusedCounts(error: unknown): Record<string, number> | null {
  if (!isApiError(error) || error.problem.code !== "import_has_errors") return null;
  return error.problem.counts ?? null;
}

/** The preview with the outcome counts the server has just found; unknown members are ignored. */
export function withFreshCounts(
  preview: ImportPreview,
  fresh: Record<string, number>,
): ImportPreview {
  const counts = { ...preview.counts };
  for (const key of Object.keys(counts) as (keyof typeof counts)[]) {
    const value = fresh[key];
    if (typeof value === "number" && Number.isFinite(value)) counts[key] = value;
  }
  return { ...preview, counts };
}
