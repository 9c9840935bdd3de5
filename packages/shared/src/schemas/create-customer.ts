import { z } from "zod";
import { PACKAGE_IDS, isCallingPackage, packageById } from "../catalogue/packages.ts";
import { AdminEmailSchema } from "./admins.ts";
import {
  AddressInputSchema,
  CustomerLanguageSchema,
  CustomerNameSchema,
  ExternalIdSchema,
} from "./customer-fields.ts";
import { CustomerSchema, QuotaListSchema } from "./customers.ts";
import { CreateLocationInputSchema } from "./locations.ts";

/**
 * The issue a calling package without a location gets, on `location`: the code travels in the
 * zod issue's params so the API reports it (CUSTOMER_ISSUES) instead of zod's generic `custom`.
 */
export const CALLING_LOCATION_ISSUE = "location_required_for_calling";

/**
 * `POST /customers` (spec §11 Create customer), and the wizard's form: one schema, so the browser
 * refuses exactly what the API would. Field rules come from customer-fields.ts and locations.ts;
 * what only the server knows (a taken external ID or email) stays the server's.
 */
export const CreateCustomerInputSchema = z
  .object({
    name: CustomerNameSchema,
    externalId: ExternalIdSchema,
    /** The first customer administrator, invited in `language`. */
    adminEmail: AdminEmailSchema,
    language: CustomerLanguageSchema,
    address: AddressInputSchema,
    quotas: QuotaListSchema.min(1, { error: "Choose at least one package." }),
    /** Required when a calling package is among the quotas (its users need a location). */
    location: CreateLocationInputSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    // Defensive about ids: a refinement may meet a list whose other issues are still reported.
    const calling = input.quotas.find(
      (q) => PACKAGE_IDS.includes(q.package) && isCallingPackage(q.package),
    );
    if (calling && !input.location)
      ctx.addIssue({
        code: "custom",
        path: ["location"],
        message: `${packageById(calling.package).displayName} needs a location: add the customer's first location.`,
        params: {
          code: CALLING_LOCATION_ISSUE,
          package: packageById(calling.package).displayName,
          packageId: calling.package,
        },
      });
  });
export type CreateCustomerInput = z.input<typeof CreateCustomerInputSchema>;
export type CreateCustomerValues = z.output<typeof CreateCustomerInputSchema>;

/** 201 of `POST /customers`: the customer as GET gives it, and the first administrator's link. */
export const CreatedCustomerSchema = CustomerSchema.extend({
  /** Shown once, to pass on when no mail is configured. */
  invitationUrl: z.string(),
  invitationExpiresAt: z.string(),
});
export type CreatedCustomer = z.infer<typeof CreatedCustomerSchema>;
