/**
 * What the pane's views show of a report, computed once where the report is made: the four counts, the
 * findings grouped by severity and rule, the overdue and due-soon tasks in the order they are chased. Lists
 * are positions in report.findings / report.tasks (typed arrays), so a view renders the rows it shows and
 * nothing else — on a 100,000-row plan the page never filters, sorts or maps the whole report.
 *
 * The analysis worker computes the digest next to the report and sends it with it (its arrays are transferred,
 * not copied); digestOf() gives that one, or computes it here for a report made in the page.
 */
import type { ReportCounts } from "../../app/progress";
import type { Report, RuleId, Severity } from "../../core/types";
import { daysBetween } from "./deadlines";
import { SEVERITY_ORDER } from "./findings";

export interface DigestRuleGroup {
  rule: RuleId;
  /** Positions in report.findings, by row then column. */
  findings: Int32Array;
}

export interface DigestSeverityGroup {
  severity: Severity;
  count: number;
  /** Most findings first, then by rule name. */
  rules: DigestRuleGroup[];
}

export interface ReportDigest {
  counts: ReportCounts;
  /** Severity groups in order error, warning, info (empty ones left out). */
  findingGroups: DigestSeverityGroup[];
  /** Per finding (same positions as report.findings): the position of the first task on its row, or -1. */
  findingTask: Int32Array;
  /** Positions in report.tasks of the overdue tasks, most days overdue first, then by row. */
  overdue: Int32Array;
  /** Positions of the due-soon tasks (with a due date), nearest first, then by row; and their days left. */
  dueSoon: Int32Array;
  dueSoonDaysLeft: Int32Array;
}

/** The four counts alone: one pass, no sorting (the worker sends them before anything else). */
export function reportCounts(report: Pick<Report, "tasks" | "findings">): ReportCounts {
  const counts = { errors: 0, warnings: 0, overdue: 0, dueSoon: 0 };
  for (const finding of report.findings) {
    if (finding.severity === "error") counts.errors++;
    else if (finding.severity === "warning") counts.warnings++;
  }
  for (const task of report.tasks) {
    if (task.status === "overdue") counts.overdue++;
    else if (task.status === "due-soon") counts.dueSoon++;
  }
  return counts;
}

export function reportDigest(report: Report): ReportDigest {
  const { tasks, findings } = report;
  const counts = reportCounts(report);

  // Findings: severity -> rule -> positions.
  const bySeverity = new Map<Severity, Map<RuleId, number[]>>();
  for (const [index, finding] of findings.entries()) {
    let rules = bySeverity.get(finding.severity);
    if (!rules) bySeverity.set(finding.severity, (rules = new Map()));
    let list = rules.get(finding.rule);
    if (!list) rules.set(finding.rule, (list = []));
    list.push(index);
  }
  const byPlace = (a: number, b: number): number => {
    const x = findings[a];
    const y = findings[b];
    return (x.row ?? 0) - (y.row ?? 0) || (x.column ?? "").localeCompare(y.column ?? "") || a - b;
  };
  const findingGroups: DigestSeverityGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const rules = bySeverity.get(severity);
    if (!rules) continue;
    let count = 0;
    const groups = [...rules.entries()].map(([rule, list]) => {
      count += list.length;
      return { rule, findings: Int32Array.from(list.sort(byPlace)) };
    });
    groups.sort((a, b) => b.findings.length - a.findings.length || a.rule.localeCompare(b.rule));
    findingGroups.push({ severity, count, rules: groups });
  }

  // Tasks: the first of each row; overdue and due-soon in the order they are chased.
  const firstOfRow = new Map<number, number>();
  const overdue: number[] = [];
  const dueSoon: { index: number; daysLeft: number }[] = [];
  for (const [index, task] of tasks.entries()) {
    if (!firstOfRow.has(task.row)) firstOfRow.set(task.row, index);
    if (task.status === "overdue") overdue.push(index);
    else if (task.status === "due-soon" && task.deadline.due !== null)
      dueSoon.push({ index, daysLeft: daysBetween(report.asOf, task.deadline.due) });
  }
  overdue.sort(
    (a, b) => (tasks[b].daysOverdue ?? 0) - (tasks[a].daysOverdue ?? 0) || tasks[a].row - tasks[b].row || a - b,
  );
  dueSoon.sort((a, b) => a.daysLeft - b.daysLeft || tasks[a.index].row - tasks[b.index].row || a.index - b.index);
  const findingTask = Int32Array.from(findings, (finding) =>
    finding.row === null ? -1 : (firstOfRow.get(finding.row) ?? -1),
  );
  return {
    counts,
    findingGroups,
    findingTask,
    overdue: Int32Array.from(overdue),
    dueSoon: Int32Array.from(dueSoon, (entry) => entry.index),
    dueSoonDaysLeft: Int32Array.from(dueSoon, (entry) => entry.daysLeft),
  };
}

/** The buffers of a digest's arrays, to transfer with the message that carries it. */
export function digestBuffers(digest: ReportDigest): ArrayBuffer[] {
  const arrays = [
    digest.findingTask,
    digest.overdue,
    digest.dueSoon,
    digest.dueSoonDaysLeft,
    ...digest.findingGroups.flatMap((group) => group.rules.map((rule) => rule.findings)),
  ];
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}

/** Digests by the report's task list: a report copied with a spread (withComparison) keeps its lists, and so
 * its digest. */
const digests = new WeakMap<Report["tasks"], { findings: Report["findings"]; asOf: string; digest: ReportDigest }>();

/** Keep the digest that came with this report (from the worker). */
export function attachDigest(report: Report, digest: ReportDigest): void {
  digests.set(report.tasks, { findings: report.findings, asOf: report.asOf, digest });
}

/** The report's digest: the one sent with it, else computed here once. */
export function digestOf(report: Report): ReportDigest {
  const known = digests.get(report.tasks);
  if (known && known.findings === report.findings && known.asOf === report.asOf) return known.digest;
  const digest = reportDigest(report);
  attachDigest(report, digest);
  return digest;
}
