import type { LoginInput } from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { AppError } from "../../http/app-error.ts";
import { DUMMY_HASH, verifyPassword } from "./password.ts";
import { createSession, type SessionPolicy } from "./sessions.ts";

/**
 * Checks the password and opens a session. Unknown email and wrong password answer the same
 * 401 after the same work. Guessing is slowed by the sign-in throttle in front of the route
 * (throttle.ts: per client address and per address+email), not by locking the email: a lock per
 * email let anyone lock any administrator out with a few wrong guesses.
 */
export async function signIn(prisma: PrismaClient, input: LoginInput, policy: SessionPolicy) {
  const email = input.email.trim().toLowerCase();
  const admin = await prisma.admin.findUnique({ where: { email } });
  // Only active administrators sign in; invited and disabled ones cost the same work and get
  // the same answer as a wrong password, so the answer does not tell their status.
  const active = admin?.status === "active" ? admin : null;
  const ok = await verifyPassword(input.password, active?.passwordHash ?? DUMMY_HASH);
  if (!active || !ok) throw new AppError("invalid_credentials", "The email or password is wrong.");
  const session = await createSession(prisma, active.id, policy);
  await prisma.admin.update({ where: { id: active.id }, data: { lastSignInAt: new Date() } });
  return { admin: active, session };
}
