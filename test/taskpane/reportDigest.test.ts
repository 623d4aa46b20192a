/**
 * The pane's report digest (src/taskpane/model/reportDigest.ts): what the views show of a report, computed where
 * the report is made. It must list exactly what the views listed before it existed (groupFindings, overdueTasks,
 * dueSoonTasks, the four counts), only as positions, and follow a report through a spread copy.
 */
import { generatePlan } from "../../bench/generatePlan";
import { analyze } from "../../src/core/analyze";
import { withComparison } from "../../src/core/compare";
import type { Report } from "../../src/core/types";
import { dueSoonTasks, overdueTasks } from "../../src/taskpane/model/deadlines";
import { countBySeverity, findingUnits, groupFindings, tasksByRow } from "../../src/taskpane/model/findings";
import { attachDigest, digestOf, reportCounts, reportDigest } from "../../src/taskpane/model/reportDigest";
import { finding, report as handMadeReport, task } from "./fixtures";

const options = { asOf: "2024-08-15", published: "2024-03-01" };

describe("reportDigest", () => {
  let generated: Report;
  beforeAll(() => {
    generated = analyze([generatePlan({ rows: 3000, layout: "two-column", seed: 11 }).grid], options);
  });

  it("groups the findings as groupFindings does, as positions in report.findings", () => {
    const digest = reportDigest(generated);
    const expected = groupFindings(generated.findings);
    expect(expected.length).toBeGreaterThan(1);
    expect(
      digest.findingGroups.map((group) => ({
        severity: group.severity,
        count: group.count,
        rules: group.rules.map((rule) => ({
          rule: rule.rule,
          findings: [...rule.findings].map((position) => generated.findings[position]),
        })),
      })),
    ).toEqual(expected);
  });

  it("counts and orders overdue and due-soon tasks as the deadline lists do", () => {
    const digest = reportDigest(generated);
    const overdue = overdueTasks(generated.tasks);
    const dueSoon = dueSoonTasks(generated.tasks, generated.asOf);
    expect(overdue.length).toBeGreaterThan(20);
    expect(dueSoon.length).toBeGreaterThan(5);
    expect([...digest.overdue].map((position) => generated.tasks[position])).toEqual(overdue);
    expect([...digest.dueSoon].map((position) => generated.tasks[position])).toEqual(dueSoon.map((d) => d.task));
    expect([...digest.dueSoonDaysLeft]).toEqual(dueSoon.map((d) => d.daysLeft));
    expect(digest.counts).toEqual({
      errors: countBySeverity(generated.findings, "error"),
      warnings: countBySeverity(generated.findings, "warning"),
      overdue: generated.tasks.filter((t) => t.status === "overdue").length,
      dueSoon: generated.tasks.filter((t) => t.status === "due-soon").length,
    });
    // The counts alone (sent before the lists) are the digest's.
    expect(reportCounts(generated)).toEqual(digest.counts);
  });

  it("points each finding at the first task of its row, so its units are the ones findingUnits names", () => {
    const digest = reportDigest(generated);
    const byRow = tasksByRow(generated.tasks);
    generated.findings.forEach((item, position) => {
      const index = digest.findingTask[position];
      const task = index >= 0 ? generated.tasks[index] : undefined;
      expect(findingUnits(item, task ? [task] : [])).toEqual(findingUnits(item, generated.tasks, byRow));
    });
  });

  it("sorts a hand-made report: most days overdue first, ties by row; findings by row then column", () => {
    const report = handMadeReport({
      asOf: "2024-08-15",
      tasks: [
        task(9, { status: "overdue", daysOverdue: 3, lead: ["潍坊市发展改革委"] }),
        task(7, { status: "overdue", daysOverdue: 40, lead: ["市财政局"] }),
        task(8, { status: "overdue", daysOverdue: 3, lead: ["高新区管委会"] }),
        task(10, {
          status: "due-soon",
          deadline: { text: "8月20日前", kind: "date", due: "2024-08-20" },
          lead: ["市教育局"],
        }),
        task(11, {
          status: "due-soon",
          deadline: { text: "8月16日前", kind: "date", due: "2024-08-16" },
          lead: ["市卫生健康委"],
        }),
      ],
      findings: [
        finding("lead.multiple", "warning", 9, { column: "D" }),
        finding("lead.multiple", "warning", 7, { column: "D" }),
        finding("lead.missing", "error", 12),
      ],
    });
    const digest = reportDigest(report);
    expect([...digest.overdue].map((position) => report.tasks[position].row)).toEqual([7, 8, 9]);
    expect([...digest.dueSoon].map((position) => report.tasks[position].row)).toEqual([11, 10]);
    expect([...digest.dueSoonDaysLeft]).toEqual([1, 5]);
    expect(digest.findingGroups.map((group) => group.severity)).toEqual(["error", "warning"]);
    expect([...digest.findingGroups[1].rules[0].findings]).toEqual([1, 0]);
    expect([...digest.findingTask]).toEqual([0, 1, -1]);
    expect(digest.counts).toEqual({ errors: 1, warnings: 2, overdue: 3, dueSoon: 2 });
  });

  it("digestOf gives the attached digest, also for a spread copy of the report (withComparison), and not for another report", () => {
    const sent = reportDigest(generated);
    attachDigest(generated, sent);
    expect(digestOf(generated)).toBe(sent);
    const copy = withComparison(generated, [], { dueSoonDays: 7 });
    expect(copy).not.toBe(generated);
    expect(digestOf(copy)).toBe(sent);
    const other = { ...generated, tasks: generated.tasks.slice(0, 10) };
    expect(digestOf(other)).not.toBe(sent);
    expect(digestOf(other).counts.overdue).toBe(other.tasks.filter((t) => t.status === "overdue").length);
  });
});
