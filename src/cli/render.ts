/** The report for people: table read, findings by severity, overdue and due-soon tasks, totals, circular. */
import { cellAddress, columnLetter, columnNumber } from "../core/address";
import type { Combined } from "../app/combine";
import { appText } from "../app/messages";
import { totalsTable } from "../core/summary";
import type { Finding, Language, Report, Role, Severity, Task, UnitTotals } from "../core/types";
import type { Paint } from "./color";
import { cliText } from "./messages";
import { renderTable } from "./table";
import { terminalText } from "./terminalText";
import { truncate } from "./width";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const ROLE_ORDER: readonly Role[] = [
  "id",
  "section",
  "task",
  "leader",
  "lead",
  "responsible",
  "deadline",
  "status",
  "note",
  "completed",
];
const TASK_TEXT_WIDTH = 40;
/** Lists longer than this print their first rows and say how many more there are (the JSON and --out have all). */
export const LIST_LIMIT = 50;
const INDENT = "  ";

/** Cell text without control characters (line breaks kept): a cell's ESC sequence must not drive the terminal. */
const printable = terminalText;
/** One line of cell text: control characters dropped, newlines and runs of spaces become one space. */
const oneLine = (text: string): string => printable(text).replace(/\s+/g, " ").trim();
/** Columns a unit name (or a list of leads) may take in a table: a cell of a million characters is no unit name. */
const UNIT_WIDTH = 40;

/** Whole days from a to b (ISO dates), without time zones. */
export function daysBetween(a: string, b: string): number {
  const utc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

function tableLines(lang: Language, report: Report, paint: Paint): string[] {
  const table = report.table;
  if (!table) return [];
  const t = (key: Parameters<typeof cliText>[1], params?: Record<string, string | number>) =>
    cliText(lang, key, params);
  const columns = ROLE_ORDER.filter((role) => table.columns[role] !== undefined)
    .sort((a, b) => (table.columns[a] as number) - (table.columns[b] as number))
    .map((role) => `${t(`role.${role}`)} ${columnLetter(table.columns[role] as number)}`);
  return [
    INDENT +
      [
        t("label.sheet", { sheet: oneLine(table.sheet) }),
        t("label.headerRow", { row: table.headerRow }),
        t("label.asOf", { date: report.asOf }),
      ].join("    "),
    INDENT + t("label.columns", { columns: columns.join(t("label.listSeparator")) }),
  ].map((line) => paint.dim(line));
}

/** The first LIST_LIMIT items, and the line saying how many were left out (if any). */
function limited<T>(
  lang: Language,
  items: readonly T[],
  indent: string,
  key: "value.more" | "value.moreTasks" = "value.more",
): { shown: readonly T[]; more: string[] } {
  if (items.length <= LIST_LIMIT) return { shown: items, more: [] };
  return {
    shown: items.slice(0, LIST_LIMIT),
    more: [indent + cliText(lang, key, { count: items.length - LIST_LIMIT })],
  };
}

function findingLines(lang: Language, findings: readonly Finding[], paint: Paint): string[] {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  if (findings.length === 0) return [paint.bold(cliText(lang, "section.noFindings"))];
  const lines = [
    paint.bold(
      cliText(lang, "section.findings", { error: count("error"), warning: count("warning"), info: count("info") }),
    ),
  ];
  const colour = { error: paint.red, warning: paint.yellow, info: paint.dim };
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(INDENT + colour[severity](appText(lang, `severity.${severity}`)));
    const none = cliText(lang, "value.none");
    const { shown, more } = limited(lang, group, INDENT + INDENT);
    const rows = shown.map((f) => [
      f.row === null ? none : String(f.row),
      f.row !== null && f.column !== null ? cellAddress(f.row, columnNumber(f.column)) : (f.column ?? none),
      oneLine(f.message),
    ]);
    lines.push(
      ...renderTable(
        [
          { header: cliText(lang, "col.row"), align: "right" },
          { header: cliText(lang, "col.cell") },
          { header: cliText(lang, "col.message") },
        ],
        rows,
        { indent: INDENT + INDENT, paintHeader: paint.dim },
      ),
      ...more,
    );
  }
  return lines;
}

function leadText(lang: Language, task: Task): string {
  return task.lead.length > 0 ? truncate(oneLine(task.lead.join("、")), UNIT_WIDTH) : cliText(lang, "value.noLead");
}

function overdueLines(lang: Language, report: Report, paint: Paint): string[] {
  const overdue = report.tasks
    .filter((task) => task.status === "overdue")
    .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.row - b.row);
  const lines = [paint.bold(cliText(lang, "section.overdue", { count: overdue.length }))];
  if (overdue.length === 0) return lines;
  const none = cliText(lang, "value.none");
  const { shown, more } = limited(lang, overdue, INDENT, "value.moreTasks");
  lines.push(
    ...renderTable(
      [
        { header: cliText(lang, "col.id") },
        { header: cliText(lang, "col.row"), align: "right" },
        { header: cliText(lang, "col.daysOverdue"), align: "right" },
        { header: cliText(lang, "col.due") },
        { header: cliText(lang, "col.deadline") },
        { header: cliText(lang, "col.lead") },
        { header: cliText(lang, "col.task") },
      ],
      shown.map((task) => [
        task.id === null ? none : truncate(oneLine(task.id), 12),
        String(task.row),
        String(task.daysOverdue ?? ""),
        task.deadline.due ?? none,
        truncate(oneLine(task.deadline.text), 24),
        leadText(lang, task),
        truncate(oneLine(task.text), TASK_TEXT_WIDTH),
      ]),
      { indent: INDENT, paintHeader: paint.dim, paintRow: (line) => paint.red(line) },
    ),
    ...more,
  );
  return lines;
}

function dueSoonLines(lang: Language, report: Report, dueSoonDays: number, paint: Paint): string[] {
  const dueSoon = report.tasks
    .filter((task) => task.status === "due-soon")
    .map((task) => ({ task, left: task.deadline.due ? daysBetween(report.asOf, task.deadline.due) : 0 }))
    .sort((a, b) => a.left - b.left || a.task.row - b.task.row);
  const lines = [paint.bold(cliText(lang, "section.dueSoon", { count: dueSoon.length, days: dueSoonDays }))];
  if (dueSoon.length === 0) return lines;
  const none = cliText(lang, "value.none");
  const { shown, more } = limited(lang, dueSoon, INDENT, "value.moreTasks");
  lines.push(
    ...renderTable(
      [
        { header: cliText(lang, "col.id") },
        { header: cliText(lang, "col.row"), align: "right" },
        { header: cliText(lang, "col.daysLeft"), align: "right" },
        { header: cliText(lang, "col.due") },
        { header: cliText(lang, "col.deadline") },
        { header: cliText(lang, "col.lead") },
        { header: cliText(lang, "col.task") },
      ],
      shown.map(({ task, left }) => [
        task.id === null ? none : truncate(oneLine(task.id), 12),
        String(task.row),
        String(left),
        task.deadline.due ?? none,
        truncate(oneLine(task.deadline.text), 24),
        leadText(lang, task),
        truncate(oneLine(task.text), TASK_TEXT_WIDTH),
      ]),
      { indent: INDENT, paintHeader: paint.dim, paintRow: (line) => paint.yellow(line) },
    ),
    ...more,
  );
  return lines;
}

export function totalsLines(lang: Language, title: string, totals: readonly UnitTotals[], paint: Paint): string[] {
  const lines = [paint.bold(title)];
  if (totals.length === 0) return [...lines, INDENT + cliText(lang, "value.none")];
  // The same header and cells as the totals sheet and the circular's table.
  const table = totalsTable(totals, lang);
  const none = cliText(lang, "value.none");
  lines.push(
    ...renderTable(
      table.header.map((header, c) => ({ header, align: c === 0 ? "left" : "right" })),
      table.rows.map((row) =>
        row.map((cell, c) =>
          cell === "" ? none : c === 0 ? truncate(oneLine(String(cell)), UNIT_WIDTH) : String(cell),
        ),
      ),
      {
        indent: INDENT,
        paintHeader: paint.dim,
        paintRow: (line, i) => (totals[i].overdue > 0 ? paint.red(line) : line),
      },
    ),
  );
  return lines;
}

/** What changed since the last check: one line per kind, each followed by its tasks. */
export function comparisonLines(lang: Language, report: Report, paint: Paint): string[] {
  const comparison = report.comparison;
  if (!comparison) return [];
  const lines = [paint.bold(cliText(lang, "section.comparison", { date: comparison.since }))];
  const kinds = [
    ["newlyDone", comparison.newlyDone],
    ["newlyOverdue", comparison.newlyOverdue],
    ["stillOverdue", comparison.stillOverdue],
    ["added", comparison.added],
    ["removed", comparison.removed],
  ] as const;
  for (const [kind, entries] of kinds) {
    if (entries.length === 0) continue;
    lines.push(INDENT + cliText(lang, `comparison.${kind}`, { count: entries.length }));
    const { shown, more } = limited(lang, entries, INDENT + INDENT, "value.moreTasks");
    for (const entry of shown) {
      const count = (entry as { periods?: number }).periods;
      const periods = count !== undefined ? cliText(lang, "comparison.periods", { periods: count }) : "";
      const id = entry.id ? `${truncate(oneLine(entry.id), 12)} ` : "";
      lines.push(
        INDENT +
          INDENT +
          cliText(lang, "comparison.task", {
            row: entry.row,
            id,
            text: truncate(oneLine(entry.text), TASK_TEXT_WIDTH),
          }) +
          periods,
      );
    }
    lines.push(...more);
  }
  return lines;
}

export interface RenderOptions {
  language: Language;
  dueSoonDays: number;
  paint: Paint;
}

/** Everything printed for one checked file. */
export function renderReport(file: string, report: Report, options: RenderOptions): string {
  const { language: lang, paint } = options;
  const lines: string[] = [paint.bold(oneLine(file)), ...tableLines(lang, report, paint), ""];
  lines.push(...findingLines(lang, report.findings, paint), "");
  lines.push(...overdueLines(lang, report, paint), "");
  lines.push(...dueSoonLines(lang, report, options.dueSoonDays, paint), "");
  lines.push(...totalsLines(lang, cliText(lang, "section.totals"), report.totals, paint), "");
  if (report.comparison) lines.push(...comparisonLines(lang, report, paint), "");
  lines.push(paint.bold(cliText(lang, "section.summary")));
  lines.push(
    ...printable(report.summary.text)
      .split(/\r?\n/)
      .map((line) => (line === "" ? "" : INDENT + line)),
  );
  return lines.join("\n") + "\n";
}

/** The combined totals after several files. */
export function renderCombined(fileCount: number, combined: Combined, options: RenderOptions): string {
  const { language: lang, paint } = options;
  const lines = totalsLines(lang, cliText(lang, "section.combined", { files: fileCount }), combined.totals, paint);
  lines.splice(1, 0, INDENT + cliText(lang, "combined.counts", { ...combined.counts }));
  return lines.join("\n") + "\n";
}
