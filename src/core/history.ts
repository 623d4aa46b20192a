/**
 * Check history (design §8): each check that writes keeps a record of every task's key, status, due date
 * and units, in a very hidden sheet we own. Records are plain rows of cell values, so both adapters store
 * them the same way; encoding and decoding are here, pure. Decoding never throws: a row it does not
 * understand (hand-edited, a later version) is skipped.
 *
 * Layout (one row per line, column A first):
 *   ["fengong history", 1]                                  format marker and version
 *   ["record", when, asOf, n]                               a record: ISO time of the check, as-of, task count
 *   [row, id, text, status, due, lead, responsible, statusText]   n rows, one per task
 * lead and responsible are JSON arrays of unit names; id, due are "" when absent.
 */
import { isIsoDate } from "./dates";
import { normalizeKey } from "./text";
import type { CellValue, IsoDate, Report, Status } from "./types";

export const HISTORY_SHEET = "fengong_history";
export const HISTORY_MARKER = "fengong history";
export const HISTORY_VERSION = 1;
/** Records kept: the oldest go first (two years of weekly checks, or many years of quarterly ones). */
export const MAX_HISTORY_RECORDS = 100;
/** Rows of the history sheet at most (Excel has 1,048,576): a very big plan keeps fewer records. */
export const MAX_HISTORY_ROWS = 1_000_000;
/** Characters of a task text kept (and compared): long enough to tell tasks apart, short enough for a cell. */
export const KEY_TEXT_LENGTH = 1000;
/** Characters of a status text kept: Excel's cell limit is 32,767. */
const STATUS_TEXT_LENGTH = 32000;

export interface HistoryTask {
  row: number;
  id: string | null;
  text: string;
  status: Status;
  due: IsoDate | null;
  lead: string[];
  responsible: string[];
  /** The status cell as it was (the baseline a returned copy is compared with when merging feedback). */
  statusText: string;
}

export interface HistoryRecord {
  /** When the check ran (ISO date-time). */
  when: string;
  asOf: IsoDate;
  tasks: HistoryTask[];
}

const STATUSES: ReadonlySet<string> = new Set(["done", "overdue", "due-soon", "open", "ongoing", "no-deadline"]);

/** The first `max` UTF-16 units, never ending inside a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** The text a task is recognised by: as kept in a record, then normalised (width, script, whitespace). */
export function taskTextKey(text: string): string {
  return normalizeKey(cut(text, KEY_TEXT_LENGTH));
}

/** The key of a task: its id and its text. */
export function taskKey(task: { id: string | null; text: string }): string {
  return `${normalizeKey(task.id ?? "")}\u0001${taskTextKey(task.text)}`;
}

/** The record of a checked report. */
export function recordOf(report: Report, when: string): HistoryRecord {
  return {
    when,
    asOf: report.asOf,
    tasks: report.tasks.map((task) => ({
      row: task.row,
      id: task.id,
      text: cut(task.text, KEY_TEXT_LENGTH),
      status: task.status,
      due: task.deadline.due,
      lead: [...task.lead],
      responsible: [...task.responsible],
      statusText: cut(task.statusText, STATUS_TEXT_LENGTH),
    })),
  };
}

/** Add a record: one with the same as-of is replaced; sorted by as-of; at most `max` kept (the latest). */
export function upsertRecord(
  records: readonly HistoryRecord[],
  record: HistoryRecord,
  max = MAX_HISTORY_RECORDS,
  maxRows = MAX_HISTORY_ROWS,
): HistoryRecord[] {
  const kept = records.filter((r) => r.asOf !== record.asOf);
  kept.push(record);
  kept.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const out = kept.slice(Math.max(0, kept.length - max));
  // The oldest go until the sheet fits (the newest record is always kept).
  let rows = out.reduce((n, r) => n + 1 + r.tasks.length, 1);
  while (out.length > 1 && rows > maxRows) rows -= 1 + (out.shift()?.tasks.length ?? 0);
  return out;
}

/** Excel holds at most 32,767 characters in a cell: a longer value fails in Excel and breaks an .xlsx. */
const MAX_CELL_TEXT = 32_767;

/** Text cut to what a cell holds (a task text of a million characters is still matched by its first part). */
const fitCell = (text: string): string => (text.length <= MAX_CELL_TEXT ? text : text.slice(0, MAX_CELL_TEXT));

/** A unit list as JSON that fits a cell: each name cut to KEY_TEXT_LENGTH, the last names left out if need be. */
function unitListCell(units: readonly string[]): string {
  const names = units.map((unit) => unit.slice(0, KEY_TEXT_LENGTH));
  let json = JSON.stringify(names);
  while (json.length > MAX_CELL_TEXT && names.length > 0) {
    names.pop();
    json = JSON.stringify(names);
  }
  return json;
}

export function encodeHistory(records: readonly HistoryRecord[]): CellValue[][] {
  const rows: CellValue[][] = [[HISTORY_MARKER, HISTORY_VERSION]];
  for (const record of records) {
    rows.push(["record", record.when, record.asOf, record.tasks.length]);
    for (const task of record.tasks) {
      rows.push([
        task.row,
        fitCell(task.id ?? ""),
        fitCell(task.text),
        task.status,
        task.due ?? "",
        unitListCell(task.lead),
        unitListCell(task.responsible),
        fitCell(task.statusText),
      ]);
    }
  }
  return rows;
}

const asText = (value: CellValue | undefined): string =>
  typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : "";

function unitList(value: CellValue | undefined): string[] {
  if (typeof value !== "string" || value === "") return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((unit): unit is string => typeof unit === "string") : [];
  } catch {
    return [];
  }
}

function decodeTask(row: readonly CellValue[]): HistoryTask | null {
  const sheetRow = typeof row[0] === "number" ? row[0] : Number(asText(row[0]));
  const status = asText(row[3]);
  if (!Number.isInteger(sheetRow) || sheetRow < 1 || !STATUSES.has(status)) return null;
  const due = asText(row[4]);
  const id = asText(row[1]);
  return {
    row: sheetRow,
    id: id === "" ? null : id,
    text: asText(row[2]),
    status: status as Status,
    due: isIsoDate(due) ? due : null,
    lead: unitList(row[5]),
    responsible: unitList(row[6]),
    statusText: asText(row[7]),
  };
}

/** The records in a history sheet's rows (none when the sheet is not ours or not understood). */
export function decodeHistory(rows: readonly (readonly CellValue[])[] | null | undefined): HistoryRecord[] {
  if (!Array.isArray(rows) || rows.length === 0) return [];
  const head = rows[0] ?? [];
  if (head[0] !== HISTORY_MARKER || Number(head[1]) !== HISTORY_VERSION) return [];
  const records: HistoryRecord[] = [];
  let i = 1;
  while (i < rows.length) {
    const row = rows[i] ?? [];
    i++;
    const asOf = asText(row[2]);
    const count = typeof row[3] === "number" ? row[3] : Number(asText(row[3]));
    if (row[0] !== "record" || !isIsoDate(asOf) || !Number.isInteger(count) || count < 0) continue;
    const tasks: HistoryTask[] = [];
    const end = Math.min(rows.length, i + count);
    for (; i < end; i++) {
      const task = decodeTask(rows[i] ?? []);
      if (task) tasks.push(task);
    }
    records.push({ when: asText(row[1]), asOf, tasks });
  }
  return upsertRecords(records);
}

/** Sorted by as-of, one record per as-of (the last one read wins). */
function upsertRecords(records: readonly HistoryRecord[]): HistoryRecord[] {
  let out: HistoryRecord[] = [];
  for (const record of records) out = upsertRecord(out, record, Number.MAX_SAFE_INTEGER);
  return out;
}
