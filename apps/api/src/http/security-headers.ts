import type { FastifyInstance } from "fastify";
import fastifyHelmet from "@fastify/helmet";

/**
 * The SPA's policy: only this origin's own files, no inline script or style (Vite's build emits
 * none; React sets styles through the DOM, which style-src does not govern), no framing.
 */
const SPA_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  // The favicon is a data: URL in index.html.
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Swagger UI at /api/docs sets element styles from inline style attributes, so its pages get
 * their own policy that allows inline style (still no inline script, still no framing).
 */
export const API_DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Security headers on every response (spec §14); API answers are never stored by caches. */
export async function registerSecurityHeaders(app: FastifyInstance, { https }: { https: boolean }) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...SPA_DIRECTIVES,
        // Over plain HTTP (local use) upgrading would break every request for a file.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    hsts: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    // The SPA loads nothing from other origins; COEP would only get in the way of downloads.
    crossOriginEmbedderPolicy: false,
  });
  // Everything under /api — the JSON API and its OpenAPI document, which changes with each
  // release — is an API response (spec §14); only the SPA's files may be cached.
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/") || request.url === "/api") {
      reply.header("cache-control", "no-store");
    }
  });
}
