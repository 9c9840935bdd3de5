import type { PrismaClient } from "../generated/prisma/client.ts";

/** A Prisma client or an interactive transaction: services accept either. */
export type Db = Omit<
  PrismaClient,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;
