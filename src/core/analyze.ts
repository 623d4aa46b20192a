/**
 * The core entry point: the grids of a workbook in, a Report out (design §2-5). Pure and synchronous.
 */
import { columnLetter, cellAddress } from "./address";
import { createCalendar, officialCalendarYears } from "./calendar";
import { isIsoDate, todayIso } from "./dates";
import { parseDeadline, type DeadlineContext, type ParsedDeadline } from "./deadline";
import { HEADER_SYNONYMS } from "./headers";
import { isReferenceSheet, mergeAdjustments, readHolidaySchedule } from "./holidays";
import { findingTextWith, suggestionText } from "./i18n/findings";
import { isOwnedSheet } from "./reportNames";
import { rowTasks, type RawFinding, type RowContext } from "./rows";
import { SheetView } from "./sheetView";
import { classify, isDoneText } from "./status";
import { buildSummary } from "./summary";
import { locateTableWithLayout, type TableLayout } from "./table";
import { clip } from "./clip";
import { toSimplified } from "./text";
import { totalsByUnit } from "./totals";
import type {
  AnalyzeOptions,
  CellValue,
  Deadline,
  Finding,
  Grid,
  IsoDate,
  Language,
  Report,
  RuleId,
  Severity,
  TableLocation,
  Task,
} from "./types";
import { readUnitDirectory, type UnitDirectory } from "./units";

export const RULE_SEVERITY: Record<RuleId, Severity> = {
  "table.not-found": "error",
  "table.no-lead-column": "warning",
  "table.merges-unknown": "info",
  "table.empty": "warning",
  "table.duplicate-column": "warning",
  "table.header-repeated": "info",
  "table.second-table": "warning",
  "lead.missing": "error",
  "lead.multiple": "warning",
  "lead.collective": "warning",
  "lead.implicit": "info",
  "responsible.includes-lead": "warning",
  "unit.duplicate": "warning",
  "unit.alias": "info",
  "unit.unknown": "warning",
  "unit.unassigned": "info",
  "task.empty": "warning",
  "task.duplicate-id": "warning",
  "deadline.missing": "warning",
  "deadline.unparsed": "warning",
  "deadline.needs-base": "warning",
  "deadline.outside-calendar": "warning",
  "cell.error-value": "warning",
  "unit.carried": "info",
  "deadline.from-task": "info",
};

const DEFAULT_DUE_SOON_DAYS = 7;
/** Characters of a cell text or unit name quoted in a finding's message. */
const MAX_QUOTED = 100;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Where analyze is: called at coarse steps (a few dozen calls on any plan), never per row. */
export interface AnalyzeProgress {
  /** Rows of the table body read so far, and how many there are (0 of 0 before the table is found). */
  done: number;
  total: number;
}

export type AnalyzeProgressListener = (progress: AnalyzeProgress) => void;

/** Different deadline cell values remembered per number format in one analysis. */
const MAX_REMEMBERED_DEADLINES = 10_000;

/** Deadline cells of one number format: their context, and the readings of the values seen. */
interface DeadlineReader {
  context: DeadlineContext;
  seen: Map<string | number, ParsedDeadline>;
}

/** Different status texts remembered in one analysis (free-text statuses differ on every row). */
const MAX_REMEMBERED_STATUSES = 10_000;

/** How many progress calls a table body yields at most (one every 5%). */
const PROGRESS_STEPS = 20;

interface PlanChoice {
  grid: Grid;
  /** The view the table was located in: indexing a big sheet's merges once is enough. */
  view: SheetView;
  table: TableLocation | null;
  layout: TableLayout | null;
}

export function analyze(
  grids: readonly Grid[],
  options: AnalyzeOptions = {},
  onProgress?: AnalyzeProgressListener,
): Report {
  const asOf = options.asOf && isIsoDate(options.asOf) ? options.asOf : todayIso();
  const dueSoonDays =
    typeof options.dueSoonDays === "number" && Number.isFinite(options.dueSoonDays) && options.dueSoonDays >= 0
      ? Math.floor(options.dueSoonDays)
      : DEFAULT_DUE_SOON_DAYS;
  const usable = grids.filter((grid) => grid && typeof grid.sheet === "string");
  const choice = choosePlan(usable, options);
  const language = options.language ?? guessLanguage(choice);

  if (!choice || !choice.table) {
    const sheet = choice?.grid.sheet ?? options.sheet ?? "";
    const names = [
      ...HEADER_SYNONYMS.lead.slice(0, 2),
      ...HEADER_SYNONYMS.responsible.slice(0, 2),
      ...HEADER_SYNONYMS.task.slice(0, 2),
      ...HEADER_SYNONYMS.deadline.slice(0, 2),
    ];
    const raw: RawFinding = {
      rule: "table.not-found",
      row: null,
      column: null,
      params: { sheet, names: names.join(language === "zh-CN" ? "、" : ", ") },
    };
    return {
      language,
      asOf,
      dueSoonDays,
      table: null,
      tasks: [],
      findings: [render(raw, sheet, language)],
      totals: [],
      summary: buildSummary({ tasks: [], totals: [], asOf, dueSoonDays, language }),
    };
  }

  const { grid, table, view, layout } = choice;
  const directory = readUnitDirectory(usable.filter((other) => other !== grid));
  // The workbook's own holiday schedule (sheet 节假日安排 / Holidays) adds to the adjustments given by the caller.
  const schedule = readHolidaySchedule(usable.filter((other) => other !== grid));
  const calendar = createCalendar(schedule ? mergeAdjustments(schedule, options.calendar) : options.calendar);
  const raws: RawFinding[] = [];
  const context: RowContext = {
    sink: raws,
    skipRows: layout && layout.repeatedHeaderRows.length > 0 ? new Set(layout.repeatedHeaderRows) : undefined,
    view,
    table,
    directory,
    deadline: {
      planYear: table.planYear ?? Number(asOf.slice(0, 4)),
      published: options.published && isIsoDate(options.published) ? options.published : null,
      calendar,
    },
  };

  if (grid.mergesUnknown) raws.push({ rule: "table.merges-unknown", row: null, column: null, params: {} });
  if (layout) raws.push(...layoutFindings(table, layout));

  const tasks: Task[] = [];
  let anyMarker = false;
  // One deadline context per number format (a plan has a handful), not one object per row; and the reading of
  // each deadline cell value once (a plan repeats a few dozen deadlines over all its rows; readings are only read).
  const deadlineReaders = new Map<string | null, DeadlineReader>();
  const readDeadline = (value: CellValue, numberFormat: string | null): ParsedDeadline => {
    let reader = deadlineReaders.get(numberFormat);
    if (reader === undefined)
      deadlineReaders.set(numberFormat, (reader = { context: { ...context.deadline, numberFormat }, seen: new Map() }));
    if (typeof value !== "string" && typeof value !== "number") return parseDeadline(value, reader.context);
    let parsed = reader.seen.get(value);
    if (parsed === undefined) {
      parsed = parseDeadline(value, reader.context);
      if (reader.seen.size < MAX_REMEMBERED_DEADLINES) reader.seen.set(value, parsed);
    }
    return parsed;
  };
  // The report's Deadline of a reading: one object for every task whose deadline cell reads the same (tasks share
  // it; nothing changes a report's deadlines), instead of a copy per task.
  const reportDeadlines = new Map<ParsedDeadline, Deadline>();
  const reportDeadline = (parsed: ParsedDeadline): Deadline => {
    let deadline = reportDeadlines.get(parsed);
    if (deadline === undefined) {
      deadline = {
        text: parsed.text,
        kind: parsed.kind,
        due: parsed.due,
        milestones: parsed.milestones ? parsed.milestones.slice() : [],
      };
      if (reportDeadlines.size < MAX_REMEMBERED_DEADLINES) reportDeadlines.set(parsed, deadline);
    }
    return deadline;
  };
  // Whether a status cell says done, per text: a plan writes a handful of status words over all its rows.
  const doneTexts = new Map<string, boolean>();
  const doneText = (statusText: string): boolean => {
    let done = doneTexts.get(statusText);
    if (done === undefined) {
      done = isDoneText(toSimplified(statusText));
      if (doneTexts.size < MAX_REMEMBERED_STATUSES) doneTexts.set(statusText, done);
    }
    return done;
  };
  const bodyRows = Math.max(0, table.lastDataRow - table.firstDataRow + 1);
  const progressStep = Math.max(1, Math.ceil(bodyRows / PROGRESS_STEPS));
  let nextProgressRow = table.firstDataRow + progressStep;
  onProgress?.({ done: 0, total: bodyRows });
  for (const parsed of rowTasks(context)) {
    if (onProgress && parsed.row >= nextProgressRow) {
      onProgress({ done: parsed.row - table.firstDataRow, total: bodyRows });
      nextProgressRow = parsed.row + progressStep;
    }
    for (const finding of parsed.findings) raws.push(finding);
    if (parsed.markersSeen) anyMarker = true;
    const deadline = readDeadline(parsed.deadlineValue, parsed.deadlineFormat);
    const deadlineColumn = parsed.deadlineColumn;
    // Each finding written out in full (an object spread per finding cost a runtime call on every such row).
    const row = parsed.row;
    if (deadline.kind === "none") raws.push({ row, column: deadlineColumn, rule: "deadline.missing", params: {} });
    else if (deadline.kind === "unparsed")
      raws.push({ row, column: deadlineColumn, rule: "deadline.unparsed", params: { text: deadline.text } });
    if (parsed.deadlineFromTask !== null && deadline.kind !== "unparsed" && deadline.kind !== "none")
      raws.push({ row, column: deadlineColumn, rule: "deadline.from-task", params: { text: parsed.deadlineFromTask } });
    if (deadline.needsBase)
      raws.push({ row, column: deadlineColumn, rule: "deadline.needs-base", params: { text: deadline.text } });
    if (deadline.outsideCalendar)
      raws.push({
        row,
        column: deadlineColumn,
        rule: "deadline.outside-calendar",
        params: { text: deadline.text, lastYear: officialCalendarYears().last },
      });
    const statusText = parsed.statusText;
    const { status, daysOverdue } = classify(deadline, doneText(statusText), asOf, dueSoonDays);
    const task: Task = {
      row: parsed.row,
      id: parsed.id,
      section: parsed.section,
      text: parsed.text,
      lead: parsed.lead,
      responsible: parsed.responsible,
      leaders: parsed.leaders,
      deadline: reportDeadline(deadline),
      statusText,
      status,
      daysOverdue,
    };
    // Last, as the report has always listed it (a spread of an optional part cost a runtime call per task).
    if (table.columns.completed !== undefined)
      task.completed = completionDate(parsed.completedValue, parsed.completedFormat, readDeadline);
    tasks.push(task);
  }

  onProgress?.({ done: bodyRows, total: bodyRows });

  if (table.columns.lead === undefined && tasks.length > 0 && !anyMarker) {
    raws.unshift({ rule: "table.no-lead-column", row: null, column: null, params: {} });
  }
  if (tasks.length === 0)
    raws.push({ rule: "table.empty", row: table.headerRow, column: table.firstColumn, params: {} });
  raws.push(...duplicateIds(tasks, table));
  if (directory) raws.push(...directoryFindings(tasks, directory));

  const findings = raws.map((raw) =>
    render(raw, raw.rule === "unit.unassigned" && directory ? directory.sheet : table.sheet, language),
  );
  // Column letters are A-Z only: comparing code units orders them as localeCompare would, much faster.
  findings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || compareText(a.column ?? "", b.column ?? ""));
  const totals = totalsByUnit(tasks);
  return {
    language,
    asOf,
    dueSoonDays,
    table,
    tasks,
    findings,
    totals,
    summary: buildSummary({ tasks, totals, asOf, dueSoonDays, language }),
  };
}

/** A completion-date cell read as a day (2017-08-10, 2017年8月10日, 8月10日, an Excel date); else null. */
function completionDate(
  value: CellValue,
  numberFormat: string | null,
  readDeadline: (value: CellValue, numberFormat: string | null) => ParsedDeadline,
): IsoDate | null {
  if (value === "" || value === null) return null;
  const parsed = readDeadline(value, numberFormat);
  return parsed.kind === "date" ? parsed.due : null;
}

/** The explicit sheet if named (strict); else the first grid, in the given order, that holds a table. */
function choosePlan(grids: readonly Grid[], options: AnalyzeOptions): PlanChoice | null {
  const locate = (grid: Grid): PlanChoice => {
    const view = new SheetView(grid);
    const located = locateTableWithLayout(view, { columns: options.columns });
    return { grid, view, table: located?.table ?? null, layout: located?.layout ?? null };
  };
  if (options.sheet) {
    const grid = grids.find((g) => g.sheet === options.sheet);
    return grid ? locate(grid) : null;
  }
  const candidates = grids.filter((grid) => !isOwnedSheet(grid.sheet) && !isReferenceSheet(grid.sheet));
  for (const grid of candidates) {
    const choice = locate(grid);
    if (choice.table) return choice;
  }
  const first = candidates[0] ?? grids[0];
  return first ? { grid: first, view: new SheetView(first), table: null, layout: null } : null;
}

/** Chinese header (or, without a table, any Chinese text in the sheet) -> zh-CN; else en-US. */
function guessLanguage(choice: PlanChoice | null): Language {
  if (!choice) return "zh-CN";
  const view = choice.view;
  if (choice.table) {
    const { headerRow, firstColumn, lastColumn } = choice.table;
    for (let column = firstColumn; column <= lastColumn; column++)
      if (CJK.test(view.text(headerRow, column))) return "zh-CN";
    return "en-US";
  }
  const rows = Math.min(view.lastRow, view.firstRow + 30);
  let anyText = false;
  for (let row = view.firstRow; row <= rows; row++) {
    for (let column = view.firstColumn; column <= Math.min(view.lastColumn, view.firstColumn + 30); column++) {
      const text = view.text(row, column);
      if (CJK.test(text)) return "zh-CN";
      if (text) anyText = true;
    }
  }
  return anyText ? "en-US" : "zh-CN";
}

/** The table's shape: header cells naming a kind of column twice, repeated header rows, a second table. */
function layoutFindings(table: TableLocation, layout: TableLayout): RawFinding[] {
  const out: RawFinding[] = [];
  for (const duplicate of layout.duplicateColumns) {
    out.push({
      rule: "table.duplicate-column",
      row: duplicate.row,
      column: duplicate.column,
      params: {
        header: duplicate.header,
        firstHeader: duplicate.firstHeader,
        firstCell: cellAddress(duplicate.firstRow, duplicate.firstColumn),
      },
    });
  }
  for (const row of layout.repeatedHeaderRows) {
    out.push({ rule: "table.header-repeated", row, column: table.firstColumn, params: { headerRow: table.headerRow } });
  }
  if (layout.secondTableRow !== null) {
    out.push({
      rule: "table.second-table",
      row: layout.secondTableRow,
      column: table.firstColumn,
      params: { headerRow: table.headerRow, firstRow: table.firstDataRow, lastRow: table.lastDataRow },
    });
  }
  return out;
}

function duplicateIds(tasks: readonly Task[], table: TableLocation): RawFinding[] {
  if (table.columns.id === undefined) return [];
  // Numbering often restarts in each section: an id repeats only within its section.
  // Section -> id -> first row (no key string built per task: sections are long and shared by many tasks).
  const seen = new Map<string, Map<string, number>>();
  const out: RawFinding[] = [];
  for (const task of tasks) {
    if (!task.id) continue;
    const section = task.section ?? "";
    let ids = seen.get(section);
    if (ids === undefined) seen.set(section, (ids = new Map()));
    const first = ids.get(task.id);
    if (first === undefined) ids.set(task.id, task.row);
    else
      out.push({
        rule: "task.duplicate-id",
        row: task.row,
        column: table.columns.id,
        params: { id: task.id, otherRow: first },
      });
  }
  return out;
}

function directoryFindings(tasks: readonly Task[], directory: UnitDirectory): RawFinding[] {
  const used = new Set<string>();
  for (const task of tasks) for (const unit of [...task.lead, ...task.responsible]) used.add(unit);
  const out: RawFinding[] = [];
  for (const unit of directory.canonical) {
    if (!used.has(unit)) out.push({ rule: "unit.unassigned", row: null, column: null, params: { unit } });
  }
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function render(raw: RawFinding, sheet: string, language: Language): Finding {
  const column = raw.column === null ? null : columnLetter(raw.column);
  // The cell's address from the letter just found (as cellAddress writes it), not a second conversion.
  const cell = raw.row !== null && column !== null ? `${column}${raw.row}` : "";
  const suggestion = raw.suggestion ?? null;
  const params = { ...raw.params, row: raw.row ?? "", cell, sheet: raw.params.sheet ?? sheet };
  // A quoted cell text or unit name is cut short in the message (the whole of it stays in params). Only the
  // values the message names are looked at (a big plan renders tens of thousands: no object of them each).
  const all: Record<string, string | number> = params;
  const message = findingTextWith(language, raw.rule, (name) => {
    if (name === "suggestionText")
      return suggestionText(language, suggestion === null ? null : clip(suggestion, MAX_QUOTED));
    const value = Object.prototype.hasOwnProperty.call(all, name) ? all[name] : undefined;
    return typeof value === "string" ? clip(value, MAX_QUOTED) : value;
  });
  return {
    rule: raw.rule,
    severity: RULE_SEVERITY[raw.rule],
    sheet,
    row: raw.row,
    column,
    message,
    suggestion,
    params,
  };
}
