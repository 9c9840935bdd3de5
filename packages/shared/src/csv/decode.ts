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
  return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F, where it has €, ‚, „, …, the curly quotes
 * (O’Brien), the dashes, Š, Ž, ™… The five bytes it leaves undefined stay C1 controls, as in the
 * WHATWG Encoding Standard, so `countControlCharacters` still refuses a file that has one.
 */
const WINDOWS_1252_80_9F =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/**
 * Our own table rather than `new TextDecoder("windows-1252")`: Node (20 and 22, measured on
 * 20.20) decodes that label as Latin-1, turning every € or ’ into a C1 control, so a real
 * Excel file was refused on the server while the browser read it fine.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192; // String.fromCharCode takes its arguments on the stack
  let text = "";
  const codes = new Uint16Array(Math.min(bytes.length, CHUNK));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_80_9F.charCodeAt(b - 0x80) : b;
    }
    text += String.fromCharCode(...codes.subarray(0, end - start));
  }
  return text;
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
