import { packageById, type PackageId } from "../catalogue/packages.ts";
import { findWebexSite } from "../schemas/webex-sites.ts";
import { normaliseExtension } from "./extension.ts";
import type { CustomerLocation } from "./location.ts";
import { normalisePhoneNumber } from "./phone-number.ts";
import type { RuleIssue } from "./rule-issue.ts";

/** The package-dependent fields of one user (new, or as it will be after a change). */
export interface PackageFields {
  package: PackageId;
  phoneNumber: string | null;
  extension: string | null;
  locationId: string | null;
  preferredWebexSite: string | null;
}

export interface PackageRulesContext {
  /** All locations of the customer. */
  locations: readonly CustomerLocation[];
  /**
   * The customer's Webex sites (spec §3). Given, a Preferred Webex Site must be one of them
   * (ignoring case; the list's spelling is kept); left out, the site is not checked.
   */
  webexSites?: readonly string[] | undefined;
  /** How a site not in the list counts: an error in forms and the API, a warning in a CSV. */
  unknownWebexSite?: "error" | "warning";
  /**
   * The site the user has now: kept as it is even when no longer in the list, so a change that
   * does not touch it is not refused for it.
   */
  currentWebexSite?: string | null | undefined;
}

export interface PackageFieldsResult {
  /** Normalised input; only meaningful to store when `issues` holds no error. */
  value: PackageFields;
  issues: RuleIssue[];
}

const CALLING_FIELDS = [
  { field: "phoneNumber", label: "a phone number" },
  { field: "extension", label: "an extension" },
  { field: "locationId", label: "a location" },
] as const;

/** "" and whitespace mean "not given", as in the zod schemas. */
function given(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/**
 * Spec §4 for one user: a calling package needs a phone number and/or an extension, and a
 * location (defaulted when the customer has exactly one); a meetings package should have a
 * Preferred Webex Site (a warning only). Pass the fields the caller explicitly supplied.
 *
 * Phone number, extension or location given for a package without calling is an error
 * (`calling_fields_not_allowed`), not silently dropped, so nobody loses a number they typed;
 * the returned value has them cleared. The Preferred Webex Site is kept whatever the package.
 */
export function checkPackageFields(
  input: PackageFields,
  ctx: PackageRulesContext,
): PackageFieldsResult {
  const pkg = packageById(input.package);
  const params = { package: pkg.displayName, packageId: pkg.id };
  const issues: RuleIssue[] = [];
  const value: PackageFields = {
    package: input.package,
    phoneNumber: given(input.phoneNumber),
    extension: given(input.extension),
    locationId: given(input.locationId),
    preferredWebexSite: given(input.preferredWebexSite),
  };

  if (pkg.calling) {
    checkCallingNumbers(value, params, issues);
    checkLocation(value, ctx, params, issues);
  } else {
    for (const { field, label } of CALLING_FIELDS) {
      if (value[field] === null) continue;
      issues.push({
        field,
        code: "calling_fields_not_allowed",
        severity: "error",
        message: `${pkg.displayName} does not include calling, so the user cannot have ${label}. Remove it or choose a package with calling.`,
        params: { ...params, value: value[field] },
      });
      value[field] = null;
    }
  }

  if (value.preferredWebexSite !== null && ctx.webexSites)
    checkWebexSite(value, ctx.webexSites, ctx, issues);

  if (pkg.meetings && value.preferredWebexSite === null) {
    issues.push({
      field: "preferredWebexSite",
      code: "webex_site_missing",
      severity: "warning",
      message: `${pkg.displayName} includes meetings but no Preferred Webex Site is set. The user can be added now, but set the site to avoid meeting problems later.`,
      params,
    });
  }

  return { value, issues };
}

type PackageParams = { package: string; packageId: PackageId };

function checkCallingNumbers(
  value: PackageFields,
  params: PackageParams,
  issues: RuleIssue[],
): void {
  if (value.phoneNumber !== null) {
    const raw = value.phoneNumber;
    const phone = normalisePhoneNumber(raw);
    if (!phone.ok) {
      issues.push({
        field: "phoneNumber",
        code: phone.code,
        severity: "error",
        message: phone.message,
        params: { value: raw },
      });
    } else {
      value.phoneNumber = phone.e164;
      if (phone.restoredPlus) {
        issues.push({
          field: "phoneNumber",
          code: "phone_plus_restored",
          severity: "warning",
          message: `"${raw}" has no leading +, so it was read as ${phone.e164}. Check that this is the right number.`,
          params: { value: raw, e164: phone.e164 },
        });
      }
    }
  }

  if (value.extension !== null) {
    const raw = value.extension;
    const ext = normaliseExtension(raw);
    if (!ext.ok) {
      issues.push({
        field: "extension",
        code: ext.code,
        severity: "error",
        message: ext.message,
        params: { value: raw },
      });
    } else {
      value.extension = ext.extension;
    }
  }

  if (value.phoneNumber === null && value.extension === null) {
    issues.push({
      field: "phoneNumber",
      code: "calling_number_required",
      severity: "error",
      message: `${params.package} includes calling, so the user needs a phone number, an extension, or both.`,
      params,
    });
  }
}

function checkLocation(
  value: PackageFields,
  ctx: PackageRulesContext,
  params: PackageParams,
  issues: RuleIssue[],
): void {
  if (value.locationId === null) {
    const only = ctx.locations.length === 1 ? ctx.locations[0] : undefined;
    if (only) {
      value.locationId = only.id;
      return;
    }
    issues.push({
      field: "locationId",
      code: "location_required",
      severity: "error",
      message:
        ctx.locations.length === 0
          ? `${params.package} includes calling, so the user needs a location, but this customer has no locations yet. Add a location first.`
          : `${params.package} includes calling, so the user needs a location. Choose one of the customer's locations.`,
      params: { ...params, locationCount: ctx.locations.length },
    });
    return;
  }
  if (!ctx.locations.some((l) => l.id === value.locationId)) {
    issues.push({
      field: "locationId",
      code: "location_unknown",
      severity: "error",
      message: `Location "${value.locationId}" does not exist in this customer. Choose one of the customer's locations.`,
      params: { value: value.locationId },
    });
  }
}

function checkWebexSite(
  value: PackageFields,
  sites: readonly string[],
  ctx: PackageRulesContext,
  issues: RuleIssue[],
): void {
  const site = value.preferredWebexSite ?? "";
  const known = findWebexSite(sites, site);
  if (known) {
    value.preferredWebexSite = known;
    return;
  }
  if (ctx.currentWebexSite && ctx.currentWebexSite.toLowerCase() === site.toLowerCase()) return;
  const list = sites.join(", ");
  issues.push({
    field: "preferredWebexSite",
    code: "webex_site_unknown",
    severity: ctx.unknownWebexSite ?? "error",
    message: sites.length
      ? `"${site}" is not one of this customer's Webex sites: ${list}.`
      : `"${site}" is not one of this customer's Webex sites: it has none yet.`,
    params: { value: site, sites: list },
  });
}
