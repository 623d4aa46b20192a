/** The package reader's caps, in both inflaters (node:zlib for the CLI, fflate for the browser). */
import { deflateRawSync } from "node:zlib";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { InflateLimitError, fflateCodec } from "../../src/xlsx/zipCodec";
import { nodeZipCodec } from "../../src/cli/nodeZip";
import type { UserError } from "../../src/app/errors";
import { handWorkbook, zipOf } from "./packageParts";

async function failure(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    return error as UserError;
  }
  throw new Error("no error");
}

const sheet = (body: string) => zipOf(handWorkbook([{ name: "分工方案", body }], { sharedStrings: ["序号"] }));

describe("limits", () => {
  it.each([
    ["node:zlib", nodeZipCodec],
    ["fflate", fflateCodec],
  ])("an inflater stops as soon as the output passes its limit (%s)", (_name, codec) => {
    const bomb = deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
    expect(() => codec.inflate(bomb, 4096)).toThrow(InflateLimitError);
    expect(codec.inflate(deflateRawSync(Buffer.from("省财政厅")), 12)).toEqual(new Uint8Array(Buffer.from("省财政厅")));
  });

  it("refuses a cell beyond column XFD and a row beyond 1,048,576", async () => {
    const columns = await failure(
      XlsxWorkbook.fromBuffer(
        sheet('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>'),
        "wide.xlsx",
      ).then((wb) => wb.readGrids()),
    );
    expect(columns.code).toBe("file.too-many-columns");
    expect(columns.messageIn("zh-CN")).toContain("用到第 16,385 列，超过 Excel 的上限 16,384 列");
    const rows = await failure(
      XlsxWorkbook.fromBuffer(
        sheet('<sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>'),
        "tall.xlsx",
      ).then((wb) => wb.readGrids()),
    );
    expect(rows.code).toBe("file.too-many-rows");
  });

  it("takes a smaller cap from the caller (the pane may want one)", async () => {
    const bytes = sheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>');
    const error = await failure(XlsxWorkbook.fromBuffer(bytes, "x.xlsx", { limits: { maxTotalBytes: 100 } }));
    expect(error.code).toBe("file.too-large");
    expect(error.messageIn("en-US")).toMatch(/unpacks to \d+(\.\d)? KB, over the limit of 100 B/);
  });
});
