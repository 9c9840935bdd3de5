import { PROBLEM_CODES, type ProblemCode, type ProblemError } from "@partner-hub/shared";

/**
 * The one error type services throw. It carries a problem code (whose HTTP status lives in
 * PROBLEM_CODES, the one registry), optional per-field/row/column details, and the `params` its
 * English detail was built from so a client can say it in another language.
 */
export class AppError extends Error {
  readonly code: ProblemCode;
  readonly errors: ProblemError[] | undefined;
  readonly extra: Record<string, unknown>;

  constructor(
    code: ProblemCode,
    detail?: string,
    options: {
      errors?: ProblemError[];
      params?: Record<string, string | number>;
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(detail ?? PROBLEM_CODES[code].title);
    this.code = code;
    this.errors = options.errors;
    this.extra = { ...(options.params ? { params: options.params } : {}), ...options.extra };
  }

  get status(): number {
    return PROBLEM_CODES[this.code].status;
  }
}

export const notFound = (what = "resource") =>
  new AppError("not_found", `The ${what} does not exist.`);
