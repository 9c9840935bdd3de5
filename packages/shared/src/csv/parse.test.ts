import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "./decode.ts";
import { MAX_CSV_ROWS, parseCsvText } from "./parse.ts";
import { readCsvFile } from "./read-csv-file.ts";
import { parseOk, readFixture } from "./test-support.ts";

const HEADER = "User ID/Email (Required),First Name,Last Name,Webex Calling";

describe("parseCsvText", () => {
  it("reads a semicolon file with BOM and CRLF as Swedish Excel writes it", () => {
    const decoded = decodeCsvBytes(readFixture("semicolon-bom-crlf.csv"));
    if (!decoded.ok) throw new Error(decoded.message);
    const parsed = parseOk(decoded.text);
    expect(parsed.delimiter).toBe(";");
    expect(parsed.headers).toHaveLength(18);
    expect(parsed.headers[11]).toBe("Call on Webex (1:1 call, non-PSTN)");
    expect(parsed.columns.get("licence:call_on_webex")).toBe(11);
    expect(parsed.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(parsed.rows[0]?.cells.slice(0, 4)).toEqual([
      "asa.oberg@kund.se",
      "Åsa",
      "Öberg-Ström",
      "Åsa Öberg-Ström",
    ]);
    expect(parsed.rows[1]?.cells[2]).toBe("Nilsson; jr");
  });

  it("reads quoted fields with commas, doubled quotes and newlines; LF line ends", () => {
    const text = `${HEADER}\n"a@x.se","Berg, Jr","Say ""hi""\nline two",TRUE\nb@x.se,B,C,FALSE\n`;
    const parsed = parseOk(text);
    expect(parsed.delimiter).toBe(",");
    expect(parsed.rows).toEqual([
      { rowNumber: 2, cells: ["a@x.se", "Berg, Jr", 'Say "hi"\nline two', "TRUE"] },
      // A value spanning two lines is still one row: b@x.se is row 3, as in a spreadsheet.
      { rowNumber: 3, cells: ["b@x.se", "B", "C", "FALSE"] },
    ]);
  });

  it("skips empty lines and rows of separators but keeps counting them as rows", () => {
    const parsed = parseOk(`${HEADER}\r\n\r\n,,,\r\na@x.se,A,B,TRUE\r\n\r\n`);
    expect(parsed.rows).toEqual([{ rowNumber: 4, cells: ["a@x.se", "A", "B", "TRUE"] }]);
  });

  it("refuses an empty file and a file with only a header", () => {
    expect(parseCsvText("")).toEqual({
      ok: false,
      errors: [{ code: "csv_empty", message: "The file is empty.", severity: "error" }],
    });
    const decoded = decodeCsvBytes(readFixture("header-only.csv"));
    expect(decoded.ok && parseCsvText(decoded.text)).toEqual({
      ok: false,
      errors: [
        {
          code: "csv_no_data_rows",
          message: "The file has a header but no data rows.",
          severity: "error",
        },
      ],
    });
  });

  it("refuses a file without the email column and one with a duplicated column", () => {
    const missing = parseCsvText("First Name,Webex Calling\nAnna,TRUE\n");
    expect(!missing.ok && missing.errors.map((e) => e.code)).toEqual(["csv_missing_email_column"]);
    const duplicate = parseCsvText("Email,Webex Calling,WEBEX CALLING\na@x.se,TRUE,TRUE\n");
    expect(!duplicate.ok && duplicate.errors.map((e) => e.message)).toEqual([
      'The column "Webex Calling" appears more than once (columns 2 and 3). Keep one and delete the other.',
    ]);
  });

  it("keeps an unknown column as a warning", () => {
    const parsed = parseOk(`${HEADER},Cost centre\na@x.se,A,B,TRUE,4711\n`);
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      'The column "Cost centre" is not one we know, so it is ignored. Check the spelling against the template if it should be imported.',
    ]);
  });

  it("marks a row with more values than the header, but not one with empty extra cells", () => {
    const parsed = parseOk(`${HEADER}\na@x.se,Berg, Jr,B,TRUE\nb@x.se,A,B,TRUE,,\n`);
    expect(parsed.rows[0]?.errors).toEqual([
      {
        code: "csv_too_many_cells",
        message:
          "Row 2 has 5 values but the header has 4 columns. A value probably contains the separator (,); put that value in double quotes.",
        row: 2,
        severity: "error",
      },
    ]);
    expect(parsed.rows[1]?.errors).toBeUndefined();
  });

  it("refuses an unterminated quote, naming the row where it starts", () => {
    const result = parseCsvText(
      `${HEADER}\na@x.se,A,B,TRUE\nb@x.se,"Anna,B,TRUE\nc@x.se,C,D,TRUE\n`,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: "csv_unterminated_quote",
          message:
            'Row 3 has a value that opens with a double quote (") that is never closed, so the rest of the file cannot be read. Add the closing quote, or remove the stray one.',
          row: 3,
          severity: "error",
        },
      ],
    });
  });

  it("refuses a quote in the wrong place, saying so", () => {
    const result = parseCsvText(`${HEADER}\na@x.se,"Anna"x,B,TRUE\nb@x.se,B,C,TRUE\n`);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: "csv_malformed_quote",
          message:
            'Row 2 has a double quote (") in the wrong place. A value with a quote in it must be in quotes, with the quote written twice: "Say ""hi""".',
          row: 2,
          severity: "error",
        },
      ],
    });
  });

  it("numbers the header by its row when blank lines come first", () => {
    const parsed = parseOk(`\n${HEADER.replaceAll(",", ";")};Cost centre\na@x.se;A;B;TRUE;1\n`);
    expect(parsed.warnings[0]?.row).toBe(2);
    expect(parsed.rows[0]?.rowNumber).toBe(3);
  });

  it("refuses more than 20,000 data rows as a whole", () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `u${i}@x.se,A,B,TRUE`);
    const result = parseCsvText(`${HEADER}\n${rows.join("\n")}\n`);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: "csv_too_many_rows",
          message:
            "The file has 20,001 data rows; the limit is 20,000. Split it into smaller files.",
          severity: "error",
          params: { rows: 20001, max: 20000 },
        },
      ],
    });
  });

  it("accepts exactly 20,000 data rows", () => {
    const rows = Array.from({ length: MAX_CSV_ROWS }, (_, i) => `u${i}@x.se,A,B,TRUE`);
    const parsed = parseOk(`${HEADER}\n${rows.join("\n")}\n`);
    expect(parsed.rows).toHaveLength(MAX_CSV_ROWS);
    expect(parsed.rows.at(-1)?.rowNumber).toBe(MAX_CSV_ROWS + 1);
  });

  it("chooses the separator by the columns it finds, not by counting commas", () => {
    const semicolon = parseOk("Email;Call on Webex (1:1 call, non-PSTN)\na@x.se;TRUE\n");
    expect(semicolon.delimiter).toBe(";");
    expect(semicolon.columns.get("licence:call_on_webex")).toBe(1);
    const comma = parseOk('Email,"Call on Webex (1:1 call, non-PSTN)"\na@x.se,TRUE\n');
    expect(comma.delimiter).toBe(",");
    expect(comma.columns.get("licence:call_on_webex")).toBe(1);
  });
});

describe("readCsvFile", () => {
  it("decodes and parses, passing the encoding warning on", () => {
    const result = readCsvFile(readFixture("windows-1252.csv"));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.encoding).toBe("windows-1252");
    expect(result.rows[0]?.cells[1]).toBe("Åsa");
    expect(result.warnings.map((w) => w.code)).toEqual(["csv_encoding_guessed"]);
  });

  it("reads a UTF-16 file", () => {
    const result = readCsvFile(readFixture("utf-16le-bom.csv"));
    expect(result.ok && result.rows[0]?.cells).toEqual(["asa@kund.se", "Åsa", "Öberg", "TRUE"]);
  });

  it("turns a refused file into problem errors", () => {
    expect(readCsvFile(readFixture("binary.png"))).toEqual({
      ok: false,
      errors: [
        {
          code: "csv_not_text",
          message:
            "This file is not a CSV text file. Save the spreadsheet as CSV (CSV UTF-8 in Excel) and upload that.",
          severity: "error",
        },
      ],
    });
  });
});
