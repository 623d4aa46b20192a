/**
 * The --json shape (issue 4; documented in docs/cli.md; keep it stable). One file: one object.
 * Several files: an array of those objects, then one last element { combined: true, files, totals }.
 */
import { columnLetter } from "../core/address";
import type { Combined } from "../app/combine";
import type { Report, Role, UnitTotals } from "../core/types";

export interface JsonTask {
  row: number;
  id: string | null;
  section: string | null;
  text: string;
  lead: string[];
  responsible: string[];
  deadline: { text: string; kind: string; due: string | null };
  status: string;
  daysOverdue: number | null;
}

export interface JsonFinding {
  rule: string;
  severity: string;
  row: number | null;
  column: string | null;
  message: string;
  suggestion: string | null;
}

export interface JsonReport {
  file: string;
  sheet: string | null;
  headerRow: number | null;
  asOf: string;
  columns: Partial<Record<Role, string>>;
  tasks: JsonTask[];
  findings: JsonFinding[];
  totals: UnitTotals[];
  summary: { text: string; html: string; tsv: string };
}

export interface JsonCombined {
  combined: true;
  files: string[];
  totals: UnitTotals[];
}

export function reportJson(file: string, report: Report): JsonReport {
  const table = report.table;
  const columns: Partial<Record<Role, string>> = {};
  if (table) {
    for (const [role, column] of Object.entries(table.columns) as [Role, number | undefined][]) {
      if (typeof column === "number") columns[role] = columnLetter(column);
    }
  }
  return {
    file,
    sheet: table ? table.sheet : null,
    headerRow: table ? table.headerRow : null,
    asOf: report.asOf,
    columns,
    tasks: report.tasks.map((task) => ({
      row: task.row,
      id: task.id,
      section: task.section,
      text: task.text,
      lead: task.lead,
      responsible: task.responsible,
      deadline: { text: task.deadline.text, kind: task.deadline.kind, due: task.deadline.due },
      status: task.status,
      daysOverdue: task.daysOverdue,
    })),
    findings: report.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      row: finding.row,
      column: finding.column,
      message: finding.message,
      suggestion: finding.suggestion,
    })),
    totals: report.totals.map((t) => ({
      unit: t.unit,
      lead: t.lead,
      responsible: t.responsible,
      overdue: t.overdue,
      overdueAsLead: t.overdueAsLead,
      dueSoon: t.dueSoon,
      done: t.done,
      completionRate: t.completionRate,
    })),
    summary: { text: report.summary.text, html: report.summary.html, tsv: report.summary.tsv },
  };
}

export function combinedJson(files: string[], combined: Combined): JsonCombined {
  return { combined: true, files, totals: combined.totals };
}

/** The whole --json output for one or several checked files. */
export function jsonOutput(results: readonly { file: string; report: Report }[], combined: Combined | null): string {
  const reports = results.map((result) => reportJson(result.file, result.report));
  const value =
    reports.length === 1 && !combined
      ? reports[0]
      : [
          ...reports,
          ...(combined
            ? [
                combinedJson(
                  results.map((r) => r.file),
                  combined,
                ),
              ]
            : []),
        ];
  return JSON.stringify(value, null, 2);
}
