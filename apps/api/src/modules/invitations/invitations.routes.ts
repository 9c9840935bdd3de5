import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AcceptInvitationInputSchema,
  AuthOptionsSchema,
  InvitationSchema,
  MeSchema,
  PasswordResetRequestSchema,
} from "@partner-hub/shared";
import { z } from "zod";
import type { AdminTokenPurpose, PrismaClient } from "../../generated/prisma/client.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { signInAs } from "../auth/session-cookie.ts";
import { throttled } from "../auth/throttle.ts";
import { acceptInvitation, readInvitation } from "./accept-invitation.ts";
import { requestPasswordReset } from "./request-password-reset.ts";

export interface InvitationsRoutesOptions {
  prisma: PrismaClient;
  mailer: Mailer | null;
  /** PUBLIC_URL; links otherwise start with the origin of the request that issued them. */
  publicUrl: string | undefined;
  secureCookies: boolean;
}

/** Any string: a malformed token must answer like an unknown one, not as a validation error. */
const TokenParams = z.object({ token: z.string() });

/** What a link route's service may answer besides what its shape implies (documented in OpenAPI). */
const LINK_PROBLEMS = [
  "invitation_not_found",
  "invitation_used",
  "invitation_expired",
  "invitation_revoked",
] as const;

const LINK_ROUTES: {
  prefix: string;
  purpose: AdminTokenPurpose;
  tag: string;
  what: string;
  /** Names the operations: both kinds have a `{token}` and an `accept`. */
  noun: string;
}[] = [
  {
    prefix: "/invitations",
    purpose: "invitation",
    tag: "invitations",
    what: "invitation",
    noun: "Invitation",
  },
  {
    prefix: "/password-resets",
    purpose: "password_reset",
    tag: "auth",
    what: "password reset link",
    noun: "PasswordReset",
  },
];

// Guessing links is throttled per address across all tokens: each guess names a new token, so
// a per-token count would never fill up.
const ANY_LINK = () => "one-time link";

export function baseUrlOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

/**
 * One-time links. Invitations and password resets share one token table and one route shape
 * (`GET /<kind>/:token`, `POST /<kind>/:token/accept`); each route only knows its own kind.
 * Unknown and malformed tokens: 404 invitation_not_found; used, expired, revoked: 410 with
 * invitation_used / invitation_expired / invitation_revoked, and nothing about the account.
 */
export const invitationsRoutes: FastifyPluginAsyncZod<InvitationsRoutesOptions> = async (
  app,
  { prisma, mailer, publicUrl, secureCookies },
) => {
  for (const { prefix, purpose, tag, what, noun } of LINK_ROUTES) {
    app.get(
      `${prefix}/:token`,
      {
        config: { public: true, problems: [...LINK_PROBLEMS, "rate_limited"] },
        // Guessing tokens is slowed like guessing passwords (spec §14): failures count.
        ...throttled(app, ANY_LINK),
        schema: {
          tags: [tag],
          operationId: `get${noun}`,
          summary: `Read a ${what}: whose it is and until when it works`,
          params: TokenParams,
          response: { 200: InvitationSchema },
        },
      },
      async (request) => readInvitation(prisma, request.params.token, purpose),
    );

    app.post(
      `${prefix}/:token/accept`,
      {
        config: {
          public: true,
          problems: [...LINK_PROBLEMS, "rate_limited"],
        },
        ...throttled(app, ANY_LINK),
        schema: {
          tags: [tag],
          operationId: `accept${noun}`,
          summary: `Use a ${what}: set the password and sign in`,
          description:
            "Answers the signed-in person as GET /auth/me does, with the session cookie. A password the policy refuses answers 400 validation_failed with its reasons (password_too_short, password_contains_email, password_too_common, password_too_weak) in errors[] on `password`.",
          params: TokenParams,
          body: AcceptInvitationInputSchema,
          response: { 200: MeSchema },
        },
      },
      async (request, reply) => {
        const { adminId } = await acceptInvitation(
          prisma,
          request.params.token,
          purpose,
          request.body.password,
        );
        return signInAs(prisma, reply, adminId, secureCookies);
      },
    );
  }

  app.post(
    "/auth/password-reset",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        operationId: "requestPasswordReset",
        summary: "Forgot password: e-mail a one-hour reset link",
        description:
          "Always 202 Accepted with no body, whether or not the email belongs to an administrator and whether or not e-mail is configured (see GET /auth/options), so the answer reveals nothing. The link opens /password-resets/<token>.",
        body: PasswordResetRequestSchema,
        response: { 202: z.null().describe("Accepted; a link is e-mailed if the account exists") },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(prisma, mailer, {
        email: request.body.email,
        baseUrl: baseUrlOf(request, publicUrl),
        log: request.log,
      });
      return reply.status(202).send(null);
    },
  );

  app.get(
    "/auth/options",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        summary: "What the sign-in pages may offer (e.g. password reset by e-mail)",
        response: { 200: AuthOptionsSchema },
      },
    },
    () => ({ passwordResetByEmail: mailer !== null }),
  );
};
