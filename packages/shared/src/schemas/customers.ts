import { z } from "zod";
import { UuidParamSchema } from "./path-ids.ts";
import { PACKAGE_IDS, PackageIdSchema } from "../catalogue/packages.ts";

const PACKAGE_COUNT_LIMIT = PACKAGE_IDS.length;
import { PaginationQuerySchema, SearchTextSchema, SortOrderSchema } from "./pagination.ts";
import {
  AddressInputSchema,
  CustomerLanguageSchema,
  CustomerNameSchema,
  ExternalIdSchema,
  QuotaMaxUsersSchema,
} from "./customer-fields.ts";
import { WebexSiteSchema, WebexSitesInputSchema } from "./webex-sites.ts";

export const CUSTOMER_STATUSES = ["active", "provisioning", "suspended", "deactivated"] as const;
export const CustomerStatusSchema = z.enum(CUSTOMER_STATUSES);
export type CustomerStatus = z.infer<typeof CustomerStatusSchema>;

export const PackageQuotaSchema = z.object({
  package: PackageIdSchema,
  maxUsers: z.number().int(),
  assignedUsers: z.number().int(),
});
export type PackageQuota = z.infer<typeof PackageQuotaSchema>;

export const CustomerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  externalId: z.string(),
  status: CustomerStatusSchema,
  packages: z.array(PackageIdSchema),
  userCount: z.number().int(),
  createdAt: z.string(),
});
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;

export const CustomerSchema = CustomerSummarySchema.extend({
  domain: z.string(),
  address: z.object({
    street: z.string(),
    city: z.string(),
    postalCode: z.string(),
    country: z.string(),
  }),
  language: CustomerLanguageSchema,
  quotas: z.array(PackageQuotaSchema),
  locationCount: z.number().int(),
  /** The meeting sites its users may prefer; exactly one is the default (spec §3). */
  webexSites: z.array(WebexSiteSchema),
  /** Changes with every settings, status or quota change: If-Match takes it (spec §9). */
  version: z.number().int(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const CUSTOMER_SORTS = ["name", "externalId", "status", "userCount", "createdAt"] as const;

export const ListCustomersQuerySchema = PaginationQuerySchema.extend({
  search: SearchTextSchema.optional(),
  status: CustomerStatusSchema.optional(),
  sort: z.enum(CUSTOMER_SORTS).default("name"),
  order: SortOrderSchema.default("asc"),
}).strict();
export type ListCustomersQuery = z.infer<typeof ListCustomersQuerySchema>;

export const LocationSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.object({
    street: z.string(),
    city: z.string(),
    postalCode: z.string(),
    country: z.string(),
  }),
  timeZone: z.string(),
  userCount: z.number().int(),
  version: z.number().int(),
});
export type Location = z.infer<typeof LocationSchema>;

export const CustomerParamsSchema = z.object({ customerId: UuidParamSchema });

/** The statuses a partner writer may set; `provisioning` and `deactivated` are the system's. */
export const SETTABLE_CUSTOMER_STATUSES = ["active", "suspended"] as const;

/**
 * `PATCH /customers/:customerId`: any of the customer's fields. External ID and status are the
 * partner's (a customer administrator cannot change them); `version` may stand in for If-Match.
 */
export const UpdateCustomerInputSchema = z
  .object({
    name: CustomerNameSchema.optional(),
    externalId: ExternalIdSchema.optional(),
    language: CustomerLanguageSchema.optional(),
    address: AddressInputSchema.optional(),
    status: z.enum(SETTABLE_CUSTOMER_STATUSES).optional(),
    /**
     * The complete list of Webex sites (one `default: true`). A site that users still prefer
     * cannot be left out: 409 `webex_site_in_use` with how many prefer it.
     */
    webexSites: WebexSitesInputSchema.optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type UpdateCustomerInput = z.input<typeof UpdateCustomerInputSchema>;

/** The settings form's fields (everything but status), as the settings page edits them. */
export const CustomerSettingsFormSchema = z.object({
  name: CustomerNameSchema,
  externalId: ExternalIdSchema,
  language: CustomerLanguageSchema,
  address: AddressInputSchema,
});
export type CustomerSettingsForm = z.input<typeof CustomerSettingsFormSchema>;

export const QuotaInputSchema = z
  .object({ package: PackageIdSchema, maxUsers: QuotaMaxUsersSchema })
  .strict();
export type QuotaInput = z.infer<typeof QuotaInputSchema>;

/** Packages and their quotas, each package at most once (settings and the create wizard). */
export const QuotaListSchema = z
  .array(QuotaInputSchema)
  .max(PACKAGE_COUNT_LIMIT)
  .superRefine((quotas, ctx) => {
    const seen = new Set<string>();
    quotas.forEach((q, index) => {
      if (seen.has(q.package))
        ctx.addIssue({
          code: "custom",
          path: [index, "package"],
          message: `${q.package} is listed more than once.`,
        });
      seen.add(q.package);
    });
  });

/** `PUT /customers/:customerId/quotas`: the complete list; a package left out is no longer offered. */
export const SetQuotasInputSchema = z
  .object({
    quotas: QuotaListSchema,
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type SetQuotasInput = z.input<typeof SetQuotasInputSchema>;
