/**
 * Property tests over random plan workbooks through the whole pipeline: the same .xlsx bytes read by the
 * .xlsx port (the command line) and loaded into the Excel double (the add-in). For every workbook: nothing
 * throws but a UserError; both ports give the same report; totals agree with the tasks; highlight then clear
 * gives back the workbook exactly (the double's snapshot, the exceljs workbook); a second Check changes
 * nothing. (test/core/properties.test.ts covers analyze alone on arbitrary grids.)
 */
import { HISTORY_SHEET } from "../../src/core/history";
import { stableSnapshot } from "../excel/helpers";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { annotate, checkPlan, clearOwnedHighlights, highlightOverdue } from "../../src/app/actions";
import { check } from "../../src/app/check";
import { isUserError } from "../../src/app/errors";
import type { Report } from "../../src/core/types";
import { doubleFromXlsx, type ExcelDouble } from "../doubles/excel";
import { dumpWorkbook, loadWorkbook } from "../xlsx/workbookDump";
import { INJECTION_TEXTS } from "./corpus";
import { comparable, excelPort, expectTotalsAgree, usersPart, xlsxPort } from "./helpers";

/** Runs of each property (the figure the issue asks for). */
export const GATEWAY_RUNS = 300;
export const XLSX_RUNS = 200;

const HEADER_NAMES = [
  "序号",
  "工作任务",
  "牵头单位",
  "责任单位",
  "配合单位",
  "完成时限",
  "完成情况",
  "备注",
  "類別",
  "責任單位",
  "Lead unit",
  "Deadline",
  "Task",
  "Status",
];
const WORDS = [
  "省财政厅",
  "省发改委",
  "省发展改革委",
  "财政厅",
  "各州、市人民政府",
  "省直有关部门",
  "省政府办公厅牵头",
  "省统计局配合",
  "省财政厅、省统计局",
  "按职责分工负责",
  "7月底前",
  "2017年6月30日",
  "三季度末",
  "持续推进",
  "每季度",
  "本通知公布后30个工作日内",
  "年底前",
  "下周",
  "已完成",
  "正在推进",
  "一、优化营商环境",
  "（一）数据共享",
  "注：本表为示例",
  "#N/A",
  "#REF!",
  "推进政务公开（省政府办公厅牵头，省财政厅配合）",
  ...INJECTION_TEXTS,
];

type Value = string | number | boolean;
const value: fc.Arbitrary<Value> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constantFrom(...HEADER_NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  // Task numbers and Excel date serials (2017-2018).
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 43_400 }) },
  { weight: 1, arbitrary: fc.boolean() },
);

interface PlanModel {
  title: string[];
  header: string[];
  body: Value[][];
  /** Rows of the body merged across the table (section rows) and lead cells merged down over two rows. */
  sectionRows: number[];
  leadMerges: number[];
  /** Deadline cells formatted as dates. */
  datedDeadlines: boolean;
}

const WIDTH = 6;
const model: fc.Arbitrary<PlanModel> = fc.record({
  title: fc.array(fc.constantFrom("附件", "2017年重点工作任务分工方案", "Plan of 2017"), { maxLength: 2 }),
  header: fc.oneof(
    fc.constant<string[]>(["序号", "工作任务", "牵头单位", "责任单位", "完成时限", "完成情况"]),
    fc.array(fc.constantFrom(...HEADER_NAMES, ""), { minLength: WIDTH, maxLength: WIDTH }),
  ),
  body: fc.array(fc.array(value, { minLength: WIDTH, maxLength: WIDTH }), { maxLength: 14 }),
  sectionRows: fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 2 }),
  leadMerges: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 2 }),
  datedDeadlines: fc.boolean(),
});

/** The model as .xlsx bytes, merged cells emptied but the top-left (as Excel holds them). */
async function xlsxOf(plan: PlanModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("分工方案");
  for (const text of plan.title) sheet.addRow([text]);
  sheet.addRow(plan.header);
  const first = plan.title.length + 2;
  const body = plan.body.map((row) => [...row]);
  const merged = new Set<string>();
  const merges: string[] = [];
  for (const r of new Set(plan.sectionRows)) {
    if (r >= body.length || merged.has(`${r}`)) continue;
    for (let c = 1; c < WIDTH; c++) body[r][c] = "";
    merges.push(`A${first + r}:F${first + r}`);
    merged.add(`${r}`);
  }
  for (const r of new Set(plan.leadMerges)) {
    if (r + 1 >= body.length || merged.has(`${r}`) || merged.has(`${r + 1}`)) continue;
    body[r + 1][2] = "";
    merges.push(`C${first + r}:C${first + r + 1}`);
    merged.add(`${r}`).add(`${r + 1}`);
  }
  body.forEach((row) => sheet.addRow(row.map((cell) => (cell === "" ? null : cell))));
  for (const range of merges) sheet.mergeCells(range);
  if (plan.datedDeadlines) {
    body.forEach((row, r) => {
      if (typeof row[4] === "number") sheet.getCell(first + r, 5).numFmt = "yyyy-mm-dd";
    });
  }
  const units = workbook.addWorksheet("单位名录");
  units.addRows([
    ["单位名称", "简称"],
    ["省财政厅", "财政厅"],
    ["省发展改革委", "省发改委"],
    ["省统计局", ""],
  ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The users' own things on the double: a rule, a fill, a name (never touched by us). */
function addUserThings(excel: ExcelDouble): void {
  excel.addConditionalFormat("分工方案", { type: "Custom", range: "A1:A3", formula: "=$A1>100", fill: "#C6EFCE" });
  excel.setFill("分工方案", "B1", "#FFFF00");
  excel.addName("my_units", "='分工方案'!$C$2:$C$5");
}

const OPTIONS = fc.record({
  asOf: fc.constantFrom("2017-08-15", "2017-06-01", "2018-01-10"),
  published: fc.constantFrom(null, "2017-05-10"),
  dueSoonDays: fc.constantFrom(0, 7, 30),
});

/** The report, or null when the port says the workbook holds nothing (a UserError: never anything else). */
async function reportOrUserError(reading: Promise<Report>): Promise<Report | null> {
  try {
    return await reading;
  } catch (error) {
    if (!isUserError(error)) throw error;
    expect(["file.empty", "plan.not-found"]).toContain(error.code);
    return null;
  }
}

test(`the .xlsx port and Excel agree; highlight then clear is the identity; a second Check changes nothing (${GATEWAY_RUNS} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(model, OPTIONS, async (plan, options) => {
      const bytes = await xlsxOf(plan);
      const viaFile = await reportOrUserError(check(await xlsxPort(bytes, "plan.xlsx"), options));

      const excel = await doubleFromXlsx(bytes);
      addUserThings(excel);
      const port = excelPort(excel);
      const start = stableSnapshot(excel);

      await highlightOverdue(port, options);
      await clearOwnedHighlights(port);
      expect(stableSnapshot(excel)).toEqual(start);

      const first = await checkPlan(port, options);
      const report = first.report!;
      if (viaFile) expect(comparable(report)).toEqual(comparable(viaFile));
      else expect(report.table).toBeNull();
      expectTotalsAgree(report);
      const once = stableSnapshot(excel);
      expect(usersPart(once)).toEqual(usersPart(start));
      await checkPlan(port, options);
      expect(stableSnapshot(excel)).toEqual(once);

      // Clearing after a Check leaves the users' workbook, the check records (history: the quarterly cycle's
      // data, not a highlight) and our findings sheet; no rule, name or data sheet.
      await clearOwnedHighlights(port);
      const cleared = stableSnapshot(excel);
      expect(usersPart(cleared)).toEqual(usersPart(start));
      expect(cleared.sheets.map((sheet) => sheet.name)).toEqual([
        ...start.sheets.map((sheet) => sheet.name),
        ...first.wroteSheets,
        // (stableSnapshot lists our very hidden sheets last)
        ...(report.table ? [HISTORY_SHEET] : []),
      ]);
      expect(cleared.names).toEqual(start.names);
    }),
    { numRuns: GATEWAY_RUNS },
  );
}, 300_000);

test(`the annotated copy: highlight then clear is the identity on the workbook; annotating twice equals once (${XLSX_RUNS} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(model, OPTIONS, async (plan, options) => {
      const bytes = await xlsxOf(plan);
      const workbook = await xlsxPort(bytes, "plan.xlsx");
      const report = await reportOrUserError(check(workbook, options));
      if (!report) return;
      expectTotalsAgree(report);
      const dump = async () => dumpWorkbook(await loadWorkbook(await workbook.toBuffer()));
      const start = await dump();

      await highlightOverdue(workbook, options);
      await clearOwnedHighlights(workbook);
      expect(await dump()).toEqual(start);

      await annotate(workbook, report);
      const once = await dump();
      await annotate(workbook, await check(workbook, options));
      expect(await dump()).toEqual(once);
    }),
    { numRuns: XLSX_RUNS },
  );
}, 300_000);
