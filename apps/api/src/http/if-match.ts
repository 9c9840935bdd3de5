import { AppError } from "./app-error.ts";

/**
 * The version an update names (spec §9): `If-Match: "3"`, `W/"3"` or `3`, else `version` from
 * the body. Anything else in the header is not a version we issued.
 */
export function expectedVersion(
  header: string | undefined,
  bodyVersion: number | undefined,
  what: string,
): number | undefined {
  if (!header) return bodyVersion;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match)
    throw new AppError("validation_failed", `If-Match must be the ${what}'s version, e.g. "3".`, {
      errors: [
        {
          code: "invalid",
          field: "headers.if-match",
          message: `Expected the ${what}'s version, e.g. "3".`,
        },
      ],
    });
  return Number(match[1]);
}

/** 428 when an update does not say which version it changes. */
export function requireVersion(version: number | undefined, what: string): number {
  if (version === undefined)
    throw new AppError(
      "precondition_required",
      `Send If-Match with the ${what}'s version (or \`version\` in the body).`,
    );
  return version;
}
