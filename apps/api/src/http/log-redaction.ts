import type { FastifyServerOptions } from "fastify";

/**
 * Secrets never reach the log: pino censors these paths wherever a log line carries them
 * (request and reply headers, bodies someone logs, errors with a request attached).
 */
const SECRET_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "token",
  "csrfToken",
  "sessionToken",
  "passwordHash",
];
export const REDACTED_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "headers.cookie",
  "headers.authorization",
  'headers["x-csrf-token"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/**
 * Path segments that are secrets themselves (invitation and reset tokens in the URL) are
 * replaced before the URL is logged.
 */
const SECRET_SEGMENT = /(\/(?:invitations|password-reset)\/)[^/?#]+/g;

export function redactUrl(url: string): string {
  return url.replace(SECRET_SEGMENT, "$1[redacted]");
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/**
 * Adds redaction to a logger given as options (`{ level }`); `false` stays false. Fastify's own
 * request serializer logs the URL, so it is replaced by one that hides secret segments.
 */
export function withRedaction(
  logger: FastifyServerOptions["logger"],
): FastifyServerOptions["logger"] {
  if (logger === false || logger === undefined) return false;
  const base = logger === true ? {} : logger;
  return {
    ...base,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
      ...base.serializers,
    },
  };
}
