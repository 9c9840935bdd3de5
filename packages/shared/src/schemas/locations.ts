import { z } from "zod";
import { UuidParamSchema } from "./path-ids.ts";
import { AddressInputSchema, TimeZoneSchema } from "./customer-fields.ts";
import { plainText } from "./text.ts";

export const LOCATION_NAME_MAX = 80;

export const LocationNameSchema = plainText(LOCATION_NAME_MAX).min(1, {
  error: "Enter a location name.",
});

/** A location as created (spec §11): name unique in the customer ignoring case, address, time zone. */
export const CreateLocationInputSchema = z
  .object({
    name: LocationNameSchema,
    address: AddressInputSchema,
    timeZone: TimeZoneSchema,
  })
  .strict();
export type CreateLocationInput = z.input<typeof CreateLocationInputSchema>;

export const UpdateLocationInputSchema = z
  .object({
    name: LocationNameSchema.optional(),
    address: AddressInputSchema.optional(),
    timeZone: TimeZoneSchema.optional(),
    /** Alternative to the If-Match header. */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type UpdateLocationInput = z.input<typeof UpdateLocationInputSchema>;

export const LocationParamsSchema = z.object({
  customerId: UuidParamSchema,
  locationId: UuidParamSchema,
});

/** GET …/locations/:locationId/next-extension: a free extension to suggest for a new number. */
export const NextExtensionSchema = z.object({
  /** Null when the location has used every extension up to the digit limit. */
  extension: z.string().nullable(),
});
export type NextExtension = z.infer<typeof NextExtensionSchema>;
