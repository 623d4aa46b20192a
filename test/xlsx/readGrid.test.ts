import ExcelJS from "exceljs";
import { readGrid, sheetMerges } from "./oracle/readGrid";

/** Write and read back, so the tests see what exceljs gives for a real file. */
async function roundTrip(build: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer);
  return back;
}

describe("readGrid", () => {
  it("starts at the used range's top-left and gives rectangular rows with blanks as empty strings", async () => {
    const wb = await roundTrip((w) => {
      const ws = w.addWorksheet("方案");
      ws.getCell("C3").value = "序号";
      ws.getCell("E3").value = "牵头单位";
      ws.getCell("D5").value = 7;
    });
    const grid = readGrid(wb.getWorksheet("方案")!);
    expect(grid.sheet).toBe("方案");
    expect(grid.origin).toEqual({ row: 3, column: 3 });
    expect(grid.values).toEqual([
      ["序号", "", "牵头单位"],
      ["", "", ""],
      ["", 7, ""],
    ]);
  });

  it("gives dates as serial numbers with their number format", async () => {
    const wb = await roundTrip((w) => {
      const ws = w.addWorksheet("s");
      ws.getCell("A1").value = new Date(Date.UTC(2017, 6, 31));
      ws.getCell("A1").numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell("B1").value = 12.5;
      ws.getCell("C1").value = "文字";
    });
    const grid = readGrid(wb.worksheets[0]);
    expect(grid.values[0]).toEqual([42947, 12.5, "文字"]);
    expect(grid.numberFormats?.[0]?.[0]).toBe('yyyy"年"m"月"d"日"');
    expect(grid.numberFormats?.[0]?.[1]).toBe("General");
    expect(grid.numberFormats?.[0]?.[2]).toBeUndefined();
  });

  it("keeps a merged area's value in its top-left cell only, and lists the area", async () => {
    const wb = await roundTrip((w) => {
      const ws = w.addWorksheet("s");
      ws.getCell("A1").value = "一、强化组织领导";
      ws.mergeCells("A1:C1");
      ws.getCell("A2").value = "省政府办公厅";
      ws.mergeCells("A2:A4");
      ws.getCell("B4").value = "x";
    });
    const ws = wb.worksheets[0];
    // exceljs itself repeats the master's value in every merged cell:
    expect(ws.getCell("B1").value).toBe("一、强化组织领导");
    const grid = readGrid(ws);
    expect(grid.values).toEqual([
      ["一、强化组织领导", "", ""],
      ["省政府办公厅", "", ""],
      ["", "", ""],
      ["", "x", ""],
    ]);
    expect(grid.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 2, left: 1, bottom: 4, right: 1 },
    ]);
    expect(sheetMerges(ws)).toHaveLength(2);
  });

  it("reads rich text, formulas (cached results), hyperlinks and error values", async () => {
    const wb = await roundTrip((w) => {
      const ws = w.addWorksheet("s");
      ws.getCell("A1").value = { richText: [{ text: "推进", font: { bold: true } }, { text: "公开" }] };
      ws.getCell("B1").value = { formula: "1+2", result: 3 };
      ws.getCell("C1").value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
      ws.getCell("D1").value = { text: "原文", hyperlink: "https://www.gov.cn/" };
      ws.getCell("E1").value = { error: "#N/A" };
      ws.getCell("F1").value = true;
    });
    const grid = readGrid(wb.worksheets[0]);
    expect(grid.values[0]).toEqual(["推进公开", 3, "", "原文", "#N/A", true]);
  });

  it("reports hidden rows and gives an empty grid for an empty sheet", async () => {
    const wb = await roundTrip((w) => {
      const ws = w.addWorksheet("s");
      ws.getCell("A1").value = "a";
      ws.getCell("A2").value = "b";
      ws.getRow(2).hidden = true;
      const empty = w.addWorksheet("empty");
      empty.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    });
    expect(readGrid(wb.getWorksheet("s")!).hiddenRows).toEqual([2]);
    expect(readGrid(wb.getWorksheet("empty")!)).toEqual({
      sheet: "empty",
      origin: { row: 1, column: 1 },
      values: [],
      merges: [],
      hiddenRows: [],
    });
  });

  it("reads the shared samples as Excel would", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`${__dirname}/../fixtures/county-ledger-traditional.xlsx`);
    const grid = readGrid(wb.worksheets[0]);
    expect(grid.origin).toEqual({ row: 1, column: 1 });
    expect(grid.values[0]).toEqual(["某縣2021年政務公開重點任務台賬", "", "", "", ""]);
    // D5 is a date cell: 2021-09-30
    expect(grid.values[4][3]).toBe(44469);
    expect(grid.numberFormats?.[4]?.[3]).toBe("yyyy-mm-dd");
  });
});
