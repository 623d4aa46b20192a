/** Property tests of the whole core: analyze never throws on any grid, and its totals agree with its tasks. */
import fc from "fast-check";
import { analyze } from "../../src/core/analyze";
import { locateTable } from "../../src/core/table";
import type { CellValue, Grid, Report } from "../../src/core/types";

const HEADERS = [
  "序号",
  "工作任务",
  "牵头单位",
  "责任单位",
  "完成时限",
  "完成情况",
  "責任單位",
  "Deadline",
  "Lead unit",
  "备注",
];
const WORDS = [
  "省财政厅",
  "省发改委",
  "各州、市人民政府",
  "省直有关部门",
  "牵头",
  "配合",
  "按职责分工负责",
  "、",
  "，",
  "；",
  "7月底前",
  "三季度末",
  "持续推进",
  "每季度",
  "本通知公布后30个工作日内",
  "已完成",
  "正在推进",
  "（",
  "）",
  "注：",
  "一、",
  "#N/A",
  "#REF!",
  "=SUM(A1)",
  "2017年",
  "\n",
  " ",
  "等",
  "及",
  "和",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...HEADERS, ...WORDS, "", null),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((parts) => parts.join("")),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer({ min: -1e6, max: 3e6 }),
  fc.double(),
  fc.boolean(),
);

const grid: fc.Arbitrary<Grid> = fc
  .record({
    values: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 }),
    origin: fc.record({ row: fc.integer({ min: -2, max: 40 }), column: fc.integer({ min: -2, max: 30 }) }),
    merges: fc.array(
      fc.record({
        top: fc.integer({ min: -5, max: 30 }),
        left: fc.integer({ min: -5, max: 12 }),
        bottom: fc.integer({ min: -5, max: 40 }),
        right: fc.integer({ min: -5, max: 12 }),
      }),
      { maxLength: 5 },
    ),
    mergesUnknown: fc.boolean(),
  })
  .map((g) => ({ sheet: "S", ...g }));

/** A grid that always has a plan header, so the body is really read. */
const planGrid: fc.Arbitrary<Grid> = fc
  .array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 25 })
  .map((rows) => ({
    sheet: "Plan",
    origin: { row: 1, column: 1 },
    values: [["序号", "工作任务", "牵头单位", "责任单位", "完成时限", "完成情况"], ...rows],
    merges: [],
  }));

const options = fc.record({
  asOf: fc.constantFrom("2017-08-15", "2021-07-05", "2030-01-01", "not a date"),
  published: fc.constantFrom(null, "2017-05-10", "2027-03-01", "garbage"),
  dueSoonDays: fc.oneof(fc.integer({ min: -3, max: 60 }), fc.constant(Number.NaN)),
  language: fc.constantFrom(undefined, "zh-CN" as const, "en-US" as const),
});

function totalsAgree(report: Report): void {
  for (const totals of report.totals) {
    const tasks = report.tasks.filter((t) => t.lead.includes(totals.unit) || t.responsible.includes(totals.unit));
    const leads = tasks.filter((t) => t.lead.includes(totals.unit));
    expect(totals.lead).toBe(leads.length);
    expect(totals.responsible).toBe(tasks.length - leads.length);
    expect(totals.overdue).toBe(tasks.filter((t) => t.status === "overdue").length);
    expect(totals.overdueAsLead).toBe(leads.filter((t) => t.status === "overdue").length);
    expect(totals.dueSoon).toBe(tasks.filter((t) => t.status === "due-soon").length);
    expect(totals.done).toBe(tasks.filter((t) => t.status === "done").length);
  }
  const units = new Set(report.tasks.flatMap((t) => [...t.lead, ...t.responsible]));
  expect(new Set(report.totals.map((t) => t.unit))).toEqual(units);
}

describe("analyze on any grid", () => {
  it("never throws, and every finding names a rule with a message", () => {
    fc.assert(
      fc.property(fc.array(grid, { maxLength: 3 }), options, (grids, opts) => {
        const report = analyze(grids, opts);
        for (const finding of report.findings) {
          expect(finding.message.length).toBeGreaterThan(0);
          expect(["error", "warning", "info"]).toContain(finding.severity);
        }
        for (const task of report.tasks) {
          expect(task.lead.every((u) => u.length > 0)).toBe(true);
          expect(task.responsible.some((u) => task.lead.includes(u))).toBe(false);
          if (task.deadline.due !== null) expect(task.deadline.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads plan bodies of random cells with totals that agree with the tasks", () => {
    fc.assert(
      fc.property(planGrid, options, (g, opts) => {
        const report = analyze([g], opts);
        expect(report.table).not.toBeNull();
        totalsAgree(report);
        const overdue = report.tasks.filter((t) => t.status === "overdue");
        for (const task of overdue) expect(task.daysOverdue).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("locateTable never throws on ragged rows, nulls and huge strings", () => {
    const huge = "责任单位".repeat(250_000);
    const ragged: Grid = {
      sheet: "R",
      origin: { row: 1, column: 1 },
      values: [[huge, "完成时限"], [], [null as unknown as CellValue], [1, 2, 3, 4, 5, 6, 7], ["#N/A", "#REF!"]],
      merges: [{ top: 1, left: 1, bottom: 1_000_000, right: 16_384 }],
    };
    expect(() => locateTable(ragged)).not.toThrow();
    expect(() => analyze([ragged])).not.toThrow();
    // Not even malformed shapes from a careless adapter.
    const broken = {
      sheet: "B",
      origin: { row: 1, column: 1 },
      values: [null, "x", [1]],
      merges: [null],
    } as unknown as Grid;
    expect(() => analyze([broken])).not.toThrow();
  });
});
