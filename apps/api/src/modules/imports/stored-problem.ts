import { ProblemErrorSchema, type ProblemError } from "@partner-hub/shared";

/**
 * `ImportRow.applyError`, `Import.failureReason` and `ImportRow.skipped` hold a problem (code,
 * English message, params) as JSON. Rows written before codes existed hold English prose: they
 * read back as `stored_text`, which the UI shows as it is.
 */
export function storeProblem(problem: ProblemError): string {
  return JSON.stringify(problem);
}

function proseProblem(text: string): ProblemError {
  return { code: "stored_text", message: text, params: { text } };
}

function parseProblem(value: unknown): ProblemError | null {
  const parsed = ProblemErrorSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function readStoredProblem(text: string | null): ProblemError | null {
  if (text === null) return null;
  if (text.startsWith("{")) {
    try {
      const problem = parseProblem(JSON.parse(text));
      if (problem) return problem;
    } catch {
      // Prose that happens to start with a brace: shown as it is, below.
    }
  }
  return proseProblem(text);
}

/** The `skipped` JSON column: problems now, English strings in rows stored before. */
export function readStoredSkips(json: unknown): ProblemError[] {
  if (!Array.isArray(json)) return [];
  return json.map((item: unknown) =>
    typeof item === "string"
      ? proseProblem(item)
      : (parseProblem(item) ?? proseProblem(JSON.stringify(item))),
  );
}
