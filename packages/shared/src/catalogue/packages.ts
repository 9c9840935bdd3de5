import { z } from "zod";

/**
 * The wholesale package catalogue (spec §4). Everything that differs between packages is data
 * here; code asks `packageById(id).calling` instead of listing package ids.
 */
export const PACKAGE_IDS = [
  "webex_calling",
  "webex_voice",
  "webex_suite",
  "webex_meetings",
  "webex_calling_standard",
  "cx_essentials",
] as const;

export const PackageIdSchema = z.enum(PACKAGE_IDS);
export type PackageId = z.infer<typeof PackageIdSchema>;

/**
 * What sets a package apart from the others, as a code: the words are the web app's, in each
 * language (`packages.descriptions.<code>` in its locales), so the catalogue stays data.
 */
export const PACKAGE_DESCRIPTIONS = [
  "calling_professional",
  "calling_voice_only",
  "calling_and_meetings",
  "meetings_only",
  "calling_standard",
  "calling_customer_assist",
] as const;
export type PackageDescription = (typeof PACKAGE_DESCRIPTIONS)[number];

export interface PackageDefinition {
  id: PackageId;
  /** The name users see, and the CSV column header for this package. */
  displayName: string;
  calling: boolean;
  meetings: boolean;
  /** What it includes that its neighbours do not (four packages all include calling). */
  description: PackageDescription;
}

export const PACKAGES: readonly PackageDefinition[] = [
  {
    id: "webex_calling",
    displayName: "Webex Calling",
    calling: true,
    meetings: false,
    description: "calling_professional",
  },
  {
    id: "webex_voice",
    displayName: "Webex Voice",
    calling: true,
    meetings: false,
    description: "calling_voice_only",
  },
  {
    id: "webex_suite",
    displayName: "Webex Suite",
    calling: true,
    meetings: true,
    description: "calling_and_meetings",
  },
  {
    id: "webex_meetings",
    displayName: "Webex Meetings",
    calling: false,
    meetings: true,
    description: "meetings_only",
  },
  {
    id: "webex_calling_standard",
    displayName: "Webex Calling Standard",
    calling: true,
    meetings: false,
    description: "calling_standard",
  },
  {
    id: "cx_essentials",
    displayName: "Customer Assist",
    calling: true,
    meetings: false,
    description: "calling_customer_assist",
  },
];

const byId = new Map(PACKAGES.map((p) => [p.id, p]));

export function packageById(id: PackageId): PackageDefinition {
  const found = byId.get(id);
  if (!found) throw new Error(`Unknown package ${id}`);
  return found;
}

export function isCallingPackage(id: PackageId): boolean {
  return packageById(id).calling;
}

export function isMeetingsPackage(id: PackageId): boolean {
  return packageById(id).meetings;
}
