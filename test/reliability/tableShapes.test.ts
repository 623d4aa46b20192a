/**
 * Table shapes behind the corpus's outcomes, on hand-made grids: headers repeated down the sheet (a two-row
 * header too), a second table, header words inside a task row, duplicate header names, a header with nothing
 * below it; and quoting a huge cell in a message.
 */
import { analyze } from "../../src/core/analyze";
import { clip } from "../../src/core/clip";
import type { CellValue, Grid, MergedArea, Report } from "../../src/core/types";

const AS_OF = { asOf: "2017-08-15" };
const grid = (values: CellValue[][], merges: MergedArea[] = []): Grid => ({
  sheet: "分工方案",
  origin: { row: 1, column: 1 },
  values,
  merges,
});
const rules = (report: Report) => report.findings.map((f) => `${f.rule}@${f.column ?? ""}${f.row ?? ""}`);
const HEADER = ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"];
const row = (i: number): CellValue[] => [i, `第${i}项任务`, "省财政厅", "省统计局", "2017年12月31日"];

test("a header repeated every few rows (a table printed with repeated title rows): skipped each time", () => {
  const values = [
    HEADER,
    row(1),
    row(2),
    HEADER,
    row(3),
    row(4),
    [" 序号 ", "工作任务", "牵头单位", "责任单位", "完成时限"],
    row(5),
  ];
  const report = analyze([grid(values)], AS_OF);
  expect(report.tasks.map((t) => t.row)).toEqual([2, 3, 5, 6, 8]);
  expect(rules(report)).toEqual(["table.header-repeated@A4", "table.header-repeated@A7"]);
  expect(report.totals.map((t) => t.unit).sort()).toEqual(["省统计局", "省财政厅"]);
});

test("a two-row header repeated below: both rows skipped, no duplicate column reported for the parent", () => {
  const parent = ["序号", "工作任务", "责任单位", "", "完成时限"];
  const sub = ["", "", "牵头单位", "配合单位", ""];
  const merges = [
    { top: 1, left: 3, bottom: 1, right: 4 },
    { top: 5, left: 3, bottom: 5, right: 4 },
  ];
  const report = analyze([grid([parent, sub, row(1), row(2), parent, sub, row(3)], merges)], AS_OF);
  expect(report.table).toMatchObject({ headerRows: 2, columns: { lead: 3, responsible: 4 } });
  expect(report.tasks.map((t) => t.row)).toEqual([3, 4, 7]);
  expect(rules(report)).toEqual(["table.header-repeated@A5", "table.header-repeated@A6"]);
});

test("a second table with other columns ends the first; its header is reported, its rows are not read", () => {
  const values = [
    HEADER,
    row(1),
    row(2),
    [],
    ["序号", "完成时限", "工作任务", "牵头单位"],
    [1, "2017年9月底前", "优化审批流程", "省政务服务局"],
  ];
  const report = analyze([grid(values)], AS_OF);
  expect(report.table?.lastDataRow).toBe(3);
  expect(report.tasks.map((t) => t.row)).toEqual([2, 3]);
  expect(rules(report)).toEqual(["table.second-table@A5"]);
  expect(report.findings[0].message).toContain("只检查了第2至3行");
});

test("of two plans in the first rows, the first is read even when the second has more columns", () => {
  const values = [
    ["序号", "工作任务", "牵头单位", "完成时限"],
    [1, "推进政务公开", "省财政厅", "2017年6月30日"],
    HEADER.concat("完成情况", "备注"),
    row(1),
  ];
  const report = analyze([grid(values)], AS_OF);
  expect(report.table?.headerRow).toBe(1);
  expect(report.tasks.map((t) => t.row)).toEqual([2]);
  expect(rules(report)).toEqual(["table.second-table@A3"]);
});

test("a task row holding header words (a status 进度, a note 说明) is still a task", () => {
  const header = [...HEADER, "完成情况", "备注"];
  const values = [
    header,
    [1, "推进政务公开", "省财政厅", "省统计局", "2017年12月31日", "进度", "说明"],
    [2, "进度", "省财政厅", "", "2017年12月31日", "状态", ""],
  ];
  const report = analyze([grid(values)], AS_OF);
  expect(report.tasks.map((t) => t.row)).toEqual([2, 3]);
  expect(rules(report).filter((r) => r.startsWith("table."))).toEqual([]);
});

test("duplicate header names: the first column is read and the other named; an override or a note is no duplicate", () => {
  const values = [
    ["序号", "工作任务", "牵头单位", "完成时限", "牵头单位", "备注", "备注"],
    [1, "推进政务公开", "省财政厅", "2017年12月31日", "省统计局", "", ""],
  ];
  const report = analyze([grid(values)], AS_OF);
  expect(report.tasks[0].lead).toEqual(["省财政厅"]);
  expect(rules(report)).toEqual(["table.duplicate-column@E1"]);
  expect(report.findings[0].message).toMatch(/表头“牵头单位”与C1的“牵头单位”/);
  const english = analyze([grid(values)], { ...AS_OF, language: "en-US" });
  expect(english.findings[0].message).toMatch(/"牵头单位" in C1, so this column was not read/);

  const overridden = analyze([grid(values)], { ...AS_OF, columns: { lead: "E" } });
  expect(overridden.tasks[0].lead).toEqual(["省统计局"]);
  expect(rules(overridden)).toEqual([]);
});

test("a header with no task below it: table.empty names the header row; so does one with section rows only", () => {
  expect(rules(analyze([grid([["附件"], HEADER])], AS_OF))).toEqual(["table.empty@A2"]);
  const sections = analyze([grid([HEADER, ["一、优化营商环境"], ["（一）数据共享"]])], AS_OF);
  expect(sections.tasks).toEqual([]);
  expect(rules(sections)).toEqual(["table.empty@A1"]);
});

test("a huge cell is quoted short in the message; the whole text stays in the task and the finding's params", () => {
  const deadline = "期".repeat(100_000);
  const report = analyze([grid([HEADER, [1, "推进政务公开", "省财政厅", "", deadline]])], AS_OF);
  const finding = report.findings.find((f) => f.rule === "deadline.unparsed")!;
  expect(finding.message.length).toBeLessThan(300);
  expect(finding.message).toContain(`“${"期".repeat(100)}……”`);
  expect(finding.params.text).toBe(deadline);
  expect(report.tasks[0].deadline.text).toBe(deadline);
});

test("clip counts characters, never splits a surrogate pair, and marks a cut", () => {
  expect(clip("省财政厅", 4)).toBe("省财政厅");
  expect(clip("省财政厅局", 4)).toBe("省财政厅……");
  expect(clip("𠀀𠀁𠀂", 2)).toBe("𠀀𠀁……");
  expect(clip("𠀀𠀁", 2)).toBe("𠀀𠀁");
  expect(clip("a𠀀", 1)).toBe("a……");
});
