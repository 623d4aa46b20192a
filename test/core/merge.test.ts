/** Planning a feedback merge (pure): which status cells change, which are conflicts. */
import { analyze } from "../../src/core/analyze";
import { recordOf } from "../../src/core/history";
import { planMerge, unitFromFileName, type FeedbackCopy } from "../../src/core/merge";
import type { CellValue, Report } from "../../src/core/types";
import { grid } from "./helpers";

jest.setTimeout(60_000);

const HEADER = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "进展情况"];
const AS_OF = "2017-08-15";

const plan = (rows: CellValue[][]): Report =>
  analyze([grid("工作台账", [["2017年重点工作任务分解表"], HEADER, ...rows])], { asOf: AS_OF });

const MASTER: CellValue[][] = [
  ["1", "推进财政预决算公开", "市财政局", "", "2017年9月底前", "正在推进"],
  ["2", "推进公共资源交易平台整合", "市发改委", "市财政局、市公共资源交易中心", "2017年10月底前", "正在推进"],
  ["3", "做好义务教育招生入学信息公开", "市教育局", "", "2017年8月31日", ""],
];

const copy = (
  name: string,
  rows: CellValue[][],
  unit: string | null,
  baseline: Report | null = null,
): FeedbackCopy => ({
  name,
  unit,
  report: plan(rows),
  baseline: baseline ? recordOf(baseline, "t") : null,
});

const withStatus = (rows: CellValue[][], status: Record<string, string>): CellValue[][] =>
  rows.map((row) => (status[String(row[0])] !== undefined ? [...row.slice(0, 5), status[String(row[0])]] : row));

describe("unitFromFileName", () => {
  const units = ["市财政局", "市发展改革委", "市公共资源交易中心", "市教育局", "各县（市、区）人民政府"];
  it.each([
    ["反馈/市财政局-三季度.xlsx", "市财政局"],
    ["C:\\台账\\财政局反馈.xlsx", "市财政局"],
    ["市公共资源交易中心（盖章）.xlsx", "市公共资源交易中心"],
    ["市發展改革委.xlsx", "市发展改革委"],
    ["汇总.xlsx", null],
    ["市财政局、市教育局联合反馈.xlsx", null],
  ])("%s -> %s", (file, unit) => {
    expect(unitFromFileName(file, units)).toBe(unit);
  });
});

describe("planMerge", () => {
  const master = plan(MASTER);

  it("without a baseline, takes a copy whose other cells read as the master's, and refuses a stale one", () => {
    const fresh = copy("市教育局.xlsx", withStatus(MASTER, { "3": "已完成" }), "市教育局");
    expect(planMerge(master, [fresh]).changes.map((c) => [c.row, c.new])).toEqual([[5, "已完成"]]);
    // The master's row 3 (task 1) changed since this copy was made: its edit cannot be trusted to be newer.
    const stale = copy(
      "市教育局.xlsx",
      withStatus(MASTER, { "1": "未启动", "3": "已完成" }).map((row) =>
        row[0] === "3" ? row : row[0] === "1" ? [...row.slice(0, 5), "未启动"] : row,
      ),
      "市教育局",
    );
    const masterNow = plan(withStatus(MASTER, { "3": "正在推进" }));
    const result = planMerge(masterNow, [stale]);
    expect(result.changes).toEqual([]);
    expect(result.conflicts.map((c) => [c.row, c.kind, c.current])).toEqual([[5, "master-changed", "正在推进"]]);
  });

  it("keeps formula-like text as it is, lists copies it cannot use, and leaves merged status cells alone", () => {
    const edits = withStatus(MASTER, { "1": "=已完成（见附件）", "2": "+正在推进" });
    const plan1 = planMerge(
      master,
      [copy("市财政局.xlsx", edits, "市财政局"), copy("某某.xlsx", edits, null), copy("省厅.xlsx", edits, "省财政厅")],
      { mergedStatusRows: new Set([4]) },
    );
    expect(plan1.changes.map((c) => [c.row, c.column, c.new])).toEqual([[3, "F", "=已完成（见附件）"]]);
    expect(plan1.conflicts.map((c) => [c.row, c.kind])).toEqual([[4, "merged-cell"]]);
    expect(plan1.copies.map((c) => c.problem)).toEqual([null, "unit-unknown", "unit-not-in-plan"]);
  });

  it("side by side for shared tasks, in the plan's order of units; a second copy of a unit replaces only its part", () => {
    const baseline = master;
    const first = planMerge(master, [
      copy("交易中心.xlsx", withStatus(MASTER, { "2": "平台已上线试运行。" }), "市公共资源交易中心", baseline),
      copy("发改委.xlsx", withStatus(MASTER, { "2": "正在推进整合方案" }), "市发展改革委", baseline),
    ]);
    expect(first.changes.map((c) => [c.new, c.unit])).toEqual([
      ["【市发展改革委】正在推进整合方案；【市公共资源交易中心】平台已上线试运行", "市发展改革委、市公共资源交易中心"],
    ]);
    const merged = plan(withStatus(MASTER, { "2": first.changes[0].new }));
    // The master now holds both; 市财政局 adds its part, later, from the same baseline.
    const late = planMerge(merged, [
      copy("财政局.xlsx", withStatus(MASTER, { "2": "已安排平台整合经费" }), "市财政局", baseline),
    ]);
    expect(late.changes.map((c) => c.new)).toEqual([
      "【市发展改革委】正在推进整合方案；【市财政局】已安排平台整合经费；【市公共资源交易中心】平台已上线试运行",
    ]);
    // Units disagreeing on done: listed, not written.
    const disagree = planMerge(merged, [
      copy("财政局.xlsx", withStatus(MASTER, { "2": "已完成" }), "市财政局", baseline),
    ]);
    expect(disagree.changes).toEqual([]);
    expect(disagree.conflicts.map((c) => [c.kind, c.proposed.map((p) => p.unit)])).toEqual([
      ["disagree", ["市财政局"]],
    ]);
  });
});
