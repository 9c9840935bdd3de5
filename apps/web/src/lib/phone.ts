import { parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * A stored E.164 number as people write it: "+46812345678" → "+46 8 123 456 78". Anything that
 * does not parse is shown as stored rather than hidden.
 */
export function formatPhoneNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
