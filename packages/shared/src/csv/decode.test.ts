import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "./decode.ts";
import { MAX_CSV_BYTES } from "./limits.ts";
import { readFixture } from "./test-support.ts";

/** The characters Windows-1252 puts at 0x80–0x9F (five bytes there are undefined). */
const CP1252_BYTES = new Map(
  [..."€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"].map((ch, i) => [
    ch,
    [
      0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92,
      0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
    ][i]!,
  ]),
);

const EXPECTED =
  "User ID/Email (Required),First Name,Last Name,Webex Calling\r\nasa@kund.se,Åsa,Öberg,TRUE\r\n";

describe("decodeCsvBytes", () => {
  it("reads UTF-8 without BOM", () => {
    const result = decodeCsvBytes(new TextEncoder().encode(EXPECTED));
    expect(result).toEqual({ ok: true, text: EXPECTED, encoding: "utf-8", warnings: [] });
  });

  it("reads UTF-8 with BOM and drops the BOM", () => {
    const result = decodeCsvBytes(readFixture("semicolon-bom-crlf.csv"));
    expect(result.ok && result.encoding).toBe("utf-8-bom");
    expect(result.ok && result.text.startsWith("User ID/Email (Required);")).toBe(true);
  });

  it.each([
    ["utf-16le-bom.csv", "utf-16le"],
    ["utf-16be-bom.csv", "utf-16be"],
  ])("reads %s as %s", (file, encoding) => {
    expect(decodeCsvBytes(readFixture(file))).toEqual({
      ok: true,
      text: EXPECTED,
      encoding,
      warnings: [],
    });
  });

  it("reads UTF-16 LE without a BOM by its zero bytes", () => {
    const bytes = new Uint8Array(EXPECTED.length * 2);
    for (let i = 0; i < EXPECTED.length; i++) bytes[i * 2] = EXPECTED.charCodeAt(i);
    expect(decodeCsvBytes(bytes)).toMatchObject({ ok: true, text: EXPECTED, encoding: "utf-16le" });
  });

  it("reads an Excel Windows-1252 file as Windows-1252 and says so", () => {
    const result = decodeCsvBytes(readFixture("windows-1252.csv"));
    expect(result).toEqual({
      ok: true,
      text: EXPECTED,
      encoding: "windows-1252",
      warnings: [
        "The file is not UTF-8, so it was read as Windows-1252 (Western European). Check that names such as “Åsa Öberg” look right in the preview; to be sure, save the file as CSV UTF-8 and upload it again.",
      ],
    });
  });

  it("reads the Windows-1252 punctuation Excel writes (’ “ ” – € …) as those characters", () => {
    // "O’Brien","“Åsa” – 5 €" in Windows-1252: 0x92, 0x93, 0x94, 0x96 and 0x80 are not Latin-1.
    const text =
      "User ID/Email (Required),Last Name,Display Name\r\nob@kund.se,O’Brien,“Åsa” – 5 €\r\n";
    const bytes = Uint8Array.from(text, (ch) => CP1252_BYTES.get(ch) ?? ch.charCodeAt(0));
    expect(decodeCsvBytes(bytes)).toMatchObject({ ok: true, text, encoding: "windows-1252" });
  });

  it("decodes every defined Windows-1252 byte from 0x80 to 0x9F as the standard says", () => {
    const bytes = Uint8Array.from([...CP1252_BYTES.values()]);
    const result = decodeCsvBytes(Uint8Array.from([0x41, 0x2c, ...bytes, 0x0a]));
    expect(result).toMatchObject({ ok: true, text: `A,${[...CP1252_BYTES.keys()].join("")}\n` });
  });

  it("refuses binary garbage", () => {
    expect(decodeCsvBytes(readFixture("binary.png"))).toEqual({
      ok: false,
      code: "csv_not_text",
      message:
        "This file is not a CSV text file. Save the spreadsheet as CSV (CSV UTF-8 in Excel) and upload that.",
    });
  });

  it("refuses control characters without NUL bytes too", () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(decodeCsvBytes(bytes)).toMatchObject({ ok: false, code: "csv_not_text" });
  });

  it("refuses bytes that are neither UTF-8 nor Windows-1252, naming what to do", () => {
    // 0x81 is undefined in Windows-1252 and invalid as a UTF-8 start byte.
    const bytes = new Uint8Array([0x61, 0x81, 0x62, 0x0a]);
    expect(decodeCsvBytes(bytes)).toEqual({
      ok: false,
      code: "csv_unknown_encoding",
      message:
        "The file is not UTF-8 text and we cannot tell its encoding. Save it as CSV UTF-8 (in Excel: Save As → CSV UTF-8) and upload it again.",
    });
  });

  it("refuses a UTF-8 BOM followed by bytes in another encoding", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xc5, 0x73, 0x61, 0x0a]);
    expect(decodeCsvBytes(bytes)).toEqual({
      ok: false,
      code: "csv_unknown_encoding",
      message:
        "The file starts like a Unicode text file but contains characters in another encoding, perhaps from copying between files. Save it again as CSV UTF-8 and upload it again.",
    });
  });

  it("refuses an empty file, also one with only a BOM or blank lines", () => {
    const empty = { ok: false, code: "csv_empty", message: "The file is empty." };
    expect(decodeCsvBytes(readFixture("empty.csv"))).toEqual(empty);
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual(empty);
    expect(decodeCsvBytes(new TextEncoder().encode("\r\n \r\n"))).toEqual(empty);
  });

  it("refuses a file over the size limit", () => {
    expect(decodeCsvBytes(new Uint8Array(MAX_CSV_BYTES + 1))).toEqual({
      ok: false,
      code: "csv_too_large",
      message: "The file is 10.1 MB; the limit is 10 MB. Split it into smaller files.",
    });
  });
});
