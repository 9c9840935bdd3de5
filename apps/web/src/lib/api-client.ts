import {
  ProblemSchema,
  type ClientProblemCode,
  type Problem,
  type ProblemCode,
} from "@partner-hub/shared";
import type { z } from "zod";

export const API_BASE = "/api/v1";

/** Problem codes the SPA itself produces when there is no problem+json to read. */
export const CLIENT_PROBLEM_CODES = {
  network: "network_error",
  badResponse: "bad_response",
} as const satisfies Record<string, ClientProblemCode>;

/** A problem from the API, or one the SPA made up because the API's answer was not one. */
export type ClientProblem = Omit<Problem, "code"> & { code: ProblemCode | ClientProblemCode };

/** An error answer from the API, always carrying an RFC 9457 problem the UI can read. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ClientProblem;

  constructor(problem: ClientProblem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): ClientProblem["code"] {
    return this.problem.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Turns a non-2xx answer into an ApiError. A body that is a valid problem is used as is;
 * anything else (an HTML 502 from a proxy, a truncated body) becomes a problem built from the
 * HTTP status, so callers never have to handle two shapes.
 */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  const parsed = ProblemSchema.safeParse(body);
  if (parsed.success) return new ApiError(parsed.data);
  return new ApiError({
    type: "about:blank",
    title: statusText || `HTTP ${status}`,
    status,
    code: fallbackCodeForStatus(status),
  });
}

function fallbackCodeForStatus(status: number): ClientProblem["code"] {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "internal";
  return CLIENT_PROBLEM_CODES.badResponse;
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError({
    type: "about:blank",
    title: "The server could not be reached",
    status: 0,
    code: CLIENT_PROBLEM_CODES.network,
  });
  error.cause = cause;
  return error;
}

// The CSRF token lives in memory only: it comes from the login answer and from /auth/me, both
// of which the auth feature hands to setCsrfToken. The session itself is an HttpOnly cookie.
let csrfToken: string | null = null;
let refreshCsrfToken: (() => Promise<string | null>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** How to fetch a fresh token when the server refuses ours (e.g. after a session rotation). */
export function setCsrfTokenRefresher(refresher: (() => Promise<string | null>) | null): void {
  refreshCsrfToken = refresher;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** `/customers` + { search: "a", status: undefined } → `/api/v1/customers?search=a` */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ""}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = {
    accept: "application/json, application/problem+json",
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (options.body instanceof FormData) {
      body = options.body;
    } else {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.body);
    }
  }
  if (UNSAFE_METHODS.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw networkError(cause);
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * One request to the API. The answer is parsed with `schema` (from @partner-hub/shared), so a
 * contract drift shows up as a clear error here rather than as `undefined` deep in a component.
 */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  let response = await send(path, options);
  const method = options.method ?? "GET";
  if (response.status === 403 && UNSAFE_METHODS.has(method) && refreshCsrfToken) {
    const problem = ProblemSchema.safeParse(await readBody(response.clone()));
    if (problem.success && problem.data.code === "csrf_failed") {
      const fresh = await refreshCsrfToken();
      if (fresh) {
        csrfToken = fresh;
        response = await send(path, options);
      }
    }
  }
  const body = await readBody(response);
  if (!response.ok) throw toApiError(response.status, response.statusText, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      type: "about:blank",
      title: "The server answered in an unexpected shape",
      status: response.status,
      code: CLIENT_PROBLEM_CODES.badResponse,
      detail: `${method} ${path}: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ")}`,
    });
  }
  return parsed.data;
}

/** Plain links the browser downloads itself (CSV export, template); the cookie rides along. */
export function apiHref(path: string, query?: Record<string, QueryValue>): string {
  return buildUrl(path, query);
}
