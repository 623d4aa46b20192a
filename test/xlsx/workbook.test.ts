import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxWorkbook, sheetNameFromFileName } from "../../src/xlsx/XlsxWorkbook";
import type { UserError } from "../../src/app/errors";

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as UserError).code;
  }
  return "no error";
}

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("XlsxWorkbook.fromBuffer", () => {
  it("names unusable input", async () => {
    expect(await codeOf(XlsxWorkbook.fromBuffer(new Uint8Array(0), "a.xlsx"))).toBe("file.empty");
    expect(await codeOf(XlsxWorkbook.fromBuffer(fixture("not-a-workbook.xlsx"), "b.xlsx"))).toBe("file.not-workbook");
    expect(await codeOf(XlsxWorkbook.fromBuffer(fixture("encrypted.xlsx"), "c.xlsx"))).toBe("file.encrypted");
    expect(await codeOf(XlsxWorkbook.fromBuffer(fixture("legacy-binary.xls"), "d.xls"))).toBe("file.not-workbook");
    // A zip that is not a workbook, and a truncated workbook.
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await codeOf(XlsxWorkbook.fromBuffer(zip, "e.xlsx"))).toBe("file.not-workbook");
    const whole = fixture("yunnan-2017-notice.xlsx");
    expect(await codeOf(XlsxWorkbook.fromBuffer(whole.subarray(0, whole.length / 2), "f.xlsx"))).toBe(
      "file.not-workbook",
    );
  });

  it("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const bytes = fixture("yunnan-2017-notice.xlsx");
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const port = await XlsxWorkbook.fromBuffer(arrayBuffer, "y.xlsx");
    expect((await port.readGrids()).plan.sheet).toBe("分工方案");
  });

  it("says file.empty when every sheet is empty", async () => {
    const port = await XlsxWorkbook.fromBuffer(fixture("empty-sheets.xlsx"), "empty-sheets.xlsx");
    expect(await codeOf(port.readGrids())).toBe("file.empty");
  });
});

describe("readGrids: which sheet holds the plan", () => {
  const build = async () =>
    XlsxWorkbook.fromBuffer(
      await bytesOf((wb) => {
        wb.addWorksheet("问题清单").getCell("A1").value = "ours";
        wb.addWorksheet("隐藏", { state: "hidden" }).getCell("A1").value = "hidden";
        wb.addWorksheet("单位名录").getCell("A1").value = "单位名称";
        wb.addWorksheet("台账").getCell("A1").value = "plan";
        wb.addWorksheet("fengong_data", { state: "veryHidden" }).getCell("A1").value = 0;
        wb.addWorksheet("备注").getCell("A1").value = "notes";
      }),
      "w.xlsx",
    );

  it("takes the first visible sheet that is neither ours nor a unit directory; others are the rest but ours", async () => {
    const grids = await (await build()).readGrids();
    expect(grids.plan.sheet).toBe("台账");
    expect(grids.others.map((g) => g.sheet)).toEqual(["隐藏", "单位名录", "备注"]);
  });

  it("takes the named sheet (case-insensitively, like Excel) and refuses a missing or owned one", async () => {
    const port = await build();
    expect((await port.readGrids({ sheet: "备注" })).plan.sheet).toBe("备注");
    expect((await port.readGrids({ sheet: "隐藏" })).plan.sheet).toBe("隐藏");
    expect(await codeOf(port.readGrids({ sheet: "不存在" }))).toBe("sheet.not-found");
    expect(await codeOf(port.readGrids({ sheet: "问题清单" }))).toBe("sheet.not-found");
  });
});

describe("XlsxWorkbook.fromCsv", () => {
  it("makes a one-sheet workbook named after the file, with numbers as numbers", async () => {
    const port = XlsxWorkbook.fromCsv("序号,牵头单位\n1,省财政厅\n", "dir/各州市台账.csv");
    const grids = await port.readGrids();
    expect(grids.plan.sheet).toBe("各州市台账");
    expect(grids.plan.values).toEqual([
      ["序号", "牵头单位"],
      [1, "省财政厅"],
    ]);
    expect(grids.others).toEqual([]);
    // and it can be written as .xlsx
    const back = await XlsxWorkbook.fromBuffer(await port.toBuffer(), "copy.xlsx");
    expect((await back.readGrids()).plan.values[1]).toEqual([1, "省财政厅"]);
  });

  it("says file.empty for a CSV with no data", async () => {
    expect(await codeOf(XlsxWorkbook.fromCsv("\ufeff\r\n\r\n", "x.csv").readGrids())).toBe("file.empty");
  });
});

describe("sheetNameFromFileName", () => {
  it("gives a name Excel accepts", () => {
    expect(sheetNameFromFileName("C:\\台账\\2017[终稿]?.csv")).toBe("2017_终稿__");
    expect(sheetNameFromFileName("a".repeat(40) + ".csv")).toHaveLength(31);
    expect(sheetNameFromFileName(".csv")).toBe("Sheet1");
    expect(sheetNameFromFileName("问题清单.csv")).toBe("Sheet1");
  });
});
