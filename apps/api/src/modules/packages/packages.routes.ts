import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PACKAGES, PackageIdSchema } from "@partner-hub/shared";
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
        response: { 200: z.object({ items: z.array(PackageSchema) }) },
      },
    },
    async () => ({ items: PACKAGES.map((p) => ({ ...p })) }),
  );
};
