import { set, type FieldErrors, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";

/**
 * A react-hook-form resolver that runs a shared zod schema (packages/shared): the form checks
 * exactly what the API will. Errors keep zod's issue code as `type` and land on the field's
 * path (`address.country`, `quotas.2.maxUsers`); values are passed on as typed, the submit
 * handler parses them with the same schema.
 */
export function schemaResolver<T extends FieldValues>(schema: z.ZodType): Resolver<T> {
  return (values) => {
    const result = schema.safeParse(values);
    if (result.success) return { values, errors: {} };
    const errors: FieldErrors<T> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join(".") || "root";
      // The first problem of a field is the one shown.
      if (!pathHasError(errors, path))
        set(errors, path, { type: issue.code, message: issue.message });
    }
    return { values: {}, errors };
  };
}

function pathHasError(errors: object, path: string): boolean {
  let node: unknown = errors;
  for (const key of path.split(".")) {
    if (!node || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined;
}
