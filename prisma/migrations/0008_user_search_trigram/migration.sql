-- Hand-written: a user search ("andersson") inside a 20,000-user customer tested every user's
-- search text (migration 0003's covering index) — 20,000 LIKE tests, twice (count and page).
-- A trigram index keyed by customer first (btree_gin lets a GIN index take the uuid) finds the
-- ~800 candidates directly. PGlite loads btree_gin in apps/api/src/db/connect.ts. Searches
-- shorter than three characters have no trigrams; they still use migration 0003's index.
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX "User_customerId_searchText_trgm_idx" ON "User"
  USING gin ("customerId", "searchText" gin_trgm_ops);
