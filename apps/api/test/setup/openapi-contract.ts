import { Ajv, type ValidateFunction } from "ajv";
import addFormatsPlugin from "ajv-formats";
import type { App } from "../../src/app.ts";

// ajv-formats is CommonJS whose default export is the plugin.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

/** As much of an OpenAPI 3.0 document as the check reads. */
interface OpenapiDocument {
  paths: Record<string, Record<string, OpenapiOperation | undefined> | undefined>;
  components?: object;
}
interface OpenapiOperation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: object }> } | undefined>;
}

/** One response the API sent that its OpenAPI document does not describe. */
export interface ContractViolation {
  request: string;
  status: number;
  problem: string;
}

export interface ContractChecker {
  /** Responses that break the document, in the order they were sent. */
  violations: ContractViolation[];
  /** operationIds answered at least once with a documented success status. */
  succeeded: Set<string>;
  document: OpenapiDocument;
}

/**
 * Checks every response an app sends against the OpenAPI document that same app serves:
 * its status must be documented for the operation, its content type among those documented
 * for that status, and a JSON body valid against the documented schema (ajv, with the document's
 * components for `$ref`s, OpenAPI 3.0's `nullable` and the string formats). Requests no route
 * matched and routes the document hides are not operations and are left alone.
 *
 * Installed by useTestApp, so the responses of the whole integration suite are checked.
 */
export function checkResponsesAgainstOpenapi(app: App): ContractChecker {
  const checker: ContractChecker = {
    violations: [],
    succeeded: new Set(),
    document: undefined as unknown as OpenapiDocument,
  };
  let ajv: Ajv | undefined;
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (key: string, schema: object) => {
    let validate = validators.get(key);
    if (!validate) {
      ajv ??= addFormats(new Ajv({ strict: false, allErrors: true }));
      validate = ajv.compile({ ...schema, components: checker.document.components });
      validators.set(key, validate);
    }
    return validate;
  };

  app.addHook("onReady", async function () {
    checker.document = app.swagger() as OpenapiDocument;
  });
  app.addHook("onSend", async (request, reply, payload) => {
    const routeUrl = request.routeOptions.url;
    if (request.is404 || !routeUrl) return payload;
    const path = routeUrl.replace(/:(\w+)/g, "{$1}");
    const method = request.method.toLowerCase();
    const operation = checker.document.paths[path]?.[method];
    if (!operation) return payload;
    const status = reply.statusCode;
    const where = `${request.method} ${request.url}`;
    const fail = (problem: string) => checker.violations.push({ request: where, status, problem });
    const response = operation.responses[String(status)];
    if (!response) {
      fail(`status ${status} is not documented for ${operation.operationId}`);
      return payload;
    }
    if (status < 300) checker.succeeded.add(operation.operationId!);
    const contentType = String(reply.getHeader("content-type") ?? "")
      .split(";")[0]!
      .trim();
    if (!response.content) {
      // Fastify sends no body with a 204 or 304, whatever the handler gave it.
      if (status === 204 || status === 304) return payload;
      if (payload !== null && payload !== undefined && payload !== "")
        fail(`${operation.operationId} ${status} has a body the document does not describe`);
      return payload;
    }
    const media = response.content[contentType];
    if (!media) {
      fail(
        `content type "${contentType}" is not documented for ${operation.operationId} ${status} ` +
          `(documented: ${Object.keys(response.content).join(", ")})`,
      );
      return payload;
    }
    if (!contentType.endsWith("json") || !media.schema) return payload;
    let body: unknown;
    try {
      body = JSON.parse(Buffer.isBuffer(payload) ? payload.toString("utf8") : String(payload));
    } catch {
      fail(`${operation.operationId} ${status}: the body is not JSON`);
      return payload;
    }
    const validate = validatorFor(`${method} ${path} ${status} ${contentType}`, media.schema);
    if (!validate(body))
      fail(
        `${operation.operationId} ${status}: ` +
          (validate.errors ?? [])
            .map((e) => `${e.instancePath || "(body)"} ${e.message ?? ""}`)
            .join("; "),
      );
    return payload;
  });
  return checker;
}

/** Fails with every violation, one per line. */
export function assertNoContractViolations(checker: ContractChecker): void {
  if (checker.violations.length === 0) return;
  throw new Error(
    `${checker.violations.length} responses do not match the OpenAPI document:\n` +
      checker.violations.map((v) => `  ${v.request} → ${v.status}: ${v.problem}`).join("\n"),
  );
}
