import { MAX_CSV_BYTES, MAX_CSV_ROWS } from "@partner-hub/shared";
import { describe, expect, it } from "vitest";
import { checkCsvBytes, checkCsvFile } from "./check-csv-file.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("checkCsvBytes", () => {
  it("accepts a Swedish Excel file: BOM, semicolons, CRLF", () => {
    const result = checkCsvBytes(
      utf8("\uFEFFUser ID/Email (Required);First Name\r\nasa@customer.example;Åsa\r\n"),
    );
    expect(result).toMatchObject({ ok: true, rowCount: 1 });
  });

  it("refuses an empty file and one without the email column, with the shared module's words", () => {
    expect(checkCsvBytes(new Uint8Array())).toMatchObject({
      ok: false,
      errors: [{ code: "csv_empty", message: "The file is empty." }],
    });
    const noEmail = checkCsvBytes(utf8("First Name,Last Name\nÅsa,Öberg\n"));
    expect(noEmail.ok).toBe(false);
    if (!noEmail.ok) expect(noEmail.errors[0]?.code).toBe("csv_missing_email_column");
  });

  it("refuses more than 20,000 data rows", () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `u${i}@customer.example`).join(
      "\n",
    );
    const result = checkCsvBytes(utf8(`User ID/Email (Required)\n${rows}\n`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.code).toBe("csv_too_many_rows");
  });

  it("refuses bytes that are not text", () => {
    const result = checkCsvBytes(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    );
    expect(result.ok).toBe(false);
  });
});

describe("checkCsvFile", () => {
  it("refuses a file over 10 MB without reading it", async () => {
    const huge = {
      size: MAX_CSV_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error("must not be read")),
    } as unknown as Blob;
    const result = await checkCsvFile(huge);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          code: "csv_too_large",
          message: "The file is 10.0 MB; the limit is 10 MB. Split it into smaller files.",
        },
      ],
    });
  });
});
