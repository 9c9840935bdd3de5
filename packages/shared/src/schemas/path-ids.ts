import { z } from "zod";

/**
 * A resource id in a URL path (`:customerId`, `:userId`, `:importId`, …): a UUID in either letter
 * case, as PostgreSQL reads one, handed on in lower case. The API answers a path id that is not
 * one exactly as it answers an id that names nothing (404 not_found, see the API's
 * http/problem-handler.ts), so an id's shape reveals nothing and never reaches a `::uuid` cast.
 */
export const UuidParamSchema = z.guid().toLowerCase();
