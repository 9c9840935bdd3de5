import { z } from "zod";
import { plainText } from "./text.ts";

/** A password as typed: any characters a password manager may produce, but NUL. */
export const NewPasswordSchema = z
  .string()
  .max(1024)
  .refine((p) => !p.includes("\u0000"), { error: "The password cannot contain NUL characters." });

/** What a valid one-time link (invitation or password reset) shows before it is used. */
export const InvitationSchema = z.object({
  email: z.string(),
  /** The partner's or customer's name the person administers. */
  organisation: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const AcceptInvitationInputSchema = z.object({ password: NewPasswordSchema });
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInputSchema>;

export const ChangePasswordInputSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

export const PasswordResetRequestSchema = z.object({
  email: plainText(320).pipe(z.string().min(1)),
});
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

/** Public facts the sign-in pages need before anyone is signed in. */
export const AuthOptionsSchema = z.object({
  /** Whether forgotten passwords can be reset by an e-mailed link (SMTP_URL is set). */
  passwordResetByEmail: z.boolean(),
});
export type AuthOptions = z.infer<typeof AuthOptionsSchema>;

/** Tokens are 32 random bytes in base64url: exactly 43 characters of this alphabet. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
