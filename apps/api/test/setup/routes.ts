import type { RouteOptions } from "fastify";
import { buildApp } from "../../src/app.ts";
import type { Database } from "../../src/db/connect.ts";

/** A route as the app registered it. */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** "METHOD /url", the key of SAMPLE_REQUESTS. */
  key: string;
  route: RouteOptions;
}

/** An onRoute hook that keeps the routes under /api/v1 (one entry per method; no HEAD twins). */
export function recordRoutes(into: RegisteredRoute[]) {
  return (route: RouteOptions) => {
    if (!route.url.startsWith("/api/v1/")) return;
    for (const method of [route.method].flat()) {
      if (method === "HEAD" || method === "OPTIONS") continue;
      into.push({ method, url: route.url, key: `${method} ${route.url}`, route });
    }
  };
}

/** The route's params in path order: `/customers/:customerId/users/:userId` → both names. */
export function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z]\w*)/g)].map((m) => m[1]!);
}

/** A list page: a GET whose query takes `offset` (PaginationQuerySchema and its extensions). */
export function isListRoute(r: RegisteredRoute): boolean {
  const query = r.route.schema?.querystring as { shape?: Record<string, unknown> } | undefined;
  return r.method === "GET" && query?.shape?.offset !== undefined;
}

/**
 * The routes under /api/v1 the app registers, known when the test file is collected, so each can
 * be a test of its own. buildApp only hands the database on to the routes, so none is opened: any
 * use of this one throws.
 */
export async function appRoutes(): Promise<RegisteredRoute[]> {
  const unusable = new Proxy(
    {},
    {
      get(_target, name) {
        throw new Error(`appRoutes() builds the app without a database (it used ${String(name)})`);
      },
    },
  );
  const db = { prisma: unusable, raw: unusable, kind: "pglite", close: async () => {} };
  const routes: RegisteredRoute[] = [];
  const app = await buildApp({
    db: db as unknown as Database,
    importWorker: false,
    onRoute: recordRoutes(routes),
  });
  await app.close();
  return routes;
}
