import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RawSql } from "../../db/connect.ts";
import { pendingMigrations } from "../../db/migrate.ts";
import { AppError } from "../../http/app-error.ts";

const HealthSchema = z.object({ status: z.literal("ok") });

/**
 * For load balancers and orchestrators: no session, no data, and out of the request log at info
 * level (a probe every few seconds would drown it). Not-ready answers 503 problem+json.
 * Both are in the OpenAPI document, as spec §9 lists them among the API's routes; having no
 * input, they have no 4xx answer (apps/api/.redocly.lint-ignore.yaml says so to the lint).
 */
export const healthRoutes: FastifyPluginAsyncZod<{ raw: RawSql }> = async (app, { raw }) => {
  const probe = { logLevel: "warn" as const, config: { public: true } };
  app.get(
    "/healthz",
    {
      ...probe,
      schema: {
        tags: ["health"],
        summary: "The process answers",
        response: { 200: HealthSchema },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "no-store");
      return { status: "ok" as const };
    },
  );
  app.get(
    "/readyz",
    {
      ...probe,
      config: { ...probe.config, problems: ["not_ready"] },
      schema: {
        tags: ["health"],
        summary: "The database answers and every migration is applied",
        response: { 200: HealthSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      let pending: number;
      try {
        pending = (await pendingMigrations(raw)).length;
      } catch (error) {
        request.log.warn({ err: error }, "readiness: the database did not answer");
        throw new AppError("not_ready", "The database does not answer.");
      }
      if (pending > 0)
        throw new AppError("not_ready", `${pending} database migrations are not applied yet.`);
      return { status: "ok" as const };
    },
  );
};
