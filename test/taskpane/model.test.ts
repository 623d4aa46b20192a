import { countBySeverity, findingUnits, groupFindings } from "../../src/taskpane/model/findings";
import { daysBetween, dueSoonTasks, overdueTasks } from "../../src/taskpane/model/deadlines";
import { overdueBars, sortTotals } from "../../src/taskpane/model/totals";
import { finding, task, totals } from "./fixtures";

describe("groupFindings", () => {
  const findings = [
    finding("unit.alias", "info", 16),
    finding("lead.multiple", "warning", 10),
    finding("lead.missing", "error", 14),
    finding("unit.duplicate", "warning", 13),
    finding("lead.multiple", "warning", 7),
    finding("table.no-lead-column", "warning", null),
  ];

  it("orders severities error, warning, info and counts each", () => {
    const groups = groupFindings(findings);
    expect(groups.map((group) => [group.severity, group.count])).toEqual([
      ["error", 1],
      ["warning", 4],
      ["info", 1],
    ]);
  });

  it("puts the rule with most findings first and sorts findings by row (table-wide first)", () => {
    const warnings = groupFindings(findings)[1];
    expect(warnings.rules.map((rule) => rule.rule)).toEqual([
      "lead.multiple",
      "table.no-lead-column",
      "unit.duplicate",
    ]);
    expect(warnings.rules[0].findings.map((f) => f.row)).toEqual([7, 10]);
  });

  it("leaves out empty severities", () => {
    expect(groupFindings([finding("unit.alias", "info", 3)]).map((group) => group.severity)).toEqual(["info"]);
    expect(groupFindings([])).toEqual([]);
  });

  it("counts by severity", () => {
    expect(countBySeverity(findings, "warning")).toBe(4);
    expect(countBySeverity(findings, "error")).toBe(1);
  });
});

describe("findingUnits", () => {
  const tasks = [
    task(14, { lead: [], responsible: ["省直有关部门", "各州、市人民政府"] }),
    task(10, { lead: ["省发展改革委", "省财政厅"] }),
  ];

  it("takes the unit named in the finding's parameters first", () => {
    expect(findingUnits(finding("unit.alias", "info", 10, { params: { unit: "省发改委" } }), tasks)).toEqual([
      "省发改委",
    ]);
  });

  it("falls back to the row's lead units, then its responsible units", () => {
    expect(findingUnits(finding("lead.multiple", "warning", 10), tasks)).toEqual(["省发展改革委", "省财政厅"]);
    expect(findingUnits(finding("lead.missing", "error", 14), tasks)).toEqual(["省直有关部门", "各州、市人民政府"]);
  });

  it("names no unit for table-wide findings or rows without a task", () => {
    expect(findingUnits(finding("table.no-lead-column", "warning", null), tasks)).toEqual([]);
    expect(findingUnits(finding("task.empty", "warning", 99), tasks)).toEqual([]);
  });
});

describe("deadlines", () => {
  it("counts whole days between plain dates, across months and DST changes", () => {
    expect(daysBetween("2017-07-31", "2017-08-15")).toBe(15);
    expect(daysBetween("2017-08-15", "2017-08-15")).toBe(0);
    expect(daysBetween("2024-03-30", "2024-04-01")).toBe(2);
    expect(daysBetween("2017-12-31", "2018-01-01")).toBe(1);
  });

  it("lists overdue tasks most days overdue first, ties by row", () => {
    const tasks = [
      task(7, { status: "overdue", daysOverdue: 46 }),
      task(5, { status: "done" }),
      task(10, { status: "overdue", daysOverdue: 15 }),
      task(12, { status: "overdue", daysOverdue: 46 }),
    ];
    expect(overdueTasks(tasks).map((t) => t.row)).toEqual([7, 12, 10]);
  });

  it("lists due-soon tasks nearest first, with the days left", () => {
    const tasks = [
      task(8, { status: "due-soon", deadline: { text: "8月20日", kind: "date", due: "2017-08-20" } }),
      task(9, { status: "due-soon", deadline: { text: "8月15日", kind: "date", due: "2017-08-15" } }),
      task(11, { status: "open", deadline: { text: "9月底", kind: "month", due: "2017-09-30" } }),
    ];
    expect(dueSoonTasks(tasks, "2017-08-15").map(({ task: t, daysLeft }) => [t.row, daysLeft])).toEqual([
      [9, 0],
      [8, 5],
    ]);
  });
});

describe("sortTotals", () => {
  const rows = [
    totals("省财政厅", { lead: 1, overdue: 1, completionRate: 0 }),
    totals("省政府办公厅", { lead: 6, overdue: 1, completionRate: 0.5 }),
    totals("各州、市人民政府", { lead: 1, responsible: 3, overdue: 0, completionRate: null }),
    totals("省发展改革委", { lead: 1, overdue: 2, completionRate: 0.25 }),
  ];

  it("sorts numbers both ways, keeping the given order for ties", () => {
    expect(sortTotals(rows, "overdue", "descending").map((r) => r.unit)).toEqual([
      "省发展改革委",
      "省财政厅",
      "省政府办公厅",
      "各州、市人民政府",
    ]);
    expect(sortTotals(rows, "overdue", "ascending").map((r) => r.unit)).toEqual([
      "各州、市人民政府",
      "省财政厅",
      "省政府办公厅",
      "省发展改革委",
    ]);
  });

  it("puts units without a completion rate last in either direction", () => {
    expect(sortTotals(rows, "completionRate", "ascending").map((r) => r.completionRate)).toEqual([0, 0.25, 0.5, null]);
    expect(sortTotals(rows, "completionRate", "descending").map((r) => r.completionRate)).toEqual([0.5, 0.25, 0, null]);
  });

  it("sorts unit names in Chinese collation and does not change its input", () => {
    const before = rows.map((r) => r.unit);
    const sorted = sortTotals(rows, "unit", "ascending").map((r) => r.unit);
    expect(sorted).toEqual([...sorted].sort(new Intl.Collator("zh-CN").compare));
    expect(sortTotals(rows, "unit", "descending").map((r) => r.unit)).toEqual([...sorted].reverse());
    expect(rows.map((r) => r.unit)).toEqual(before);
  });
});

describe("overdueBars", () => {
  it("keeps units with overdue tasks, most first, up to the limit, and counts the rest", () => {
    const rows = [
      totals("甲", { overdue: 1 }),
      totals("乙", { overdue: 0 }),
      totals("丙", { overdue: 4 }),
      totals("丁", { overdue: 2 }),
    ];
    const chart = overdueBars(rows, 2);
    expect(chart.bars).toEqual([
      { unit: "丙", overdue: 4 },
      { unit: "丁", overdue: 2 },
    ]);
    expect(chart.more).toBe(1);
    expect(chart.max).toBe(4);
    expect(overdueBars([totals("乙")]).bars).toEqual([]);
  });
});
