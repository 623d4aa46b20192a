/**
 * The --json shape (issue 4; documented in docs/cli.md; keep it stable). One file: one object.
 * Several files: an array of those objects, then one last element { combined: true, files, totals }.
 *
 * Built with JSON.stringify's key lists (native, no copies of 100,000 tasks): each list names exactly the
 * fields of the shape, in order, so a field the core adds later never leaks into the output.
 */
import { columnLetter } from "../core/address";
import type { Combined } from "../app/combine";
import type { NoteFile, UnitNote } from "../app/documents";
import type { Assessment } from "../core/assessment";
import type { Report, Role } from "../core/types";
import { escapeJsonControls } from "./terminalText";

const TASK_KEYS = [
  "row",
  "id",
  "section",
  "text",
  "lead",
  "responsible",
  "leaders",
  "deadline",
  "kind",
  "due",
  // Staged deadlines: earlier stages, each { text, due } (both keys are listed above).
  "milestones",
  "status",
  "daysOverdue",
  "completed",
];
const FINDING_KEYS = ["rule", "severity", "row", "column", "message", "suggestion"];
const TOTAL_KEYS = [
  "unit",
  "lead",
  "responsible",
  "overdue",
  "overdueChange",
  "overdueAsLead",
  "dueSoon",
  "done",
  "completionRate",
];
const COMPARISON_KEYS = [
  "since",
  "newlyDone",
  "newlyOverdue",
  "stillOverdue",
  "added",
  "removed",
  "row",
  "id",
  "text",
  "periods",
];
const SUMMARY_KEYS = ["text", "html", "tsv"];
const ASSESSMENT_KEYS = [
  "unit",
  "score",
  "rank",
  "lead",
  "responsible",
  "doneOnTime",
  "doneLate",
  "overdue",
  "overdueDays",
];

const json = (value: unknown): string => JSON.stringify(value ?? null);

function columnsOf(report: Report): Partial<Record<Role, string>> {
  const columns: Partial<Record<Role, string>> = {};
  for (const [role, column] of Object.entries(report.table?.columns ?? {}) as [Role, number | undefined][]) {
    if (typeof column === "number") columns[role] = columnLetter(column);
  }
  return columns;
}

/** One checked file as compact JSON text (with the assessment's ranking when given). */
export function reportJsonText(file: string, report: Report, assessment?: Assessment | null): string {
  const table = report.table;
  return (
    `{"file":${json(file)},"sheet":${json(table?.sheet)},"headerRow":${json(table?.headerRow)},` +
    `"asOf":${json(report.asOf)},"columns":${json(columnsOf(report))},` +
    `"tasks":${JSON.stringify(report.tasks, TASK_KEYS)},` +
    `"findings":${JSON.stringify(report.findings, FINDING_KEYS)},` +
    `"totals":${JSON.stringify(report.totals, TOTAL_KEYS)},` +
    `"summary":${JSON.stringify(report.summary, SUMMARY_KEYS)},` +
    `"comparison":${JSON.stringify(report.comparison ?? null, COMPARISON_KEYS)}` +
    (assessment ? `,"assessment":${JSON.stringify(assessment.units, ASSESSMENT_KEYS)}` : "") +
    "}"
  );
}

function combinedJsonText(files: readonly string[], combined: Combined): string {
  return `{"combined":true,"files":${json(files)},"totals":${JSON.stringify(combined.totals, TOTAL_KEYS)}}`;
}

/**
 * The whole --json output for one or several checked files (combined is given when several files were
 * named). Compact; `pretty` indents it (for a terminal, where a person reads it). DEL and C1 control
 * characters are written as \u escapes (JSON.stringify escapes only C0).
 */
export function jsonOutput(
  results: readonly { file: string; report: Report; assessment?: Assessment | null }[],
  combined: Combined | null,
  pretty = false,
): string {
  const reports = results.map((result) => reportJsonText(result.file, result.report, result.assessment));
  const text =
    reports.length === 1 && !combined
      ? reports[0]
      : `[${[
          ...reports,
          ...(combined
            ? [
                combinedJsonText(
                  results.map((r) => r.file),
                  combined,
                ),
              ]
            : []),
        ].join(",")}]`;
  // C1 controls (U+009B is a one-character CSI) escaped, so JSON piped to a terminal cannot drive it.
  return escapeJsonControls(pretty ? JSON.stringify(JSON.parse(text), null, 2) : text);
}

/**
 * `fengong notes --json`: per unit reminded its counts, its tasks (number, row, role) and the note's text, the
 * files written (with --out-dir), and the assessment.
 */
export function notesJson(
  file: string,
  report: Report,
  notes: readonly UnitNote[],
  written: readonly NoteFile[],
  assessment: Assessment,
  pretty = false,
): string {
  const fileOf = new Map(written.map((f) => [f.unit, f.name]));
  const value = {
    file,
    asOf: report.asOf,
    circular: fileOf.get(null) ?? null,
    notes: notes.map((note) => ({
      unit: note.unit,
      file: fileOf.get(note.unit) ?? null,
      overdue: note.reminder.overdue,
      overdueAsLead: note.reminder.overdueAsLead,
      dueSoon: note.reminder.dueSoon,
      tasks: note.reminder.items.map((item) => ({
        id: item.task.id,
        row: item.task.row,
        role: item.role,
        status: item.task.status,
        daysOverdue: item.task.daysOverdue,
      })),
      text: note.text,
    })),
    assessment: JSON.parse(JSON.stringify(assessment.units, ASSESSMENT_KEYS)) as unknown,
  };
  return JSON.stringify(value, null, pretty ? 2 : undefined);
}
