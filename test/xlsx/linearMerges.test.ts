import ExcelJS from "exceljs";
import { enableLinearMergeCheck } from "./oracle/linearMerges";

describe("the linear merged-cell check", () => {
  beforeAll(() => enableLinearMergeCheck());

  it("merges as exceljs does, and still refuses overlapping merges", () => {
    const sheet = new ExcelJS.Workbook().addWorksheet("S");
    sheet.getCell("A1").value = "section";
    sheet.mergeCells("A1:G1");
    sheet.mergeCells("C3:C5");
    expect(sheet.getCell("D1").isMerged).toBe(true);
    expect(sheet.getCell("D1").master.address).toBe("A1");
    expect(sheet.getCell("C5").master.address).toBe("C3");
    expect(() => sheet.mergeCells("B1:B2")).toThrow(/already merged/);
    expect(() => sheet.mergeCells("A4:D4")).toThrow(/already merged/);
    expect(Object.keys((sheet as unknown as { _merges: object })._merges).sort()).toEqual(["A1", "C3"]);
  });

  it("lets an unmerged area be merged again, and checks large areas by intersection", () => {
    const sheet = new ExcelJS.Workbook().addWorksheet("S");
    sheet.mergeCells("A1:B2");
    sheet.unMergeCells("A1");
    expect(() => sheet.mergeCells("A1:B1")).not.toThrow();
    sheet.mergeCells("A10:Z400");
    expect(() => sheet.mergeCells("Z400:Z401")).toThrow(/already merged/);
    expect(() => sheet.mergeCells("AA400:AB401")).not.toThrow();
  });

  it("loads a sheet of 5,000 merged rows with every merge kept, never comparing areas pairwise", async () => {
    // Linear, counted rather than timed: exceljs' own check compares each new area with every earlier one
    // (Range.intersects, n²/2 calls); the index makes disjoint areas cost no comparison at all.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Range = require("exceljs/lib/doc/range") as { prototype: { intersects(other: unknown): boolean } };
    const intersects = jest.spyOn(Range.prototype, "intersects");
    try {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("S");
      for (let row = 1; row <= 5_000; row++) {
        sheet.getCell(row, 1).value = `section ${row}`;
        sheet.mergeCells(row, 1, row, 4);
      }
      const bytes = await workbook.xlsx.writeBuffer();
      const back = new ExcelJS.Workbook();
      intersects.mockClear();
      await back.xlsx.load(bytes);
      expect(Object.keys((back.worksheets[0] as unknown as { _merges: object })._merges)).toHaveLength(5_000);
      expect(intersects.mock.calls.length).toBeLessThan(5_000);
    } finally {
      intersects.mockRestore();
    }
  }, 60_000);
});
