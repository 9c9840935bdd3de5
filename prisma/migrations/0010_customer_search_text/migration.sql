-- Hand-written: a customer search ("energi", 1,000 of a partner's 10,000 customers) rechecked
-- `"nameLower" || ' ' || lower("externalId")` on every candidate row, lower() included, once for
-- the total and again for the page. The text is now stored once per row (as "User"."searchText"
-- is, migration 0003) and the trigram index is over that column: ~20 % less database time per
-- search (docs/performance.md). Adding the column rewrites the table, which rebuilds its indexes.
ALTER TABLE "Customer" ADD COLUMN "searchText" text
  GENERATED ALWAYS AS ("nameLower" || ' ' || lower("externalId")) STORED;

CREATE INDEX "Customer_searchText_trgm_idx" ON "Customer" USING gin ("searchText" gin_trgm_ops);

DROP INDEX "Customer_search_trgm_idx";

-- The new column has no statistics until autovacuum gets to it; without them the planner cannot
-- tell a dense search from a rare one (the benchmark's "energi" search ran at half speed).
ANALYZE "Customer";
