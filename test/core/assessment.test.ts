import { analyze } from "../../src/core/analyze";
import { assessUnits, assessmentWeights, DEFAULT_ASSESSMENT_WEIGHTS } from "../../src/core/assessment";
import { assessmentLists } from "../../src/core/assessmentText";
import { isoToExcelSerial } from "../../src/core/dates";
import type { Task } from "../../src/core/types";
import { grid } from "./helpers";

/*
 * A small plan, as of 2017-12-20, scored by hand with the default weights
 * (lead 2, cooperating 1; done on time 100, done late 80, open 60, overdue 40 less 0.5 per day, never below 0):
 *
 *  #  lead            cooperating     deadline     status / 完成时间            outcome             points
 *  1  省发展改革委    省财政厅        2017-06-30   已完成 2017年6月20日         on time             100
 *  2  省发展改革委    —               2017-09-30   已完成 2017-10-10            late                 80
 *  3  省财政厅        省自然资源厅    2017-11-30   正在推进                     overdue 20 days      40 − 10 = 30
 *  4  省自然资源厅    省发展改革委    2017-12-31   正在推进                     open (11 days left)  60
 *  5  省住房城乡建设厅 —              2017-03-31   未启动                       overdue 264 days     40 − 132 → 0
 *  6  省教育厅        —               2017-05-31   已办结 (no date)             on time (no date)   100
 *  7  省卫生健康委    —               2017-08-31   已完成 2017/8/31 (Excel date) on time (on the day) 100
 *
 *  (264 days: April 30 + May 31 + June 30 + July 31 + August 31 + September 30 + October 31 + November 30 = 244, + 20.)
 *
 *  省发展改革委: (2×100 + 2×80 + 1×60) / (2+2+1) = 420 / 5 = 84.0
 *  省财政厅:     (1×100 + 2×30) / (1+2)         = 160 / 3 = 53.3
 *  省自然资源厅: (1×30 + 2×60) / (1+2)          = 150 / 3 = 50.0
 *  省住房城乡建设厅: 2×0 / 2 = 0.0
 *  省教育厅:     2×100 / 2 = 100.0
 *  省卫生健康委: 2×100 / 2 = 100.0
 *
 *  Competition ranking: 100, 100, 84, 53.3, 50, 0 -> ranks 1, 1, 3, 4, 5, 6 (equal scores by name: 卫 U+536B < 教 U+6559).
 *
 *  With the history saying task 6 was first seen done on 2017-06-15 (after its due date 05-31): late, 80 ->
 *  省教育厅 2×80 / 2 = 80.0, and the ranking becomes 100, 84, 80, 53.3, 50, 0 -> 1, 2, 3, 4, 5, 6.
 */
const HEADER = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "完成情况", "完成时间"];
const plan = () =>
  grid("分工方案", [
    ["2017年深化政务公开重点任务分工"],
    HEADER,
    ["1", "制定政务公开事项标准目录", "省发改委", "省财政厅", "2017年6月30日", "已完成", "2017年6月20日"],
    ["2", "推进重大建设项目批准和实施信息公开", "省发展改革委", "", "2017年9月底前", "已完成", "2017-10-10"],
    ["3", "推进财政预决算信息公开", "省财政厅", "省自然资源厅", "2017年11月30日前", "正在推进", ""],
    ["4", "推进征地信息公开", "省自然资源厅", "省发展改革委", "2017年12月31日", "正在推进", ""],
    ["5", "推进保障性住房信息公开", "省住房城乡建设厅", "", "一季度末", "未启动", ""],
    ["6", "推进教育收费信息公开", "省教育厅", "", "2017年5月31日", "已办结", ""],
    ["7", "推进医疗卫生机构信息公开", "省卫生健康委", "", "2017年8月31日", "已完成", isoToExcelSerial("2017-08-31")],
  ]);

describe("assessment", () => {
  const report = analyze([plan()], { asOf: "2017-12-20" });

  it("reads 完成时间 beside 完成时限 as the completion date, not as a second deadline", () => {
    expect(report.table?.columns.deadline).toBe(5);
    expect(report.table?.columns.completed).toBe(7);
    expect(report.findings.filter((f) => f.rule === "table.duplicate-column")).toEqual([]);
    expect(report.tasks.map((t) => t.completed)).toEqual([
      "2017-06-20",
      "2017-10-10",
      null,
      null,
      null,
      null,
      "2017-08-31",
    ]);
  });

  it("scores and ranks the units as computed by hand, ties sharing a rank (1, 1, 3, …)", () => {
    const assessment = assessUnits(report);
    expect(assessment.units.map((u) => [u.unit, u.score, u.rank])).toEqual([
      ["省卫生健康委", 100, 1],
      ["省教育厅", 100, 1],
      ["省发展改革委", 84, 3],
      ["省财政厅", 53.3, 4],
      ["省自然资源厅", 50, 5],
      ["省住房城乡建设厅", 0, 6],
    ]);
    const byUnit = new Map(assessment.units.map((u) => [u.unit, u]));
    expect(byUnit.get("省发展改革委")).toMatchObject({
      lead: 2,
      responsible: 1,
      doneOnTime: 1,
      doneLate: 1,
      overdue: 0,
      overdueDays: 0,
    });
    expect(byUnit.get("省财政厅")).toMatchObject({
      lead: 1,
      responsible: 1,
      doneOnTime: 1,
      overdue: 1,
      overdueDays: 20,
    });
    expect(byUnit.get("省住房城乡建设厅")).toMatchObject({ lead: 1, overdue: 1, overdueDays: 264 });
  });

  it("gives the lists of the year-end circular", () => {
    const assessment = assessUnits(report);
    expect(assessment.allLeadOnTime).toEqual(["省卫生健康委", "省教育厅"]);
    // Both have one lead task overdue: the longer overdue first.
    expect(assessment.leadOverdue).toEqual(["省住房城乡建设厅", "省财政厅"]);
    const lists = assessmentLists(assessment, "zh-CN");
    expect(lists.onTime).toBe("按时完成全部牵头任务的单位（2个）：省卫生健康委、省教育厅。");
    expect(lists.overdue).toBe("牵头任务逾期未完成的单位（2个）：省住房城乡建设厅、省财政厅。");
  });

  it("takes the first check that saw a task done when the plan has no completion date for it", () => {
    const firstSeenDone = new Map([["6|推进教育收费信息公开", "2017-06-15"]]);
    const completedOn = (task: Task) => firstSeenDone.get(`${task.id}|${task.text}`);
    const assessment = assessUnits(report, null, completedOn);
    expect(assessment.units.map((u) => [u.unit, u.score, u.rank])).toEqual([
      ["省卫生健康委", 100, 1],
      ["省发展改革委", 84, 2],
      ["省教育厅", 80, 3],
      ["省财政厅", 53.3, 4],
      ["省自然资源厅", 50, 5],
      ["省住房城乡建设厅", 0, 6],
    ]);
    expect(assessment.allLeadOnTime).toEqual(["省卫生健康委"]);
  });

  it("follows the weights of the settings", () => {
    // Lead and cooperating weighed alike: 省发展改革委 (100 + 80 + 60) / 3 = 80.0; 省财政厅 (100 + 30) / 2 = 65.0.
    const assessment = assessUnits(report, { lead: 1, responsible: 1 });
    const byUnit = new Map(assessment.units.map((u) => [u.unit, u.score]));
    expect(byUnit.get("省发展改革委")).toBe(80);
    expect(byUnit.get("省财政厅")).toBe(65);
    // No per-day deduction: 省住房城乡建设厅's overdue task keeps its 40 points.
    expect(
      new Map(assessUnits(report, { perOverdueDay: 0 }).units.map((u) => [u.unit, u.score])).get("省住房城乡建设厅"),
    ).toBe(40);
  });

  it("replaces unusable weights by their defaults", () => {
    expect(assessmentWeights({ lead: -1, open: Number.NaN, doneLate: 70 })).toEqual({
      ...DEFAULT_ASSESSMENT_WEIGHTS,
      doneLate: 70,
    });
  });

  it("keeps 完成时间 as the deadline when it is the only deadline column", () => {
    const single = analyze(
      [
        grid("Sheet1", [
          ["序号", "工作任务", "牵头单位", "完成时间", "完成情况"],
          ["1", "编制年度工作要点", "市政府办公室", "2017年3月底前", "已完成"],
        ]),
      ],
      { asOf: "2017-12-20" },
    );
    expect(single.table?.columns.deadline).toBe(4);
    expect(single.table?.columns.completed).toBeUndefined();
    expect(single.tasks[0].completed).toBeUndefined();
  });

  it("reads a 办结时间 column wherever it stands", () => {
    const report2 = analyze(
      [
        grid("台账", [
          ["序号", "办结时间", "重点工作", "责任单位", "时间节点", "进展情况"],
          ["1", "2017.4.2", "出台优化营商环境实施意见", "县发改局牵头，县财政局配合", "3月底前", "已完成"],
        ]),
      ],
      { asOf: "2017-12-20" },
    );
    expect(report2.table?.columns.completed).toBe(2);
    const assessment = assessUnits(report2);
    expect(assessment.units.find((u) => u.unit === "县发展改革局")).toMatchObject({ doneLate: 1, score: 80 });
  });
});
