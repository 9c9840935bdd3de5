import { z } from "zod";

/**
 * A customer's Webex sites (spec §3): the meeting site names its users may prefer, one of them
 * the default that forms preselect. Stored lower-case (host names ignore case) with the default
 * first; in JSON each site says whether it is the default.
 */
export const WEBEX_SITE_LIMITS = { sites: 20, length: 253 } as const;

/** Labels of letters and digits joined by single hyphens, at least two labels (`kund.webex.com`). */
const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function isWebexSiteName(value: string): boolean {
  return HOSTNAME.test(value);
}

export const WebexSiteNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(WEBEX_SITE_LIMITS.length)
  .regex(HOSTNAME, { error: "Enter a host name such as kund.webex.com." });

export const WebexSiteSchema = z.object({ name: z.string(), default: z.boolean() });
export type WebexSite = z.infer<typeof WebexSiteSchema>;

/** `webexSites` of `PATCH /customers/:customerId`: the complete list, exactly one default. */
export const WebexSitesInputSchema = z
  .array(z.object({ name: WebexSiteNameSchema, default: z.boolean() }).strict())
  .min(1, { error: "A customer needs at least one Webex site." })
  .max(WEBEX_SITE_LIMITS.sites)
  .superRefine((sites, ctx) => {
    const seen = new Set<string>();
    sites.forEach((site, index) => {
      if (seen.has(site.name))
        ctx.addIssue({
          code: "custom",
          path: [index, "name"],
          message: `${site.name} is listed more than once.`,
          params: { reason: "duplicate" },
        });
      seen.add(site.name);
    });
    const defaults = sites.filter((s) => s.default).length;
    if (defaults !== 1)
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `Mark exactly one site as the default (${defaults} are).`,
        params: { reason: "default_count" },
      });
  });
export type WebexSitesInput = z.input<typeof WebexSitesInputSchema>;

/** The stored list (default first) as JSON. */
export function webexSitesJson(stored: readonly string[]): WebexSite[] {
  return stored.map((name, index) => ({ name, default: index === 0 }));
}

/** JSON (or validated input) to the stored list: the default first, the others in their order. */
export function storedWebexSites(sites: readonly WebexSite[]): string[] {
  return [...sites.filter((s) => s.default), ...sites.filter((s) => !s.default)].map((s) => s.name);
}

/** The default site of a list in either form, or null when there is none. */
export function defaultWebexSiteOf(sites: readonly WebexSite[]): string | null {
  return sites.find((s) => s.default)?.name ?? null;
}

/** The list's own spelling of `site`, ignoring case, or null when the list does not have it. */
export function findWebexSite(sites: readonly string[], site: string): string | null {
  const wanted = site.trim().toLowerCase();
  return sites.find((s) => s.toLowerCase() === wanted) ?? null;
}

/** Letters whose Unicode decomposition has no ASCII base letter. */
const SPECIAL_LETTERS: Record<string, string> = {
  æ: "ae",
  ø: "o",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
};

/**
 * The site a new customer starts with (spec §3: `<name>.webex.com`): the name in lower-case
 * ASCII, other characters as single hyphens. "Fjällbacka Fastigheter AB" →
 * `fjallbacka-fastigheter-ab.webex.com`. Every path that creates a customer calls this (the
 * demo seed, Create customer); migration 0019 computed the same for customers that existed.
 */
export function defaultWebexSite(customerName: string): string {
  const ascii = customerName
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[æøœßđðłþ]/g, (c) => SPECIAL_LETTERS[c] ?? c);
  const label = ascii
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return `${label || "customer"}.webex.com`;
}
