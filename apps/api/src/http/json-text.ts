import type { FastifyReply } from "fastify";
import type { JsonText } from "../db/sql.ts";

/**
 * Sends an already serialised body. Fastify passes a string with a JSON content type through
 * untouched, so the response schema's serializer (a zod parse of every row, then
 * JSON.stringify) is skipped on the hottest routes; the integration tests validate these bodies.
 */
export function sendJsonText<T>(reply: FastifyReply, body: JsonText<T>): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(body);
}
