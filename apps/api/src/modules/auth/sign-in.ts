import type { LoginInput } from "@partner-hub/shared";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { AppError } from "../../http/app-error.ts";
import { DUMMY_HASH, verifyPassword } from "./password.ts";
import { createSession } from "./sessions.ts";

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Checks the password and opens a session. Unknown email and wrong password answer the same
 * 401 after the same work. Failures are counted per email in the database, so every API process
 * shares the limit; the sixth failure within 15 minutes locks that email until the window ends.
 */
export async function signIn(prisma: PrismaClient, input: LoginInput) {
  const key = input.email.trim().toLowerCase();
  const throttle = await prisma.loginThrottle.findUnique({ where: { key } });
  const windowOpen = throttle && Date.now() - throttle.windowStart.getTime() < FAILURE_WINDOW_MS;
  if (windowOpen && throttle.failures >= MAX_FAILURES) {
    const retryIn = Math.ceil(
      (throttle.windowStart.getTime() + FAILURE_WINDOW_MS - Date.now()) / 60000,
    );
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins for this email. Try again in ${retryIn} minutes.`,
    );
  }
  const admin = await prisma.admin.findUnique({ where: { email: key } });
  // Only active administrators sign in; invited and disabled ones cost the same work and get
  // the same answer as a wrong password, so the answer does not tell their status.
  const active = admin?.status === "active" ? admin : null;
  const ok = await verifyPassword(input.password, active?.passwordHash ?? DUMMY_HASH);
  if (!active || !ok) {
    await prisma.$executeRaw`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart") VALUES (${key}, 1, now())
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${FAILURE_WINDOW_MS / 1000})
                          THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${FAILURE_WINDOW_MS / 1000})
                          THEN now() ELSE "LoginThrottle"."windowStart" END`;
    throw new AppError("invalid_credentials", "The email or password is wrong.");
  }
  if (throttle) await prisma.loginThrottle.delete({ where: { key } }).catch(() => undefined);
  const session = await createSession(prisma, active.id);
  await prisma.admin.update({ where: { id: active.id }, data: { lastSignInAt: new Date() } });
  return { admin: active, session };
}
