import { z } from "zod";
import { UuidParamSchema } from "./path-ids.ts";
import { PackageIdSchema } from "../catalogue/packages.ts";
import { PaginationQuerySchema, SearchTextSchema, SortOrderSchema } from "./pagination.ts";

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
  quotas: z.array(PackageQuotaSchema),
  locationCount: z.number().int(),
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
  userCount: z.number().int(),
});
export type Location = z.infer<typeof LocationSchema>;

export const CustomerParamsSchema = z.object({ customerId: UuidParamSchema });
