import ExcelJS from "exceljs";
import { HIGHLIGHT_FILLS, OWNED_DATA_SHEET, OWNED_NAMES, type HighlightPlan } from "../../src/app/port";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { XlsxPackage } from "../../src/xlsx/package";
import { loadWorkbook } from "./workbookDump";

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
  overdueRows: [5, 7],
  dueSoonRows: [8],
  errorCells: [{ row: 6, column: 3 }],
};

describe("owned highlights in an .xlsx workbook", () => {
  it("writes the lists to a very hidden data sheet, names over its columns, and one rule per category", async () => {
    const back = await applied(planWorkbook(), plan);

    const data = back.getWorksheet(OWNED_DATA_SHEET)!;
    expect(data.state).toBe("veryHidden");
    const column = (letter: string) => (data.getColumn(letter).values as unknown[]).filter((v) => v !== undefined);
    expect(column("A")).toEqual([0, 5, 7]);
    expect(column("B")).toEqual([0, 8]);
    expect(column("C")).toEqual([0, 6 * 16384 + 3]);

    const names = namesOf(back);
    expect(names[OWNED_NAMES.overdue]).toEqual([`${OWNED_DATA_SHEET}!$A$1:$A$3`]);
    expect(names[OWNED_NAMES.dueSoon]).toEqual([`${OWNED_DATA_SHEET}!$B$1:$B$2`]);
    expect(names[OWNED_NAMES.error]).toEqual([`${OWNED_DATA_SHEET}!$C$1:$C$2`]);
    expect(names.user_name).toEqual(["其他!$A$1"]);

    const cf = formattings(back.getWorksheet("分工方案")!);
    const ours = cf.filter((f) => f.rules.some((r) => r.formulae?.some((x) => x.includes("fengong_"))));
    const ourRules = ours.flatMap((f) => f.rules.map((r) => ({ ref: f.ref, ...r })));
    expect(ourRules.map((r) => [r.ref, r.type, r.priority, r.formulae?.[0]])).toEqual([
      ["A4:D9", "expression", 1, "ISNUMBER(MATCH(ROW()*16384+COLUMN(),fengong_errors,0))"],
      ["A4:D9", "expression", 2, "ISNUMBER(MATCH(ROW(),fengong_overdue,0))"],
      ["A4:D9", "expression", 3, "ISNUMBER(MATCH(ROW(),fengong_due_soon,0))"],
    ]);
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

  it("gives the same file when applied again (also on the written copy)", async () => {
    const port = await portOf(planWorkbook());
    await port.applyHighlights(plan);
    const first = Buffer.from(await port.toBuffer());
    await port.applyHighlights(plan);
    expect(Buffer.from(await port.toBuffer()).equals(first)).toBe(true);
    const copy = await XlsxWorkbook.fromBuffer(first, "copy.xlsx");
    await copy.applyHighlights(plan);
    expect(Buffer.from(await copy.toBuffer()).equals(first)).toBe(true);
  });

  it("replaces the previous lists rather than adding to them", async () => {
    const back = await applied(planWorkbook(), plan, { ...plan, overdueRows: [9], dueSoonRows: [], errorCells: [] });
    const names = namesOf(back);
    expect(names[OWNED_NAMES.overdue]).toEqual([`${OWNED_DATA_SHEET}!$A$1:$A$2`]);
    expect(names[OWNED_NAMES.dueSoon]).toEqual([`${OWNED_DATA_SHEET}!$B$1`]);
    expect(back.worksheets.filter((ws) => ws.name === OWNED_DATA_SHEET)).toHaveLength(1);
    expect(formattings(back.getWorksheet("分工方案")!).flatMap((f) => f.rules)).toHaveLength(5);
  });

  it("clear removes exactly ours and gives back every entry of the original file", async () => {
    const original = Buffer.from(await bytesOf(planWorkbook()));
    const port = await XlsxWorkbook.fromBuffer(original, "plan.xlsx");
    await port.applyHighlights(plan);
    const marked = await XlsxWorkbook.fromBuffer(await port.toBuffer(), "marked.xlsx");
    await marked.clearHighlights();
    const before = XlsxPackage.open(original, "plan.xlsx");
    const after = XlsxPackage.open(await marked.toBuffer(), "cleared.xlsx");
    expect(after.names()).toEqual(before.names());
    for (const name of before.names())
      expect({ name, text: after.text(name) }).toEqual({ name, text: before.text(name) });
  });

  it("clear keeps a user's rule that shares a formatting entry with one of ours", async () => {
    const wb = planWorkbook();
    const ws = wb.getWorksheet("分工方案")!;
    ws.addConditionalFormatting({
      ref: "B4:B9",
      rules: [
        { type: "expression", priority: 3, formulae: ["ISNUMBER(MATCH(ROW(),fengong_overdue,0))"], style: {} },
        { type: "expression", priority: 4, formulae: ["LEN(B4)>50"], style: {} },
      ],
    });
    const port = await portOf(wb);
    await port.clearHighlights();
    const back = (await loadWorkbook(await port.toBuffer())).getWorksheet("分工方案")!;
    const rules = formattings(back).flatMap((f) => f.rules.map((r) => [f.ref, r.formulae?.[0], r.priority]));
    expect(rules).toEqual([
      ["D4:D9", 'ISNUMBER(SEARCH("底",D4))', 1],
      ["A4:A9", "3", 2],
      ["B4:B9", "LEN(B4)>50", 3],
    ]);
  });

  it("refuses a plan sheet that does not exist", async () => {
    const port = await portOf(planWorkbook());
    await expect(port.applyHighlights({ ...plan, sheet: "没有" })).rejects.toMatchObject({ code: "sheet.not-found" });
  });
});
