// Shared by the CSV tests only (not exported from index.ts).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ExistingUser, UserSnapshot } from "./classify.ts";
import { type ParsedCsv, parseCsvText } from "./parse.ts";

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))),
  );
}

export function existingUser(
  overrides: Partial<ExistingUser> & Pick<ExistingUser, "email">,
): ExistingUser {
  return {
    id: `id-${overrides.email}`,
    firstName: "Anna",
    lastName: "Svensson",
    displayName: "Anna Svensson",
    package: "webex_calling",
    phoneNumber: "+46812345678",
    extension: "1001",
    locationName: "Stockholm",
    preferredWebexSite: null,
    baseLicences: ["basic_messaging", "basic_space_meetings", "call_on_webex"],
    ...overrides,
  };
}

export function snapshotOf(users: readonly ExistingUser[]): UserSnapshot {
  return new Map(users.map((u) => [u.email.trim().toLowerCase(), u]));
}

/** Parses text that the test expects to be a readable file. */
export function parseOk(text: string): ParsedCsv {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(`Expected a readable file: ${JSON.stringify(parsed.errors)}`);
  return parsed;
}

/** A small CSV text, quoting where needed, LF line ends. */
export function csvText(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [headers, ...rows].map((cells) => cells.map(quote).join(",")).join("\n") + "\n";
}
