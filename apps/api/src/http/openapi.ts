import type { FastifyDynamicSwaggerOptions } from "@fastify/swagger";
import type { RouteOptions } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { PROBLEM_CODES, ProblemSchema, type ProblemCode } from "@partner-hub/shared";
import { z } from "zod";
import { requiresSession } from "../modules/auth/authenticate.ts";

/**
 * The OpenAPI document integrators generate clients from. Everything a route does not say
 * itself — its operationId, its security, the errors it may answer — is derived here from the
 * route's definition, for every route, so a route added later is described like the others:
 *
 * - operationId: from method and URL (see `operationIdFor`), unless the route names one.
 * - security: the session cookie, except where authenticate.ts lets a request through without
 *   one (`requiresSession`).
 * - errors: each as application/problem+json with the one Problem schema, for the statuses the
 *   route's shape makes possible (see `problemStatusesFor`), plus the codes a route names in
 *   `config.problems` for what only its service can answer (a wrong password, say).
 *
 * - a multipart upload's form fields: from `schema.multipartBody`, which only the document reads.
 *
 * A route without a summary or a success response schema stops the document from being built
 * (and so `pnpm lint:openapi`): an operation nobody can read about is not finished.
 */

const API_PREFIX = "/api/v1";
const PROBLEM_MEDIA_TYPE = "application/problem+json";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifySchema {
    /**
     * The form fields of a multipart/form-data upload, for the document only: the route reads
     * the parts itself (a body schema would be validated, and fail, before it could).
     */
    multipartBody?: z.ZodType;
  }
  interface FastifyContextConfig {
    /**
     * Problem codes this route's service answers that its shape does not imply (a wrong
     * password on sign-in): documented as error responses of the operation.
     */
    problems?: readonly ProblemCode[];
  }
}

/** The PascalCase words of a path segment: `users.csv` → `UsersCsv`, `csv-template` → `CsvTemplate`. */
function words(segment: string): string {
  return segment
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/**
 * A stable, readable operationId from method and URL, for client generators:
 * the `/api/v1` prefix is dropped; a path parameter names the item of the collection before it
 * (`customers/:customerId` → `Customer`), other segments are kept (`users.csv` → `UsersCsv`);
 * the verb comes from the method — GET is `list` when the answer is a page (`items`) and `get`
 * otherwise, POST `create` when it answers 201 and otherwise the action its last segment names
 * (`imports/:importId/apply` → `applyCustomerImport`), PUT `update`, PATCH `patch`, DELETE `delete`.
 */
export function operationIdFor(
  method: string,
  url: string,
  answersPage: boolean,
  creates: boolean,
) {
  const path = url.startsWith(`${API_PREFIX}/`) ? url.slice(API_PREFIX.length) : url;
  const segments = path.split("/").filter(Boolean);
  const nouns: string[] = [];
  for (const segment of segments) {
    if (segment.startsWith(":")) {
      const item = words(segment.slice(1).replace(/Id$/, ""));
      if (nouns.length) nouns[nouns.length - 1] = item;
      else nouns.push(item);
    } else nouns.push(words(segment));
  }
  const last = segments.at(-1) ?? "";
  let verb: string;
  switch (method) {
    case "GET":
      verb = answersPage ? "list" : "get";
      break;
    case "POST":
      if (creates || last.startsWith(":") || nouns.length < 2) verb = "create";
      else {
        const action = nouns.pop()!;
        verb = action[0]!.toLowerCase() + action.slice(1);
      }
      break;
    case "PUT":
      verb = "update";
      break;
    default:
      verb = method.toLowerCase();
  }
  return verb + nouns.join("");
}

const requestHasBody = (route: RouteOptions) =>
  Boolean(route.schema?.body) || (route.schema as { consumes?: string[] })?.consumes !== undefined;

/**
 * The error statuses a route may answer, derived from its shape. Input it validates: 400.
 * A session it needs: 401; a write under a session: 403 (CSRF, read-only role) and 409
 * (unique values, import state). Path parameters: 404, indistinguishable from another tenant's.
 * A request body: 413 and 415. An If-Match header: 412 and 428. A multipart upload: 422 (a CSV
 * that cannot be read). Every route: 500. Plus the statuses of the codes in `config.problems`.
 */
export function problemStatusesFor(route: RouteOptions & { method: string }): number[] {
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const statuses = new Set<number>([500]);
  const session = requiresSession(route.url, route.config ?? {});
  const write = !SAFE_METHODS.has(route.method);
  if (schema.params || schema.querystring || schema.body || schema.headers || requestHasBody(route))
    statuses.add(400);
  if (session) statuses.add(401);
  if (session && write) {
    statuses.add(403);
    statuses.add(409);
  }
  if (route.url.includes("/:")) statuses.add(404);
  if (requestHasBody(route)) {
    statuses.add(413);
    statuses.add(415);
  }
  const headers = schema.headers as z.ZodObject | undefined;
  if (headers && "if-match" in (headers.shape ?? {})) {
    statuses.add(412);
    statuses.add(428);
  }
  if ((schema.consumes as string[] | undefined)?.includes("multipart/form-data")) statuses.add(422);
  for (const code of route.config?.problems ?? []) statuses.add(PROBLEM_CODES[code].status);
  return [...statuses].sort();
}

/** What each status means here: the titles of the registry's codes that answer with it. */
function problemResponse(status: number) {
  const codes = (Object.keys(PROBLEM_CODES) as ProblemCode[]).filter(
    (code) => PROBLEM_CODES[code].status === status,
  );
  return {
    description: codes.map((code) => `\`${code}\`: ${PROBLEM_CODES[code].title}`).join(". "),
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
  };
}

type RouteSchema = {
  summary?: string;
  body?: unknown;
  multipartBody?: z.ZodType;
  operationId?: string;
  produces?: string[];
  response?: Record<string, unknown>;
  hide?: boolean;
};

const describeRoute: NonNullable<FastifyDynamicSwaggerOptions["transform"]> = (document) => {
  const { route } = document;
  const { schema: transformed, url } = jsonSchemaTransform(document) as {
    schema: RouteSchema | undefined;
    url: string;
  };
  const { multipartBody, ...schema } = transformed ?? {};
  const method = String(route.method);
  const where = `${method} ${route.url}`;
  if (!transformed)
    throw new Error(`OpenAPI: ${where} has no schema (give it one, or schema.hide if internal)`);
  if (schema.hide) return { schema, url };
  if (multipartBody)
    schema.body = z.toJSONSchema(multipartBody, { target: "openapi-3.0", io: "input" });
  if (!schema.summary) throw new Error(`OpenAPI: ${where} has no summary`);
  const response: Record<string, unknown> = { ...schema.response };
  const success = Object.keys(response).filter((s) => s.startsWith("2"));
  if (success.length === 0) {
    // A download declares what it produces; it answers the file as it is.
    if (!schema.produces?.length) throw new Error(`OpenAPI: ${where} has no success response`);
    response["200"] = { type: "string", description: `The file (${schema.produces.join(", ")})` };
  }
  if (response["204"]) response["204"] = { type: "null", description: "No content" };
  const routeSchema = route.schema as { response?: Record<string, unknown> } | undefined;
  const page = routeSchema?.response?.["200"];
  const answersPage = page instanceof z.ZodObject && "items" in page.shape;
  for (const status of problemStatusesFor({ ...route, method }))
    response[String(status)] = problemResponse(status);
  return {
    url,
    schema: {
      ...schema,
      operationId:
        schema.operationId ?? operationIdFor(method, route.url, answersPage, "201" in response),
      security: requiresSession(route.url, route.config ?? {}) ? [{ session: [] }] : [],
      response,
    },
  };
};

/** @fastify/swagger's options: the document's frame and the route transform above. */
export const openapiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    info: {
      title: "Partner Hub API",
      version: "1.0.0",
      description:
        "Partner Hub and Control Hub REST API. Errors are application/problem+json (RFC 9457) " +
        "with a stable `code`; per-field detail is in `errors[]`.",
    },
    servers: [{ url: "/", description: "This server" }],
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "ph_session",
          description:
            "The session cookie set by `login`. A browser's state-changing request must also " +
            "send the session's `csrfToken` (from `login` or `getAuthMe`) as `x-csrf-token`.",
        },
      },
      schemas: {
        Problem: z.toJSONSchema(ProblemSchema, {
          target: "openapi-3.0",
          io: "output",
        }) as Record<string, unknown>,
      },
    },
  },
  transform: describeRoute,
};
