import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * Many HTTP clients send `Content-Type: application/json` on every request, with no body on a
 * sign-out, a delete or a confirmation (`POST …/apply`, whose members are all optional).
 * Fastify's JSON parser refuses such a request outright (400 "Body cannot be empty"), so an
 * integrator's sign-out failed. An empty JSON body now reads as no body, and a route with a body
 * schema that gets none validates `{}` instead: a body whose members are all optional is met,
 * and one with required members names each of them (`users`, `email`…) rather than "expected
 * object, received null". A body of JSON `null` was sent, and is still refused.
 */
export function acceptEmptyJsonBodies(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    // parseAs "string" hands a string; the type also allows a Buffer.
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, done);
  });
  app.addHook("preValidation", async (request) => {
    if (request.body == null && request.routeOptions.schema?.body && !sentBody(request))
      request.body = {};
  });
}

/** Whether the request carried body bytes: a JSON `null` did, and is still refused. */
function sentBody(request: FastifyRequest): boolean {
  const length = request.headers["content-length"];
  if (length !== undefined) return Number(length) > 0;
  return request.headers["transfer-encoding"] !== undefined;
}
