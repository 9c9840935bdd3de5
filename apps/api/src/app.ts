import fs from "node:fs";
import path from "node:path";
import Fastify, { type FastifyServerOptions } from "fastify";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "./db/connect.ts";
import { readerFor } from "./db/sql.ts";
import { openapiOptions } from "./http/openapi.ts";
import { frameworkErrorHandler, registerProblemHandlers } from "./http/problem-handler.ts";
import { registerAuthentication } from "./modules/auth/authenticate.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { customersRoutes } from "./modules/customers/customers.routes.ts";
import { importsRoutes } from "./modules/imports/imports.routes.ts";
import {
  startImportWorker,
  type ImportWorker,
  type ImportWorkerOptions,
} from "./modules/imports/import-worker.ts";
import { locationsRoutes } from "./modules/locations/locations.routes.ts";
import { packagesRoutes } from "./modules/packages/packages.routes.ts";
import { usersRoutes } from "./modules/users/users.routes.ts";

export interface BuildAppOptions {
  db: Database;
  logger?: FastifyServerOptions["logger"];
  /** The built SPA; served with an index.html fallback so one process gives one URL. */
  webDistDir?: string;
  secureCookies?: boolean;
  /** Run the CSV import worker in this process (default true; false for a web-only process). */
  importWorker?: boolean | ImportWorkerOptions;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const NO_QUERY = z.object({}).strict();

/** Builds the app: plugins, then modules, then the root error and not-found handlers. */
export async function buildApp({
  db,
  logger = false,
  webDistDir,
  secureCookies = false,
  importWorker = true,
}: BuildAppOptions) {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // A query parameter a route does not take is refused by name rather than ignored (a misspelt
  // `?serach=` would otherwise quietly show everything): API routes without a query schema
  // take none.
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/v1/") && !route.schema?.querystring)
      route.schema = { ...route.schema, querystring: NO_QUERY };
  });
  const spa =
    webDistDir && fs.existsSync(path.join(webDistDir, "index.html"))
      ? path.resolve(webDistDir)
      : null;
  registerProblemHandlers(
    app,
    spa ? (reply) => reply.type("text/html").sendFile("index.html") : undefined,
  );

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 },
  });
  await app.register(fastifySwagger, openapiOptions);
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  const worker = importWorker
    ? startImportWorker(db, {
        log: app.log,
        ...(typeof importWorker === "object" ? importWorker : {}),
      })
    : null;
  app.decorate("importWorker", worker);
  app.addHook("onClose", async () => worker?.stop());

  // The hot reads (session, scope, lists) run on the driver directly; the rest on Prisma (decision 002).
  const reader = readerFor(db.raw);
  registerAuthentication(app, reader);
  await app.register(
    async (api) => {
      await api.register(authRoutes, { prisma: db.prisma, secureCookies });
      await api.register(packagesRoutes);
      await api.register(customersRoutes, { prisma: db.prisma, reader });
      await api.register(locationsRoutes, { prisma: db.prisma });
      await api.register(usersRoutes, { prisma: db.prisma, reader });
      await api.register(auditRoutes, { prisma: db.prisma });
      await api.register(importsRoutes, {
        prisma: db.prisma,
        raw: db.raw,
        kickWorker: () => worker?.kick(),
      });
    },
    { prefix: "/api/v1" },
  );

  if (spa) await app.register(fastifyStatic, { root: spa, wildcard: false });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

declare module "fastify" {
  interface FastifyInstance {
    importWorker: ImportWorker | null;
  }
}
