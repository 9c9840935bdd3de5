-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "webexSites" TEXT[] DEFAULT ARRAY[]::TEXT[];



-- Hand-written: every customer that exists gets its Webex sites (spec §3): first, as the
-- default, `<name>.webex.com` as defaultWebexSite (packages/shared/src/schemas/webex-sites.ts)
-- spells it (the same transliteration for the letters of Nordic and other European names), then
-- the host names its users already prefer, so no user is left preferring a site the customer
-- does not have.
WITH "slug" AS (
  SELECT "id", coalesce(nullif(regexp_replace(left(trim(BOTH '-' FROM regexp_replace(
      replace(replace(replace(replace(
        translate(lower("name"), 'åäàáâãāăąöòóôõōőøüùúûūůűéèêëēėęěíìîïīįçćčñńňýÿšśžźżřďðđťľĺł', 'aaaaaaaaaoooooooouuuuuuueeeeeeeeiiiiiicccnnnyysszzzrdddtlll'),
        'æ', 'ae'), 'œ', 'oe'), 'ß', 'ss'), 'þ', 'th'),
      '[^a-z0-9]+', '-', 'g')), 63), '-+$', ''), ''), 'customer') || '.webex.com' AS "site"
  FROM "Customer"
)
UPDATE "Customer" c SET "webexSites" = ARRAY[s."site"] || ARRAY(
  SELECT DISTINCT lower(btrim(u."preferredWebexSite")) FROM "User" u
  WHERE u."customerId" = c."id"
    AND length(btrim(u."preferredWebexSite")) <= 253
    AND lower(btrim(u."preferredWebexSite")) ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?([.][a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$'
    AND lower(btrim(u."preferredWebexSite")) <> s."site"
  ORDER BY 1 LIMIT 19
)
FROM "slug" s WHERE s."id" = c."id";
