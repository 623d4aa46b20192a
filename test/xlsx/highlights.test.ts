import ExcelJS from "exceljs";
import { ownedHighlightParts, rowKey } from "../../src/app/highlightParts";
import { HIGHLIGHT_FILLS, OWNED_DATA_SHEET, OWNED_NAMES, type HighlightPlan } from "../../src/app/port";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { dumpWorkbook, loadWorkbook } from "./workbookDump";

const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
const portOf = async (wb: ExcelJS.Workbook) => XlsxWorkbook.fromBuffer(await bytesOf(wb), "plan.xlsx");
/** Apply through the .xlsx port (the package is patched) and read the result back with exceljs. */
async function applied(wb: ExcelJS.Workbook, ...plans: HighlightPlan[]): Promise<ExcelJS.Workbook> {
  const port = await portOf(wb);
  for (const p of plans) await port.applyHighlights(p);
  return loadWorkbook(await port.toBuffer());
}

interface Rule {
  type: string;
  priority: number;
  formulae?: string[];
  style?: { fill?: { bgColor?: { argb?: string } } };
}
interface Formatting {
  ref: string;
  rules: Rule[];
}
const formattings = (ws: ExcelJS.Worksheet): Formatting[] =>
  (ws as unknown as { conditionalFormattings: Formatting[] }).conditionalFormattings;

function planWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("分工方案");
  ws.getRow(3).values = ["序号", "工作任务", "牵头单位", "完成时限"];
  for (let r = 4; r <= 9; r++) ws.getRow(r).values = [r - 3, `任务${r}`, "省财政厅", "2017年6月底前"];
  ws.addConditionalFormatting({
    ref: "D4:D9",
    rules: [
      { type: "expression", priority: 1, formulae: ['ISNUMBER(SEARCH("底",D4))'], style: { font: { bold: true } } },
    ],
  });
  ws.addConditionalFormatting({
    ref: "A4:A9",
    rules: [
      { type: "cellIs", operator: "greaterThan", priority: 2, formulae: ["3"], style: { font: { italic: true } } },
    ],
  });
  wb.addWorksheet("其他").getCell("A1").value = "x";
  wb.definedNames.add("其他!$A$1", "user_name");
  return wb;
}

/** Workbook names -> ranges, sheet quotes dropped (exceljs always quotes: 'fengong_data'!$A$1). */
const namesOf = (wb: ExcelJS.Workbook): Record<string, string[]> =>
  Object.fromEntries(wb.definedNames.model.map((n) => [n.name, n.ranges.map((r) => r.replace(/^'([^']*)'!/, "$1!"))]));

const plan: HighlightPlan = {
  sheet: "分工方案",
  body: { firstRow: 4, lastRow: 9, firstColumn: 1, lastColumn: 4 },
  keyColumns: [2, 1],
  statusColumn: null,
  dueSoonDays: 7,
  dues: [
    { key: rowKey("任务5"), due: 42916 },
    { key: rowKey("任务7"), due: 42916 },
    { key: rowKey("任务8"), due: 42960 },
  ],
  errors: [{ key: rowKey("任务6"), offset: 2 }],
  overdueRows: [5, 7],
  dueSoonRows: [8],
  errorCells: [{ row: 6, column: 3 }],
};
const parts = ownedHighlightParts(plan);

describe("owned highlights in an .xlsx workbook", () => {
  it("writes the lists to a very hidden data sheet, names over its columns, and one rule per category", async () => {
    const back = await applied(planWorkbook(), plan);

    const data = back.getWorksheet(OWNED_DATA_SHEET)!;
    expect(data.state).toBe("veryHidden");
    const cells = parts.data.map((row, r) => row.map((_, c) => data.getCell(r + 1, c + 1).value ?? ""));
    expect(cells).toEqual(parts.data);
    expect(cells[1].slice(0, 2)).toEqual(["任务5|3", 42916]);

    const names = namesOf(back);
    for (const { name, refersTo } of parts.names) expect(names[name]).toEqual([refersTo]);
    expect(names[OWNED_NAMES.dues]).toEqual([`${OWNED_DATA_SHEET}!$A$1:$B$4`]);
    expect(names.user_name).toEqual(["其他!$A$1"]);

    const cf = formattings(back.getWorksheet("分工方案")!);
    const ours = cf.filter((f) => f.rules.some((r) => r.formulae?.some((x) => x.includes("fengong_"))));
    // Our rules share one formatting entry over the body (one <conditionalFormatting> in the sheet's XML).
    const ourRules = ours.flatMap((f) => f.rules.map((r) => ({ ref: f.ref, ...r })));
    expect(ourRules.map((r) => [r.ref, r.type, r.priority, r.formulae?.[0]])).toEqual(
      parts.rules.map((rule, i) => ["A4:D9", "expression", i + 1, rule.formula.slice(1)]),
    );
    expect(ourRules.map((r) => r.style?.fill?.bgColor?.argb)).toEqual([
      `FF${HIGHLIGHT_FILLS.error.slice(1)}`,
      `FF${HIGHLIGHT_FILLS.overdue.slice(1)}`,
      `FF${HIGHLIGHT_FILLS.dueSoon.slice(1)}`,
    ]);
    // The user's rules keep their order, below ours.
    const theirs = cf.filter((f) => !ours.includes(f));
    expect(theirs.map((f) => [f.ref, f.rules[0].priority])).toEqual([
      ["D4:D9", 4],
      ["A4:A9", 5],
    ]);
  });

  it("gives the same workbook when applied again (also after writing and reading the file)", async () => {
    const port = await portOf(planWorkbook());
    await port.applyHighlights(plan);
    const expected = dumpWorkbook(await loadWorkbook(await port.toBuffer()));
    await port.applyHighlights(plan);
    expect(dumpWorkbook(await loadWorkbook(await port.toBuffer()))).toEqual(expected);
  });

  it("replaces the previous lists rather than adding to them", async () => {
    const back = await applied(planWorkbook(), plan, { ...plan, dues: plan.dues.slice(0, 1), errors: [] });
    const names = namesOf(back);
    expect(names[OWNED_NAMES.dues]).toEqual([`${OWNED_DATA_SHEET}!$A$1:$B$2`]);
    expect(names[OWNED_NAMES.errors]).toEqual([`${OWNED_DATA_SHEET}!$C$1`]); // exceljs writes a one-cell range so
    expect(back.getWorksheet(OWNED_DATA_SHEET)!.getCell("A3").value).toBeNull();
    expect(back.worksheets.filter((ws) => ws.name === OWNED_DATA_SHEET)).toHaveLength(1);
    expect(formattings(back.getWorksheet("分工方案")!).flatMap((f) => f.rules)).toHaveLength(5);
  });

  it("clear removes exactly ours and gives back the original workbook", async () => {
    const original = dumpWorkbook(await loadWorkbook(await bytesOf(planWorkbook())));
    const port = await portOf(planWorkbook());
    await port.applyHighlights(plan);
    await port.clearHighlights();
    expect(dumpWorkbook(await loadWorkbook(await port.toBuffer()))).toEqual(original);
  });

  it("refuses a plan sheet that does not exist", async () => {
    const port = await portOf(planWorkbook());
    await expect(port.applyHighlights({ ...plan, sheet: "没有" })).rejects.toMatchObject({ code: "sheet.not-found" });
  });
});
