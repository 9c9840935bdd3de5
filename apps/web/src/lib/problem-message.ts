import en from "../locales/en.json";
import { isApiError } from "./api-client.ts";

export type ProblemMessageKey = `problems.${keyof typeof en.problems}`;

function isKnownCode(code: string): code is keyof typeof en.problems {
  return Object.hasOwn(en.problems, code);
}

/**
 * What to tell a person about a failed request: a translated message for the codes the SPA
 * knows, otherwise the server's own title/detail (English), and never a stack trace.
 */
export function describeError(error: unknown): { key: ProblemMessageKey } | { text: string } {
  if (!isApiError(error)) return { key: "problems.internal" };
  const { code, detail, title } = error.problem;
  if (code === "validation_failed" && detail) return { text: detail };
  if (isKnownCode(code)) return { key: `problems.${code}` };
  return { text: detail ?? title };
}
