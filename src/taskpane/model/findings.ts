/** Findings grouped for display: by severity (errors first), then by rule, with counts. */
import type { Finding, RuleId, Severity, Task } from "../../core/types";

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export interface RuleGroup {
  rule: RuleId;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

const byRow = (a: Finding, b: Finding): number =>
  (a.row ?? 0) - (b.row ?? 0) || (a.column ?? "").localeCompare(b.column ?? "");

/** Severity groups in order error, warning, info (empty ones left out); rules by count, then name; findings by row. */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const ofSeverity = findings.filter((finding) => finding.severity === severity);
    if (ofSeverity.length === 0) continue;
    const byRule = new Map<RuleId, Finding[]>();
    for (const finding of ofSeverity) {
      const list = byRule.get(finding.rule) ?? [];
      list.push(finding);
      byRule.set(finding.rule, list);
    }
    const rules = [...byRule.entries()]
      .map(([rule, list]) => ({ rule, findings: [...list].sort(byRow) }))
      .sort((a, b) => b.findings.length - a.findings.length || a.rule.localeCompare(b.rule));
    groups.push({ severity, count: ofSeverity.length, rules });
  }
  return groups;
}

export function countBySeverity(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

const UNIT_PARAMS = ["unit", "units", "lead", "name"];

/**
 * The units a finding is about: the unit named in its parameters when there is one, else the units of the
 * task on its row (lead first, then responsible). Empty for table-wide findings.
 */
export function findingUnits(
  finding: Finding,
  tasks: readonly Task[],
  /** tasksByRow(tasks), when many findings are looked up (a big plan: one search per finding is quadratic). */
  byRow?: ReadonlyMap<number, Task>,
): string[] {
  for (const key of UNIT_PARAMS) {
    const value = finding.params[key];
    if (typeof value === "string" && value.trim() !== "") return [value];
  }
  if (finding.row === null) return [];
  const row = finding.row;
  const task = byRow ? byRow.get(row) : tasks.find((candidate) => candidate.row === row);
  if (!task) return [];
  return task.lead.length > 0 ? task.lead : task.responsible;
}

/** "第14行（C14）：" / "Row 14 (C14): " at the start of a message (the core's way of naming the place). */
const PLACE_PREFIX = /^(?:第\s*(\d+)\s*行(?:（[A-Z]{1,3}\d+）)?[：:]\s*|Row (\d+)(?: \([A-Z]{1,3}\d+\))?:\s*)/;

/**
 * The message without its leading row and cell, for a card that already shows them on its own line. Only the
 * finding's own row is taken off; any other message is shown whole.
 */
export function messageWithoutPlace(finding: Finding): string {
  const match = PLACE_PREFIX.exec(finding.message);
  if (!match || finding.row === null || Number(match[1] ?? match[2]) !== finding.row) return finding.message;
  return finding.message.slice(match[0].length);
}

/** The tasks by their sheet row (the first task of a row, as findingUnits' search finds it). */
export function tasksByRow(tasks: readonly Task[]): Map<number, Task> {
  const byRow = new Map<number, Task>();
  for (const task of tasks) if (!byRow.has(task.row)) byRow.set(task.row, task);
  return byRow;
}
