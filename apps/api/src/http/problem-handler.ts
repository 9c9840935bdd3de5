import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import {
  FIELD_ISSUES,
  PROBLEM_CODES,
  isIssueCode,
  type FieldIssueCode,
  type Problem,
  type ProblemCode,
  type ProblemError,
} from "@partner-hub/shared";
import { AppError, notFound } from "./app-error.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { Prisma } from "../generated/prisma/client.ts";

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ProblemCode,
  detail?: string,
  errors?: ProblemError[],
  extra: Record<string, unknown> = {},
) {
  const { status, title } = PROBLEM_CODES[code];
  const body: Problem & Record<string, unknown> = {
    type: `https://partner-hub.example/problems/${code.replace(/_/g, "-")}`,
    title,
    status,
    code,
    instance: request.url.split("?")[0],
    ...(detail ? { detail } : {}),
    ...(errors && errors.length ? { errors } : {}),
    ...extra,
  };
  return reply
    .status(status)
    .type("application/problem+json")
    .serializer(JSON.stringify)
    .send(body);
}

/** Zod's issue code when it is one we have words for (all of zod 4's are), else `invalid`. */
function fieldIssueCode(code: string | undefined): FieldIssueCode {
  return code !== undefined && Object.hasOwn(FIELD_ISSUES, code)
    ? (code as FieldIssueCode)
    : "invalid";
}

/**
 * A shared schema's own refinement may name a registered issue code in its params (`{ code,
 * ...params }`, e.g. a calling package without a location): that code, not zod's `custom`.
 */
function refinedIssue(code: string | undefined, params: unknown) {
  const own = (params as { params?: Record<string, unknown> } | undefined)?.params;
  if (code !== "custom" || typeof own?.code !== "string" || !isIssueCode(own.code)) return null;
  const { code: issueCode, ...rest } = own;
  return { code: issueCode, params: rest as Record<string, string | number> };
}

/** Zod issue paths become dotted field names prefixed by where they came from. */
function zodIssuesToErrors(
  issues: { path: PropertyKey[]; message: string; code?: string; params?: unknown }[],
  context: string,
): ProblemError[] {
  return issues.map((i) => ({
    ...(refinedIssue(i.code, i.params) ?? { code: fieldIssueCode(i.code) }),
    // Body fields are named by their path alone (`users.3.email`); others say where they came from.
    field: [...(context === "body" ? [] : [context]), ...i.path.map(String)].join(".") || context,
    message: i.message,
  }));
}

/**
 * The 404 for a path whose params fail their schema (UuidParamSchema): the one a well-formed id
 * naming nothing gets, named by the first failing param in path order (`customerId` → "The
 * customer does not exist.", as requireCustomer says). Params are checked before the session,
 * so this does not depend on who asks, nor on whether anything else in the path exists.
 */
function notFoundInPath(validation: { instancePath?: string }[]): AppError {
  const key = (validation[0]?.instancePath ?? "").split("/").find(Boolean) ?? "";
  return notFound(WHAT_IDS_NAME[key] ?? (key.endsWith("Id") ? key.slice(0, -2) : undefined));
}

/** Ids whose service names what they identify otherwise than the param's name without "Id". */
const WHAT_IDS_NAME: Record<string, string> = { adminId: "administrator" };

/**
 * Errors Fastify meets before routing, such as a URL whose percent-encoding is not UTF-8
 * (`/users/%FF`): problem+json like every other error (Fastify's default is its own JSON shape).
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  void sendProblem(reply, request, "malformed_request", error.message);
}

/**
 * The root error and not-found handlers: every error leaves as problem+json; 5xx never leak
 * internals. With `spaFallback`, a browser GET outside /api gets the SPA's index.html instead,
 * so a reload on /customers/… works.
 */
export function registerProblemHandlers(
  app: FastifyInstance,
  spaFallback?: (reply: FastifyReply) => FastifyReply,
) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, request, error.code, error.message, error.errors, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context =
        (error as FastifyError & { validationContext?: string }).validationContext ?? "body";
      // A path id that is not a UUID names nothing, and answers as an id that names nothing does.
      if (context === "params") {
        const missing = notFoundInPath(error.validation);
        return sendProblem(reply, request, missing.code, missing.message);
      }
      const errors = zodIssuesToErrors(
        error.validation.flatMap((v) => {
          const path = (v.instancePath || "").split("/").filter(Boolean);
          // One error per unknown key, named by it (`query.serach`), not one for the whole object.
          const keys =
            v.keyword === "unrecognized_keys" ? (v.params as { keys?: unknown }).keys : null;
          if (Array.isArray(keys) && keys.length > 0)
            return keys.map((key) => ({
              path: [...path, String(key)],
              message: `Unknown ${context === "querystring" ? "parameter" : "field"} "${String(key)}".`,
              code: v.keyword,
            }));
          return [
            { path, message: v.message ?? "Invalid value", code: v.keyword, params: v.params },
          ];
        }),
        context === "querystring" ? "query" : context,
      );
      return sendProblem(reply, request, "validation_failed", "Some fields are not valid.", errors);
    }
    if (isUniqueViolation(error))
      return sendProblem(reply, request, "conflict", "That value is already in use.");
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025")
      return sendProblem(reply, request, "not_found");
    const status = error.statusCode ?? 500;
    if (status === 415 || error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return sendProblem(reply, request, "unsupported_media_type", error.message);
    }
    if (
      status === 413 ||
      error.code === "FST_REQ_FILE_TOO_LARGE" ||
      error.code === "FST_ERR_CTP_BODY_TOO_LARGE"
    ) {
      return sendProblem(
        reply,
        request,
        "file_too_large",
        "The file is larger than 10 MB, the most one upload may be. Split it into smaller files.",
      );
    }
    if (status === 429) return sendProblem(reply, request, "rate_limited", error.message);
    if (status >= 400 && status < 500) {
      return sendProblem(reply, request, "malformed_request", error.message);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(reply, request, "internal", "The error was logged; please try again.");
  });

  app.setNotFoundHandler((request, reply) => {
    if (spaFallback && request.method === "GET" && !request.url.startsWith("/api/"))
      return spaFallback(reply);
    return sendProblem(
      reply,
      request,
      "not_found",
      `No route ${request.method} ${request.url.split("?")[0]}.`,
    );
  });
}
