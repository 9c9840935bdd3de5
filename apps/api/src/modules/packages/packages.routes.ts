import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PACKAGES, PackageIdSchema, PaginationQuerySchema, pageOf } from "@partner-hub/shared";
import { z } from "zod";

const PackageSchema = z.object({
  id: PackageIdSchema,
  displayName: z.string(),
  calling: z.boolean(),
  meetings: z.boolean(),
});

export const packagesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/packages",
    {
      // The catalogue is public product information; sign-in forms and integrators may read it.
      config: { public: true },
      schema: {
        tags: ["packages"],
        summary: "The wholesale package catalogue",
        // A list like every other (spec §9): `offset` and `max`, `{ items, total }`.
        querystring: PaginationQuerySchema.strict(),
        response: { 200: pageOf(PackageSchema) },
      },
    },
    async (request) => ({
      items: PACKAGES.slice(request.query.offset, request.query.offset + request.query.max).map(
        (p) => ({ ...p }),
      ),
      total: PACKAGES.length,
    }),
  );
};
