/**
 * "Done late" without a completion-date column: the date comes from the check records (the first check of the
 * latest run that saw the task done), wired by annotate / writeAssessmentSheet through completionDatesFrom.
 */
import { completionDatesFrom } from "../../src/app/history";
import { analyze } from "../../src/core/analyze";
import { assessUnits } from "../../src/core/assessment";
import { recordOf } from "../../src/core/history";
import { grid } from "../core/helpers";

const HEADER = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "完成情况"];
const planAt = (status1: string, status2: string) =>
  grid("分工方案", [
    ["2017年某市政务公开重点任务分工"],
    HEADER,
    ["1", "编制政务公开事项标准目录", "市发展改革委", "", "2017年6月30日", status1],
    ["2", "推进财政预决算信息公开", "市财政局", "", "2017年9月30日", status2],
  ]);

describe("completion dates from the check records", () => {
  // Quarter 2 (as of 06-30): task 1 open, task 2 open. Quarter 3 (as of 07-15): task 1 done (late: due 06-30),
  // task 2 done (on time). Year end (12-20): both still done.
  const q2 = analyze([planAt("正在推进", "正在推进")], { asOf: "2017-06-30" });
  const q3 = analyze([planAt("已完成", "已完成")], { asOf: "2017-07-15" });
  const yearEnd = analyze([planAt("已完成", "已完成")], { asOf: "2017-12-20" });
  const records = [recordOf(q2, "2017-06-30T08:00:00Z"), recordOf(q3, "2017-07-15T08:00:00Z")];

  it("dates each done task by the first check that saw it done", () => {
    const completedOn = completionDatesFrom(yearEnd, records)!;
    expect(yearEnd.tasks.map((task) => completedOn(task))).toEqual(["2017-07-15", "2017-07-15"]);
  });

  it("turns a task first seen done after its deadline into done late in the assessment", () => {
    const units = assessUnits(yearEnd, undefined, completionDatesFrom(yearEnd, records));
    const byUnit = Object.fromEntries(units.units.map((u) => [u.unit, u]));
    expect(byUnit["市发展改革委"]).toMatchObject({ doneLate: 1, doneOnTime: 0 });
    expect(byUnit["市财政局"]).toMatchObject({ doneLate: 0, doneOnTime: 1 });
    expect(byUnit["市发展改革委"].score).toBeLessThan(byUnit["市财政局"].score);
  });

  it("vouches for nothing when the oldest record already saw the task done", () => {
    const completedOn = completionDatesFrom(yearEnd, [recordOf(q3, "2017-07-15T08:00:00Z")])!;
    expect(yearEnd.tasks.map((task) => completedOn(task))).toEqual([null, null]);
    const units = assessUnits(yearEnd, undefined, completedOn);
    expect(units.units.every((u) => u.doneLate === 0)).toBe(true);
  });

  it("gives nothing without records (done tasks then count as on time)", () => {
    expect(completionDatesFrom(yearEnd, [])).toBeUndefined();
  });
});
