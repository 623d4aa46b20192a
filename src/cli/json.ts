/**
 * The --json shape (issue 4; documented in docs/cli.md; keep it stable). One file: one object.
 * Several files: an array of those objects, then one last element { combined: true, files, totals }.
 *
 * Built with JSON.stringify's key lists (native, no copies of 100,000 tasks): each list names exactly the
 * fields of the shape, in order, so a field the core adds later never leaks into the output.
 */
import { columnLetter } from "../core/address";
import type { Combined } from "../app/combine";
import type { Report, Role } from "../core/types";

const TASK_KEYS = [
  "row",
  "id",
  "section",
  "text",
  "lead",
  "responsible",
  "deadline",
  "kind",
  "due",
  "status",
  "daysOverdue",
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

const json = (value: unknown): string => JSON.stringify(value ?? null);

function columnsOf(report: Report): Partial<Record<Role, string>> {
  const columns: Partial<Record<Role, string>> = {};
  for (const [role, column] of Object.entries(report.table?.columns ?? {}) as [Role, number | undefined][]) {
    if (typeof column === "number") columns[role] = columnLetter(column);
  }
  return columns;
}

/** One checked file as compact JSON text. */
export function reportJsonText(file: string, report: Report): string {
  const table = report.table;
  return (
    `{"file":${json(file)},"sheet":${json(table?.sheet)},"headerRow":${json(table?.headerRow)},` +
    `"asOf":${json(report.asOf)},"columns":${json(columnsOf(report))},` +
    `"tasks":${JSON.stringify(report.tasks, TASK_KEYS)},` +
    `"findings":${JSON.stringify(report.findings, FINDING_KEYS)},` +
    `"totals":${JSON.stringify(report.totals, TOTAL_KEYS)},` +
    `"summary":${JSON.stringify(report.summary, SUMMARY_KEYS)},` +
    `"comparison":${JSON.stringify(report.comparison ?? null, COMPARISON_KEYS)}}`
  );
}

function combinedJsonText(files: readonly string[], combined: Combined): string {
  return `{"combined":true,"files":${json(files)},"totals":${JSON.stringify(combined.totals, TOTAL_KEYS)}}`;
}

/**
 * The whole --json output for one or several checked files (combined is given when several files were
 * named). Compact; `pretty` indents it (for a terminal, where a person reads it).
 */
export function jsonOutput(
  results: readonly { file: string; report: Report }[],
  combined: Combined | null,
  pretty = false,
): string {
  const reports = results.map((result) => reportJsonText(result.file, result.report));
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
  return pretty ? JSON.stringify(JSON.parse(text), null, 2) : text;
}
