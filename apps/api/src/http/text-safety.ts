import type { FastifyInstance } from "fastify";
import type { ProblemError } from "@partner-hub/shared";
import { AppError } from "./app-error.ts";

/**
 * Text PostgreSQL cannot store — a NUL character, or a lone UTF-16 surrogate that has no UTF-8
 * form — is refused as a 400 naming the field, before any schema or service sees it (it used to
 * reach the database and come back as a 500). Checks JSON bodies and query strings. Path params
 * are left to their schemas: an id that is not a UUID answers 404 like any missing one (spec
 * §14), and a one-time token is only ever hashed.
 */
export function registerTextSafety(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => {
    const errors: ProblemError[] = [];
    collect(request.body, [], errors);
    collect(request.query, ["query"], errors);
    if (errors.length)
      throw new AppError(
        "validation_failed",
        "Some fields hold characters that cannot be stored.",
        {
          errors,
        },
      );
  });
}

const MAX_ERRORS = 20;
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function collect(value: unknown, path: string[], errors: ProblemError[], depth = 0): void {
  if (errors.length >= MAX_ERRORS || depth > 64) return;
  if (typeof value === "string") {
    if (UNSTORABLE.test(value))
      errors.push({
        code: "invalid_characters",
        field: path.join(".") || "body",
        message:
          "Remove the control or broken characters (NUL, unpaired surrogates) from this text.",
      });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, [...path, String(i)], errors, depth + 1));
    return;
  }
  if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      collect(key, [...path, "(key)"], errors, depth + 1);
      collect(item, [...path, key], errors, depth + 1);
    }
  }
}
