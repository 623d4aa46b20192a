/**
 * The --json shape (issue 4; documented in docs/cli.md; keep it stable). One file: one object.
 * Several files: an array of those objects, then one last element { combined: true, files, totals }.
 *
 * Built with JSON.stringify's key lists: each list names exactly the fields of the shape, in order, so a field
 * the core adds later never leaks into the output. Tasks and findings, the long arrays, are copied into objects
 * of exactly those fields instead (taskShape, findingShape), a batch at a time: faster to stringify.
 *
 * Written in pieces (writeJsonOutput): the tasks and findings a few thousand at a time, each piece escaped and
 * handed to the writer, so no string of the whole output (tens of MB on a 100,000-row plan) is ever built. The
 * text is the same, byte for byte, as stringifying the whole output at once.
 */
import { columnLetter } from "../core/address";
import type { Combined } from "../app/combine";
import type { NoteFile, UnitNote } from "../app/documents";
import type { Assessment } from "../core/assessment";
import type { Finding, Report, Role, Task } from "../core/types";
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

/** The key lists of the shape (the tests build the one-string output from the same lists). */
export const JSON_KEYS = {
  task: TASK_KEYS,
  finding: FINDING_KEYS,
  total: TOTAL_KEYS,
  comparison: COMPARISON_KEYS,
  summary: SUMMARY_KEYS,
  assessment: ASSESSMENT_KEYS,
} as const;

const json = (value: unknown): string => JSON.stringify(value ?? null);

function columnsOf(report: Report): Partial<Record<Role, string>> {
  const columns: Partial<Record<Role, string>> = {};
  for (const [role, column] of Object.entries(report.table?.columns ?? {}) as [Role, number | undefined][]) {
    if (typeof column === "number") columns[role] = columnLetter(column);
  }
  return columns;
}

/**
 * Items of a long array stringified (and written) this many at a time. Small on purpose: a task is ~230
 * characters, so a batch stays a young, small string (V8 builds JSON.stringify's result as a rope and flattens
 * it when it is sliced or written; pieces of several hundred KB land in the large-object space and drive
 * full garbage collections of the whole report). Measured on a 100k-row plan (bench/notes.md): writing the
 * output took ~750 ms with batches of 2,000 items and writes of 256K characters, ~300 ms with 64 and 8K.
 */
export const JSON_BATCH = 64;

/** A field of an object in the output: its value's compact JSON, or a long array written in batches. */
type Field = { key: string; text: string } | { key: string; items: ShapedItems };

/** A long array of the output: how many items, and item i as the output shows it. */
interface ShapedItems {
  length: number;
  shaped: (index: number) => object;
}

/**
 * A task as the output shows it: exactly the fields of TASK_KEYS, in that order (what JSON.stringify(task,
 * TASK_KEYS) prints, the key list applying to the deadline and its milestones too). A plain object of those
 * fields is stringified on V8's fast path; a key list sends every object down the slow one (~40 % more time on
 * 100k tasks). test/cli/jsonStream.test.ts holds the two to the same text.
 */
function taskShape(task: Task): object {
  const deadline = task.deadline;
  const milestones = deadline.milestones;
  return {
    row: task.row,
    id: task.id,
    section: task.section,
    text: task.text,
    lead: task.lead,
    responsible: task.responsible,
    leaders: task.leaders,
    deadline: {
      text: deadline.text,
      kind: deadline.kind,
      due: deadline.due,
      milestones: milestones && milestones.map((stage) => ({ text: stage.text, due: stage.due })),
    },
    status: task.status,
    daysOverdue: task.daysOverdue,
    completed: task.completed,
  };
}

/** A finding as the output shows it: the fields of FINDING_KEYS, in that order. */
function findingShape(finding: Finding): object {
  return {
    rule: finding.rule,
    severity: finding.severity,
    row: finding.row,
    column: finding.column,
    message: finding.message,
    suggestion: finding.suggestion,
  };
}

/** A value of the output: an object of fields, or an array of such objects (several files). */
type Node = { fields: Field[] } | { elements: Node[] };

interface CheckedReport {
  file: string;
  report: Report;
  assessment?: Assessment | null;
}

function reportNode({ file, report, assessment }: CheckedReport): Node {
  const table = report.table;
  const fields: Field[] = [
    { key: "file", text: json(file) },
    { key: "sheet", text: json(table?.sheet) },
    { key: "headerRow", text: json(table?.headerRow) },
    { key: "asOf", text: json(report.asOf) },
    { key: "columns", text: json(columnsOf(report)) },
    { key: "tasks", items: { length: report.tasks.length, shaped: (i) => taskShape(report.tasks[i]) } },
    { key: "findings", items: { length: report.findings.length, shaped: (i) => findingShape(report.findings[i]) } },
    { key: "totals", text: JSON.stringify(report.totals, TOTAL_KEYS) },
    { key: "summary", text: JSON.stringify(report.summary, SUMMARY_KEYS) },
    { key: "comparison", text: JSON.stringify(report.comparison ?? null, COMPARISON_KEYS) },
  ];
  if (assessment) fields.push({ key: "assessment", text: JSON.stringify(assessment.units, ASSESSMENT_KEYS) });
  return { fields };
}

function combinedNode(files: readonly string[], combined: Combined): Node {
  return {
    fields: [
      { key: "combined", text: "true" },
      { key: "files", text: json(files) },
      { key: "totals", text: JSON.stringify(combined.totals, TOTAL_KEYS) },
    ],
  };
}

/**
 * Pieces of JSON text, gathered into writes of about this many characters (one write per piece would be a
 * system call per comma), each escaped on its way out. Kept small for the reason given at JSON_BATCH.
 */
const WRITE_CHARS = 1 << 13;

class JsonWriter {
  private pending: string[] = [];
  private length = 0;

  constructor(private readonly write: (text: string) => void) {}

  add(text: string): void {
    if (text.length >= WRITE_CHARS) {
      // A batch of items is a write of its own: joined with the small pieces around it, it would be copied once
      // more (52 MB of copies for the 100k-row plan's output).
      this.flush();
      this.write(escapeJsonControls(text));
      return;
    }
    this.pending.push(text);
    this.length += text.length;
    if (this.length >= WRITE_CHARS) this.flush();
  }

  flush(): void {
    if (this.length === 0) return;
    // C1 controls (U+009B is a one-character CSI) escaped, so JSON piped to a terminal cannot drive it.
    this.write(escapeJsonControls(this.pending.join("")));
    this.pending = [];
    this.length = 0;
  }
}

/** `pretty` indentation of `depth` levels (JSON.stringify's 2 spaces each). */
const indent = (depth: number): string => "  ".repeat(depth);

/**
 * Compact JSON text of a value as JSON.stringify(JSON.parse(text), null, 2) prints it when it sits `depth`
 * levels deep: the lines after the first indented by the depth. (JSON strings hold no raw line feeds.)
 */
function prettyAt(text: string, depth: number): string {
  const pretty = JSON.stringify(JSON.parse(text), null, 2);
  return depth === 0 ? pretty : pretty.replace(/\n/g, `\n${indent(depth)}`);
}

/** A long array, `batchSize` items at a time (`depth`: how deep the array itself sits; -1 = compact). */
function writeItems(out: JsonWriter, items: ShapedItems, depth: number, batchSize: number): void {
  if (items.length === 0) {
    out.add("[]");
    return;
  }
  out.add(depth < 0 ? "[" : "[\n");
  for (let start = 0; start < items.length; start += batchSize) {
    const end = Math.min(items.length, start + batchSize);
    const shaped: object[] = [];
    for (let i = start; i < end; i++) shaped.push(items.shaped(i));
    const batch = JSON.stringify(shaped);
    if (start > 0) out.add(depth < 0 ? "," : ",\n");
    if (depth < 0) {
      out.add(batch.slice(1, -1));
    } else {
      // "[\n  item,\n  item\n]" -> the items, one level deeper than the array.
      const pretty = JSON.stringify(JSON.parse(batch), null, 2);
      const inner = pretty.slice(2, -2);
      out.add(depth === 0 ? inner : indent(depth) + inner.replace(/\n/g, `\n${indent(depth)}`));
    }
  }
  out.add(depth < 0 ? "]" : `\n${indent(depth)}]`);
}

/** A node at `depth` (-1 = compact). */
function writeNode(out: JsonWriter, node: Node, depth: number, batchSize: number): void {
  const compact = depth < 0;
  const inner = compact ? -1 : depth + 1;
  const [open, close, between] = "fields" in node ? ["{", "}", ","] : ["[", "]", ","];
  const parts = "fields" in node ? node.fields : node.elements;
  if (parts.length === 0) {
    out.add(open + close);
    return;
  }
  out.add(compact ? open : `${open}\n`);
  parts.forEach((part, i) => {
    if (i > 0) out.add(compact ? between : `${between}\n`);
    if (!compact) out.add(indent(inner));
    if (!("key" in part)) {
      writeNode(out, part, inner, batchSize);
      return;
    }
    out.add(compact ? `${JSON.stringify(part.key)}:` : `${JSON.stringify(part.key)}: `);
    if ("text" in part) out.add(compact ? part.text : prettyAt(part.text, inner));
    else writeItems(out, part.items, inner, batchSize);
  });
  out.add(compact ? close : `\n${indent(depth)}${close}`);
}

/**
 * The whole --json output for one or several checked files (combined is given when several files were
 * named), handed to `write` in pieces. Compact; `pretty` indents it (for a terminal, where a person reads it)
 * exactly as JSON.stringify(value, null, 2) would. DEL and C1 control characters are written as \u escapes
 * (JSON.stringify escapes only C0).
 */
export function writeJsonOutput(
  results: readonly CheckedReport[],
  combined: Combined | null,
  pretty: boolean,
  write: (text: string) => void,
  batchSize = JSON_BATCH,
): void {
  const reports = results.map(reportNode);
  const node: Node =
    reports.length === 1 && !combined
      ? reports[0]
      : {
          elements: [
            ...reports,
            ...(combined
              ? [
                  combinedNode(
                    results.map((r) => r.file),
                    combined,
                  ),
                ]
              : []),
          ],
        };
  const out = new JsonWriter(write);
  writeNode(out, node, pretty ? 0 : -1, Math.max(1, Math.floor(batchSize)));
  out.flush();
}

/** The same output as one string (tests, and callers with small reports). */
export function jsonOutput(results: readonly CheckedReport[], combined: Combined | null, pretty = false): string {
  const pieces: string[] = [];
  writeJsonOutput(results, combined, pretty, (text) => void pieces.push(text));
  return pieces.join("");
}

/** One checked file as compact JSON text (with the assessment's ranking when given). */
export function reportJsonText(file: string, report: Report, assessment?: Assessment | null): string {
  return jsonOutput([{ file, report, assessment }], null);
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
