/** The .xlsx side of the cycle's port methods: our very hidden rows, and status cells written as text. */
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { HISTORY_SHEET } from "../../src/core/history";
import { dumpWorkbook, loadWorkbook } from "./workbookDump";

async function planFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("分工方案");
  ws.getRow(1).values = ["序号", "工作任务", "牵头单位", "完成时限", "完成情况"];
  ws.getRow(2).values = [1, "推进财政预决算公开", "省财政厅", "2017年9月底前", "正在推进"];
  ws.getRow(3).values = [2, "做好招生入学信息公开", "省教育厅", "2017年8月31日", ""];
  ws.getCell("E2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  ws.getCell("E2").font = { italic: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

jest.setTimeout(60_000);

const reopen = async (port: XlsxWorkbook) => XlsxWorkbook.fromBuffer(await port.toBuffer(), "again.xlsx");

describe("readOwnedRows / writeOwnedRows", () => {
  it("keeps rows of values in a very hidden sheet, strings as text, across a save", async () => {
    const port = await XlsxWorkbook.fromBuffer(await planFile(), "plan.xlsx");
    expect(await port.readOwnedRows(HISTORY_SHEET)).toBeNull();
    const rows = [
      ["fengong history", 1],
      ["record", "2017-07-15T02:00:00.000Z", "2017-07-15", 1],
      [3, "=1+1", "@省财政厅 +推进", "overdue", "2017-06-30", '["省财政厅"]', "[]", "-已完成"],
    ];
    await port.writeOwnedRows(HISTORY_SHEET, rows);
    const again = await reopen(port);
    expect(await again.readOwnedRows(HISTORY_SHEET)).toEqual(rows);
    const wb = await loadWorkbook(await again.toBuffer());
    expect(wb.getWorksheet(HISTORY_SHEET)?.state).toBe("veryHidden");
    // Never a formula: the cell holds the text.
    expect(wb.getWorksheet(HISTORY_SHEET)?.getCell("B3").value).toBe("=1+1");
    // Our sheet is never read as a plan.
    expect((await again.readGrids()).others.map((grid) => grid.sheet)).toEqual([]);
  });

  it("replaces the sheet in place (shorter rows leave nothing behind) and refuses names that are not ours", async () => {
    const port = await XlsxWorkbook.fromBuffer(await planFile(), "plan.xlsx");
    await port.writeOwnedRows(HISTORY_SHEET, [
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    await port.writeOwnedRows(HISTORY_SHEET, [["d", 4]]);
    expect(await (await reopen(port)).readOwnedRows(HISTORY_SHEET)).toEqual([["d", 4]]);
    await expect(port.writeOwnedRows("分工方案", [["x"]])).rejects.toThrow(/not an owned sheet|Not one of our sheets/);
    await expect(port.readOwnedRows("分工方案")).resolves.toBeNull(); // a user sheet is never read as ours
  });
});

describe("writeCells", () => {
  it("changes only the given cells' values, keeps their style, and writes formula-like text as text", async () => {
    const bytes = await planFile();
    const port = await XlsxWorkbook.fromBuffer(bytes, "plan.xlsx");
    await port.writeCells("分工方案", [
      { row: 2, column: 5, value: "【省财政厅】已完成，预决算已公开" },
      { row: 3, column: 5, value: "=已完成" },
    ]);
    const before = dumpWorkbook(await loadWorkbook(bytes));
    const after = dumpWorkbook(await loadWorkbook(await port.toBuffer()));
    const [a, b] = [before.sheets[0].cells, after.sheets[0].cells];
    expect(b.E2.value).toBe("【省财政厅】已完成，预决算已公开");
    expect(b.E2.style).toEqual(a.E2.style);
    expect(b.E3.value).toBe("=已完成");
    // Text, not a formula: written as an inline string, which Excel never evaluates.
    expect(typeof b.E3.value).toBe("string");
    for (const address of Object.keys(a))
      if (address !== "E2" && address !== "E3") expect(b[address]).toEqual(a[address]);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  });
});
