import type { FastifyRequest } from "fastify";
import type { ProblemError } from "@partner-hub/shared";
import { AppError } from "../../http/app-error.ts";

/**
 * Spec §9: "inputs use the same names" as a user's JSON, so a client may send a user back as
 * `GET` gave it, with its changes. The members an edit cannot change are taken out of the body
 * before its (strict) schema reads it and checked against the user instead: carried back
 * unchanged they are fine; changed they are refused by name, as before (a new email is a new
 * user, §6; the package has its own flow, §7). What the server derives (`locationName`, the
 * timestamps, a previous answer's `warnings`) is only ever dropped.
 */
const COMPARED = ["id", "email", "package", "status"] as const;
const DERIVED = ["locationName", "createdAt", "updatedAt", "warnings"] as const;

export type EchoedUserMembers = Partial<Record<(typeof COMPARED)[number], unknown>>;

const echoed = new WeakMap<FastifyRequest, EchoedUserMembers>();

/** A preValidation hook of PATCH …/users/:userId. */
export async function takeEchoedUserMembers(request: FastifyRequest): Promise<void> {
  const body = request.body;
  if (!body || typeof body !== "object" || Array.isArray(body)) return;
  const rest: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const taken: EchoedUserMembers = {};
  for (const key of COMPARED)
    if (key in rest) {
      taken[key] = rest[key];
      delete rest[key];
    }
  for (const key of DERIVED) delete rest[key];
  echoed.set(request, taken);
  request.body = rest;
}

export function echoedUserMembers(request: FastifyRequest): EchoedUserMembers {
  return echoed.get(request) ?? {};
}

const WHY: Record<(typeof COMPARED)[number], string> = {
  id: "The id names the user of the URL and cannot be changed.",
  email:
    "The email is the user's key and cannot be changed: a new email is a new user (add them, then remove this one).",
  package: "Change the package with PUT …/users/:userId/package.",
  status: "A user's status is set by the service, not edited.",
};

/** Refuses, by name, each member carried back with a value other than the user's own. */
export function refuseChangedEchoes(
  members: EchoedUserMembers,
  user: { id: string; emailLower: string; package: string; status: string },
): void {
  const same: Record<(typeof COMPARED)[number], (value: unknown) => boolean> = {
    id: (v) => v === user.id,
    email: (v) => typeof v === "string" && v.trim().toLowerCase() === user.emailLower,
    package: (v) => v === user.package,
    status: (v) => v === user.status,
  };
  const errors: ProblemError[] = COMPARED.filter(
    (key) => key in members && !same[key](members[key]),
  ).map((key) => ({ code: "invalid", field: key, message: WHY[key] }));
  if (errors.length)
    throw new AppError("validation_failed", errors.map((e) => e.message).join(" "), { errors });
}
