import { z } from "zod";
import { plainText } from "./text.ts";

/** Every list takes `offset` and `max` (default 50, at most 100) and answers `{ items, total }`. */
export const PaginationQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
  max: z.coerce.number().int().min(1).max(100).default(50),
});
export type PaginationQuery = z.infer<typeof PaginationQuerySchema>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0) });
}

export type Page<T> = { items: T[]; total: number };

export const SortOrderSchema = z.enum(["asc", "desc"]);

/** A free-text search box: trimmed, bounded so a pasted novel cannot become a slow query. */
export const SearchTextSchema = plainText(200);
