/**
 * The workbook's own holiday schedule (sheet 节假日安排 / Holidays) for a year chinese-days does not know yet.
 *
 * The 2027 schedule below is HAND-ENTERED and only plausible, not the official one (the State Council publishes
 * it in the autumn before): the Spring Festival (正月初一) falls on Saturday 6 February 2027; the break is taken
 * as 除夕 Friday 5 February to Friday 12 February, with Sunday 31 January and Saturday 20 February as adjusted
 * working days.
 */
import { analyze } from "../../src/core/analyze";
import {
  holidayDate,
  isHolidaySheet,
  isReferenceSheet,
  readHolidayGrid,
  readHolidaySchedule,
} from "../../src/core/holidays";
import type { CellValue, Grid } from "../../src/core/types";
import { isoToExcelSerial } from "../../src/core/dates";
import { grid } from "./helpers";

const SPRING_FESTIVAL_2027: CellValue[][] = [
  ["2027年部分节假日安排（手工录入，待国务院办公厅通知发布后核对）", null, null],
  ["日期", "安排", "节日"],
  ["2027-01-31", "班", "春节"],
  ...["05", "06", "07", "08", "09", "10", "11", "12"].map((day): CellValue[] => [`2027-02-${day}`, "休", "春节"]),
  ["2027-02-20", "班", "春节"],
];

/** A city plan published Monday 25 January 2027, one task due 15 working days after publication. */
function plan(): Grid {
  return grid("分工方案", [
    ["某市2027年优化营商环境重点任务分工方案", null, null, null, null],
    ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
    [1, "制定企业开办全程网办实施细则", "市市场监管局", "市政务服务局", "印发之日起15个工作日内"],
    [2, "公布涉企收费目录清单", "市发展改革委", "市财政局", "2027年6月底前"],
  ]);
}

const options = { asOf: "2027-02-16", published: "2027-01-25", language: "zh-CN" as const };

describe("a 2027 working-day deadline across the Spring Festival", () => {
  it("without the schedule: counted Monday–Friday, and the finding says how to add the schedule", () => {
    const report = analyze([plan()], options);
    expect(report.tasks[0].deadline.due).toBe("2027-02-15");
    const finding = report.findings.find((f) => f.rule === "deadline.outside-calendar");
    expect(finding?.row).toBe(3);
    expect(finding?.message).toContain("节假日安排");
    expect(finding?.message).toContain("休");
    expect(finding?.message).toContain("--holidays");
    const english = analyze([plan()], { ...options, language: "en-US" });
    expect(english.findings.find((f) => f.rule === "deadline.outside-calendar")?.message).toMatch(
      /sheet named "Holidays".*--holidays FILE/,
    );
  });

  it("with the workbook's sheet 节假日安排: the break is skipped and the adjusted Saturday counts", () => {
    const report = analyze([plan(), grid("节假日安排", SPRING_FESTIVAL_2027)], options);
    // 26–29 Jan (4), Sun 31 Jan (5), 1–4 Feb (9), break 5–12 Feb, 15–19 Feb (14), Sat 20 Feb (15).
    expect(report.tasks[0].deadline.due).toBe("2027-02-20");
    expect(report.tasks[0].status).toBe("due-soon");
    expect(report.findings.map((f) => f.rule)).not.toContain("deadline.outside-calendar");
  });

  it("with the schedule given as options (the CLI's --holidays), the same date", () => {
    const schedule = readHolidayGrid(grid("2027节假日", SPRING_FESTIVAL_2027))!;
    const report = analyze([plan()], { ...options, calendar: schedule });
    expect(report.tasks[0].deadline.due).toBe("2027-02-20");
  });

  it("finds the plan and applies the schedule when the holiday sheet comes first", () => {
    const report = analyze([grid("Holidays", SPRING_FESTIVAL_2027), plan()], options);
    expect(report.table?.sheet).toBe("分工方案");
    expect(report.tasks[0].deadline.due).toBe("2027-02-20");
  });
});

describe("reading a schedule", () => {
  it("recognises the sheet names, in simplified, traditional and English", () => {
    for (const name of ["节假日安排", "節假日安排", "Holidays", " holiday schedule ", "放假安排"])
      expect([name, isHolidaySheet(name)]).toEqual([name, true]);
    for (const name of ["分工方案", "节假日值班安排", "Sheet1"])
      expect([name, isHolidaySheet(name)]).toEqual([name, false]);
    expect(isReferenceSheet("单位名录")).toBe(true);
    expect(isReferenceSheet("節假日安排")).toBe(true);
  });

  it("reads dates as Excel serials and as people type them, and 休/班 in their longer forms", () => {
    const schedule = readHolidaySchedule([
      grid("节假日安排", [
        ["日期", "类型"],
        [isoToExcelSerial("2027-10-01"), "放假"],
        ["2027年10月9日", "上班"],
        ["2027/10/2", "休息"],
        ["2027.10.03", "Holiday"],
        ["２０２７－１０－０４", "休"],
        ["10月5日", "休"],
        ["2027-10-06", "待定"],
        [null, null],
      ]),
    ])!;
    expect(schedule.holidays).toEqual(["2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04"]);
    expect(schedule.workdays).toEqual(["2027-10-09"]);
    // A date without its year, and a kind that is neither 休 nor 班: named by their sheet rows, not guessed.
    expect(schedule.unreadRows).toEqual([7, 8]);
  });

  it("reads a list without a header: a date column with 休/班 beside it", () => {
    const schedule = readHolidayGrid(
      grid("Holidays", [
        ["2027 (entered by hand)", null, null],
        [null, "2027-05-01", "休"],
        [null, "2027-05-08", "班"],
      ]),
    );
    expect(schedule).toEqual({ sheet: "Holidays", holidays: ["2027-05-01"], workdays: ["2027-05-08"], unreadRows: [] });
  });

  it("gives nothing for a sheet without a single 休/班 date", () => {
    expect(
      readHolidaySchedule([
        grid("节假日安排", [
          ["日期", "安排"],
          ["待通知发布后填写", null],
        ]),
      ]),
    ).toBeNull();
    expect(holidayDate("2027-02-30")).toBeNull();
    expect(holidayDate(46000.5)).toBeNull();
  });
});
