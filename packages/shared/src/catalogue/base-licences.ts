import { z } from "zod";

/** Base licences that exist beside the package (spec §4). `csvColumn` is their CSV header. */
export const BASE_LICENCE_IDS = [
  "basic_messaging",
  "basic_space_meetings",
  "call_on_webex",
] as const;

export const BaseLicenceIdSchema = z.enum(BASE_LICENCE_IDS);
export type BaseLicenceId = z.infer<typeof BaseLicenceIdSchema>;

export interface BaseLicenceDefinition {
  id: BaseLicenceId;
  displayName: string;
  csvColumn: string;
}

export const BASE_LICENCES: readonly BaseLicenceDefinition[] = [
  { id: "basic_messaging", displayName: "Basic Messaging", csvColumn: "Basic Messaging" },
  {
    id: "basic_space_meetings",
    displayName: "Basic Space Meetings",
    csvColumn: "Basic Space Meetings",
  },
  {
    id: "call_on_webex",
    displayName: "Call on Webex (1:1 call, non-PSTN)",
    csvColumn: "Call on Webex (1:1 call, non-PSTN)",
  },
];
