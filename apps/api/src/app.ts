import fs from "node:fs";
import path from "node:path";
import Fastify, { type FastifyServerOptions, type RouteOptions } from "fastify";
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
import { withRedaction } from "./http/log-redaction.ts";
import { frameworkErrorHandler, registerProblemHandlers } from "./http/problem-handler.ts";
import { API_DOCS_CSP, registerSecurityHeaders } from "./http/security-headers.ts";
import { registerTextSafety } from "./http/text-safety.ts";
import { acceptEmptyJsonBodies } from "./http/empty-json-body.ts";
import { registerAuthentication } from "./modules/auth/authenticate.ts";
import { DEFAULT_SESSION_POLICY } from "./modules/auth/sessions.ts";
import {
  DEFAULT_THROTTLE,
  registerThrottle,
  type ThrottleOptions,
} from "./modules/auth/throttle.ts";
import type { Mailer } from "./mail/mailer.ts";
import { adminsRoutes } from "./modules/admins/admins.routes.ts";
import { accountRoutes } from "./modules/account/account.routes.ts";
import { invitationsRoutes } from "./modules/invitations/invitations.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { customersRoutes } from "./modules/customers/customers.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { importsRoutes } from "./modules/imports/imports.routes.ts";
import {
  startImportWorker,
  type ImportWorker,
  type ImportWorkerOptions,
} from "./modules/imports/import-worker.ts";
import {
  startCustomerPurger,
  type CustomerPurger,
  type CustomerPurgerOptions,
} from "./modules/customers/purge-deleted-customers.ts";
import { locationsRoutes } from "./modules/locations/locations.routes.ts";
import { packagesRoutes } from "./modules/packages/packages.routes.ts";
import { usersRoutes } from "./modules/users/users.routes.ts";

export interface BuildAppOptions {
  db: Database;
  logger?: FastifyServerOptions["logger"];
  /** The built SPA; served with an index.html fallback so one process gives one URL. */
  webDistDir?: string;
  /** Behind HTTPS: Secure cookies, HSTS and upgrade-insecure-requests. */
  secureCookies?: boolean;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Sessions end after this many idle minutes and this many hours in all (spec §14). */
  sessionIdleMinutes?: number;
  sessionMaxHours?: number;
  /** Sign-in throttle limits (tests make them small). */
  throttle?: Partial<ThrottleOptions>;
  /** The clock of session and throttle decisions (tests move it instead of waiting). */
  now?: () => Date;
  /** Run the CSV import worker in this process (default true; false for a web-only process). */
  importWorker?: boolean | ImportWorkerOptions;
  /**
   * Run the job that removes deleted customers' data (decision 014) in this process; by default
   * wherever the import worker runs (IMPORT_WORKER=false makes a web-only process).
   */
  customerPurger?: boolean | CustomerPurgerOptions;
  /** Told of every route as it is registered (the tests derive their route lists from it). */
  onRoute?: (route: RouteOptions) => void;
  /** Sends invitation and reset e-mails; null (the default) when SMTP_URL is not set. */
  mailer?: Mailer | null;
  /** PUBLIC_URL: the start of invitation and reset links (else the request's origin). */
  publicUrl?: string;
  /** A request (headers and body) must arrive within this time (tests make it short). */
  requestTimeoutMs?: number;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Fastify's default (0) switches off Node's own request timeout, so a client trickling a body a
 * byte at a time (slowloris) could hold a connection for ever. Two minutes carries the largest
 * upload (10 MiB) over a slow line with room to spare; Node's 60 s header timeout stays.
 */
export const REQUEST_TIMEOUT_MS = 120_000;

const NO_QUERY = z.object({}).strict();

/** Builds the app: plugins, then modules, then the root error and not-found handlers. */
export async function buildApp({
  db,
  logger = false,
  webDistDir,
  secureCookies = false,
  trustProxy = false,
  sessionIdleMinutes = DEFAULT_SESSION_POLICY.idleMs / 60_000,
  sessionMaxHours = DEFAULT_SESSION_POLICY.maxMs / 3_600_000,
  throttle = {},
  now = DEFAULT_SESSION_POLICY.now,
  importWorker = true,
  customerPurger = importWorker !== false,
  onRoute,
  mailer = null,
  publicUrl,
  requestTimeoutMs = REQUEST_TIMEOUT_MS,
}: BuildAppOptions) {
  const app = Fastify({
    logger: withRedaction(logger),
    bodyLimit: 1024 * 1024,
    requestTimeout: requestTimeoutMs,
    // Also given to Node's server itself: Node 20 reads requestTimeout when the server is
    // constructed, and Fastify only sets the property afterwards, which Node then ignores
    // (request-timeout.test.ts fails without this). Node looks for overdue requests every
    // connectionsCheckingInterval (30 s by default), so a short timeout needs a shorter look.
    http: {
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, requestTimeoutMs / 4)),
    },
    trustProxy,
    frameworkErrors: frameworkErrorHandler,
    // A path param longer than the router's limit (100) failed routing with a 400; let any
    // length reach its schema, so a long id answers as every other id that is not a UUID (404).
    routerOptions: { maxParamLength: 16 * 1024 },
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
  if (onRoute) app.addHook("onRoute", onRoute);
  const spa =
    webDistDir && fs.existsSync(path.join(webDistDir, "index.html"))
      ? path.resolve(webDistDir)
      : null;
  registerProblemHandlers(
    app,
    spa ? (reply) => reply.type("text/html").sendFile("index.html") : undefined,
  );

  await registerSecurityHeaders(app, { https: secureCookies });
  acceptEmptyJsonBodies(app);
  registerTextSafety(app);
  await app.register(fastifyCookie);
  await registerThrottle(app, db.raw, { ...DEFAULT_THROTTLE, ...throttle }, now);
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 },
  });
  await app.register(fastifySwagger, openapiOptions);
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: API_DOCS_CSP });

  const worker = importWorker
    ? startImportWorker(db, {
        log: app.log,
        ...(typeof importWorker === "object" ? importWorker : {}),
      })
    : null;
  app.decorate("importWorker", worker);
  app.addHook("onClose", async () => worker?.stop());
  const purger = customerPurger
    ? startCustomerPurger(db, {
        log: app.log,
        ...(typeof customerPurger === "object" ? customerPurger : {}),
      })
    : null;
  app.decorate("customerPurger", purger);
  app.addHook("onClose", async () => purger?.stop());

  // The hot reads (session, scope, lists) run on the driver directly; the rest on Prisma (decision 002).
  const reader = readerFor(db.raw);
  registerAuthentication(app, reader, {
    idleMs: sessionIdleMinutes * 60_000,
    maxMs: sessionMaxHours * 3_600_000,
    now,
  });
  await app.register(healthRoutes, { raw: db.raw });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { prisma: db.prisma, secureCookies });
      await api.register(accountRoutes, { prisma: db.prisma });
      await api.register(invitationsRoutes, {
        prisma: db.prisma,
        mailer,
        publicUrl,
        secureCookies,
      });
      await api.register(packagesRoutes);
      await api.register(customersRoutes, {
        prisma: db.prisma,
        reader,
        raw: db.raw,
        mailer,
        publicUrl,
        kickPurger: () => purger?.kick(),
      });
      await api.register(locationsRoutes, { prisma: db.prisma });
      await api.register(usersRoutes, { prisma: db.prisma, reader });
      await api.register(auditRoutes, { prisma: db.prisma });
      await api.register(adminsRoutes, { prisma: db.prisma, mailer, publicUrl });
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
    customerPurger: CustomerPurger | null;
  }
}
