-- Hand-written (Prisma's schema language has no generated columns): one lower-cased text per
-- user that the users list searches, word by word. The covering index lets a customer's search
-- read only (customerId, searchText) pairs instead of whole rows: a 20,000-user customer is
-- searched in a few milliseconds. Not in schema.prisma on purpose; nothing writes it.
ALTER TABLE "User" ADD COLUMN "searchText" text GENERATED ALWAYS AS (
  lower("email" || ' ' || "firstName" || ' ' || "lastName" || ' ' || "displayName" || ' ' ||
        coalesce("phoneNumber", '') || ' ' || coalesce("extension", ''))
) STORED;

CREATE INDEX "User_customerId_searchText_idx" ON "User" ("customerId") INCLUDE ("searchText");
