import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CreateLocationInputSchema,
  CustomerParamsSchema,
  LocationParamsSchema,
  LocationSchema,
  NextExtensionSchema,
  UpdateLocationInputSchema,
} from "@partner-hub/shared";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { expectedVersion } from "../../http/if-match.ts";
import { requireIdentity } from "../auth/authenticate.ts";
import { createLocation } from "./create-location.ts";
import { deleteLocation } from "./delete-location.ts";
import { getLocation } from "./get-location.ts";
import { nextExtension } from "./next-extension.ts";
import { updateLocation } from "./update-location.ts";

const IfMatchHeadersSchema = z.object({ "if-match": z.string().max(40).optional() }).passthrough();

/** Spec §11 Locations: add, edit, delete (the list is with the customer's routes). */
export const locationsRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (
  app,
  { prisma },
) => {
  app.post(
    "/customers/:customerId/locations",
    {
      schema: {
        tags: ["locations"],
        summary: "Add a location (name unique in the customer ignoring case)",
        params: CustomerParamsSchema,
        body: CreateLocationInputSchema,
        response: { 201: LocationSchema },
      },
    },
    async (request, reply) => {
      const { customerId } = request.params;
      const location = await createLocation(
        prisma,
        requireIdentity(request).scope,
        customerId,
        request.body,
      );
      return reply
        .status(201)
        .header("location", `/api/v1/customers/${customerId}/locations/${location.id}`)
        .header("etag", `"${location.version}"`)
        .send(location);
    },
  );

  app.get(
    "/customers/:customerId/locations/:locationId",
    {
      schema: {
        tags: ["locations"],
        summary: "One location",
        params: LocationParamsSchema,
        response: { 200: LocationSchema },
      },
    },
    async (request, reply) => {
      const location = await getLocation(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.locationId,
      );
      reply.header("etag", `"${location.version}"`);
      return location;
    },
  );

  app.patch(
    "/customers/:customerId/locations/:locationId",
    {
      schema: {
        tags: ["locations"],
        summary: "Edit a location (If-Match: the location's version)",
        params: LocationParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateLocationInputSchema,
        response: { 200: LocationSchema },
      },
    },
    async (request, reply) => {
      const { version, ...input } = request.body;
      const location = await updateLocation(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.locationId,
        input,
        expectedVersion(request.headers["if-match"], version, "location"),
      );
      reply.header("etag", `"${location.version}"`);
      return location;
    },
  );

  app.delete(
    "/customers/:customerId/locations/:locationId",
    {
      schema: {
        tags: ["locations"],
        summary: "Delete a location, refused while users belong to it",
        params: LocationParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteLocation(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.locationId,
        expectedVersion(request.headers["if-match"], undefined, "location"),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/customers/:customerId/locations/:locationId/next-extension",
    {
      schema: {
        tags: ["locations"],
        summary: "A free extension of the location to suggest for a new calling user",
        description:
          "One after the highest of the location's longest all-digit extensions (1000 when it has none); null when none is left under the 10-digit limit. A suggestion: it can be taken before it is used.",
        params: LocationParamsSchema,
        response: { 200: NextExtensionSchema },
      },
    },
    async (request) =>
      nextExtension(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.locationId,
      ),
  );
};
