import type { FastifyReply } from "fastify";

/** A CSV download: the browser saves it under `fileName` (RFC 6266, UTF-8 names kept). */
export function attachment(reply: FastifyReply, fileName: string): FastifyReply {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\]/g, "");
  return reply
    .type("text/csv; charset=utf-8")
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header("cache-control", "no-store");
}
