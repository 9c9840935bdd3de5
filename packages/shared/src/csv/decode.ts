import { MAX_CSV_BYTES, formatCount } from "./limits.ts";

export type CsvEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

export type DecodeCsvResult =
  | { ok: true; text: string; encoding: CsvEncoding; warnings: string[] }
  | { ok: false; code: DecodeFailureCode; message: string };

export type DecodeFailureCode =
  "csv_empty" | "csv_too_large" | "csv_not_text" | "csv_unknown_encoding";

const NOT_TEXT =
  "This file is not a CSV text file. Save the spreadsheet as CSV (CSV UTF-8 in Excel) and upload that.";

/**
 * Turns the uploaded bytes into text, in Node and in the browser alike (TextDecoder only).
 * Never guesses silently: anything read as Windows-1252 says so in a warning, and bytes that
 * are neither UTF-8 nor plausible Windows-1252 text are refused rather than mangled.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodeCsvResult {
  if (bytes.length === 0) return { ok: false, code: "csv_empty", message: "The file is empty." };
  if (bytes.length > MAX_CSV_BYTES) {
    return {
      ok: false,
      code: "csv_too_large",
      message: `The file is ${formatMegabytes(bytes.length)}; the limit is ${formatMegabytes(MAX_CSV_BYTES)}. Split it into smaller files.`,
    };
  }

  const decoded = decodeByBomOrContent(bytes);
  if (decoded === "not-text") return { ok: false, code: "csv_not_text", message: NOT_TEXT };
  if (decoded === "broken-after-bom") {
    return {
      ok: false,
      code: "csv_unknown_encoding",
      message:
        "The file starts like a Unicode text file but contains characters in another encoding, perhaps from copying between files. Save it again as CSV UTF-8 and upload it again.",
    };
  }
  if (decoded.text.trim() === "")
    return { ok: false, code: "csv_empty", message: "The file is empty." };
  const controls = countControlCharacters(decoded.text, decoded.encoding === "windows-1252");
  if (controls === NUL_FOUND || controls > Math.max(2, decoded.text.length / 1000)) {
    // Undefined Windows-1252 bytes decode to C1 controls: that is not Windows-1252 text either.
    return decoded.encoding === "windows-1252"
      ? {
          ok: false,
          code: "csv_unknown_encoding",
          message:
            "The file is not UTF-8 text and we cannot tell its encoding. Save it as CSV UTF-8 (in Excel: Save As → CSV UTF-8) and upload it again.",
        }
      : { ok: false, code: "csv_not_text", message: NOT_TEXT };
  }
  const warnings =
    decoded.encoding === "windows-1252"
      ? [
          "The file is not UTF-8, so it was read as Windows-1252 (Western European). Check that names such as “Åsa Öberg” look right in the preview; to be sure, save the file as CSV UTF-8 and upload it again.",
        ]
      : [];
  return { ok: true, text: decoded.text, encoding: decoded.encoding, warnings };
}

function decodeByBomOrContent(
  bytes: Uint8Array,
): { text: string; encoding: CsvEncoding } | "not-text" | "broken-after-bom" {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return strict("utf-8", bytes.subarray(3), "utf-8-bom") ?? "broken-after-bom";
  }
  if (b0 === 0xff && b1 === 0xfe)
    return strict("utf-16le", bytes.subarray(2), "utf-16le") ?? "broken-after-bom";
  if (b0 === 0xfe && b1 === 0xff)
    return strict("utf-16be", bytes.subarray(2), "utf-16be") ?? "broken-after-bom";

  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) return strict(utf16, bytes, utf16) ?? "not-text";

  const utf8 = strict("utf-8", bytes, "utf-8");
  if (utf8) return utf8;
  if (bytes.includes(0)) return "not-text";
  return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
}

function strict<E extends CsvEncoding>(
  label: "utf-8" | "utf-16le" | "utf-16be",
  bytes: Uint8Array,
  encoding: E,
): { text: string; encoding: E } | undefined {
  try {
    // The BOM, if any, is already cut off; keep whatever follows as it is.
    return {
      text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding,
    };
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a BOM: text of Latin letters has a zero in every other byte. Sampled from
 * the start so the check costs the same for any file size.
 */
function sniffUtf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.9 && evenZeros === 0) return "utf-16le";
  if (evenZeros > pairs * 0.9 && oddZeros === 0) return "utf-16be";
  return undefined;
}

const NUL_FOUND = Number.POSITIVE_INFINITY;

/**
 * Text has no NUL and at most a few stray control characters (tab, CR and LF are fine).
 * In Windows-1252 the five undefined bytes decode to C1 controls; one of them means the file
 * is not Windows-1252 at all, so `strictC1` makes any C1 control disqualifying.
 */
function countControlCharacters(text: string, strictC1: boolean): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return NUL_FOUND;
    if (c >= 0x80 && c <= 0x9f) {
      if (strictC1) return NUL_FOUND;
      controls++;
    } else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) {
      controls++;
    }
  }
  return controls;
}

/** Rounded up, so a file just over the limit never reads as "10 MB; the limit is 10 MB". */
function formatMegabytes(n: number): string {
  const tenths = Math.ceil((n / (1024 * 1024)) * 10) / 10;
  return `${formatCount(Math.trunc(tenths))}${tenths % 1 === 0 ? "" : `.${Math.round((tenths % 1) * 10)}`} MB`;
}
