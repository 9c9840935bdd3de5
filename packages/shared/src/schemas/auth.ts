import { z } from "zod";
import { plainText } from "./text.ts";

export const ADMIN_ROLES = [
  "partner_full_admin",
  "partner_admin",
  "partner_readonly_admin",
  "customer_full_admin",
] as const;
export const AdminRoleSchema = z.enum(ADMIN_ROLES);
export type AdminRole = z.infer<typeof AdminRoleSchema>;

export const LoginInputSchema = z.object({
  email: plainText(320).pipe(z.string().min(1)),
  // Any character a password manager may produce, but NUL (which no database text can hold).
  password: z
    .string()
    .min(1)
    .max(1024)
    .refine((p) => !p.includes("\u0000"), { error: "The password cannot contain NUL characters." }),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: AdminRoleSchema,
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  /** Set for a customer admin: the one organisation they manage. */
  customerId: z.string().nullable(),
  /** Whether this person may change anything (false for the read-only partner role). */
  canWrite: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

export function isPartnerRole(role: AdminRole): boolean {
  return role !== "customer_full_admin";
}

export function roleCanWrite(role: AdminRole): boolean {
  return role !== "partner_readonly_admin";
}
