/**
 * Reading the body of a located table row by row (design §3 "Rows", "Unit cells", "Units inside the task text"):
 * blank, note and section rows are skipped; each task row yields its units, deadline cell and the findings
 * about its units. Deadlines and statuses are resolved by the caller.
 */
import type { DeadlineContext } from "./deadline";
import type { SheetView } from "./sheetView";
import { normalizeKey, toSimplified } from "./text";
import type { CellValue, RuleId, TableLocation } from "./types";
import { taskTextDeadline } from "./deadline";
import {
  closestUnit,
  isKnownUnit,
  splitTrailingUnits,
  unitCellReader,
  type ParsedUnit,
  type StandingNote,
  type UnitCellParse,
  type UnitCellReader,
  type UnitColumn,
  type UnitDirectory,
} from "./units";

/** A finding before its message is rendered (column is a 1-based sheet column). */
export interface RawFinding {
  rule: RuleId;
  row: number | null;
  column: number | null;
  params: Record<string, string | number>;
  suggestion?: string | null;
}

export interface RowContext {
  view: SheetView;
  table: TableLocation;
  directory: UnitDirectory | null;
  deadline: Omit<DeadlineContext, "numberFormat">;
  /** Findings about rows that are not tasks. */
  sink: RawFinding[];
  /** Body rows that repeat the header: never tasks. */
  skipRows?: ReadonlySet<number>;
}

export interface ParsedRow {
  row: number;
  id: string | null;
  section: string | null;
  text: string;
  lead: string[];
  responsible: string[];
  /** Leaders: the leaders column's people and the posts named in the unit cells. */
  leaders: string[];
  /** The deadline cell's value (or a deadline phrase found among the units), for parseDeadline. */
  deadlineValue: CellValue;
  deadlineFormat: string | null;
  /** The column findings about the deadline point at. */
  deadlineColumn: number;
  statusText: string;
  /** The completion-date cell's value ("" without such a column) and number format. */
  completedValue: CellValue;
  completedFormat: string | null;
  findings: RawFinding[];
  /** Did any unit cell of this row carry a role marker (牵头 / 配合 / labelled parts)? */
  markersSeen: boolean;
  /** The deadline was read from the task sentence (no deadline cell): the phrase, else null. */
  deadlineFromTask: string | null;
}

/** A task row read, before what the rows around it give it (standing instructions, group unit lines). */
interface Draft {
  parsed: ParsedRow;
  lead: ParsedUnit[];
  responsible: ParsedUnit[];
  /** The row named units of its own. */
  ownUnits: boolean;
  leadColumn: number;
  unitColumn: number;
  /** The row's number (id column, else the task text's own numbering), for "1-4项：X" ranges. */
  number: number | null;
  /** The standing instruction in force when the row was read (from a row above). */
  carried: Carried | null;
  /** Units a group line or a numbered range gives the row, with the row they come from. */
  group: { lead: ParsedUnit[]; responsible: ParsedUnit[]; sourceRow: number; text: string } | null;
  /** The first listed unit leads by a note of the plan (no lead.implicit). */
  firstLeadsStated: boolean;
}

/** A standing instruction: what a note of some row gives every task below it. */
interface Carried {
  sourceRow: number;
  text: string;
  firstLeads: boolean;
  lead: ParsedUnit[];
  responsible: ParsedUnit[];
  /** "……，下同": these units go to tasks that name none. */
  same: { lead: ParsedUnit[]; responsible: ParsedUnit[] } | null;
}

/** "1-4项牵头落实单位：X", "第1—3项：X": units for the tasks numbered in the range. */
interface RangeRule {
  from: number;
  to: number;
  lead: ParsedUnit[];
  responsible: ParsedUnit[];
  sourceRow: number;
  text: string;
}

export const ERROR_VALUE =
  /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
const NOTE_ROW = /^(注|备注|说明|附注|注释|note|notes)\s*[:：]/iu;
const SECTION_NUMBERING =
  /^([一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百]+\s*[）)]|第[一二三四五六七八九十百\d]+\s*[部分章节篇类项]|[IVXLC]+\s*[.、．])/u;

/** A row holding only a group unit line: "（责任单位：市直各有关单位、各县（市、区）人民政府）", "牵头单位：X". */
const GROUP_LINE =
  /^[（(〔【[]?\s*(?:牵头落实单位|牵头单位|牵头部门|责任单位|责任部门|配合单位|落实单位|主办单位|协办单位)\s*[：:]/u;
/** "1-4项牵头落实单位：X", "第1—3项：X", "1至2项：X". */
const RANGE_LINE =
  /^[（(〔【[]?\s*第?\s*(\d{1,3})\s*[-—–~～至到]\s*第?\s*(\d{1,3})\s*项\s*([^：:]{0,10})[：:]\s*(.+?)[）)〕】\]]?$/su;
const LEAD_LABEL = /牵头|主办/;
/** The number an id cell starts with. */
const ID_NUMBER = /^\d{1,3}/;
/** The number a task text starts with: 1. 2、 （3） (4) 5． */
const TASK_NUMBER = /^\s*[（(]?\s*(\d{1,3})\s*[)）.．、]/u;
/** Unknown names whose suggestion one table remembers. */
const MAX_SUGGESTIONS = 10_000;
/** Rows held while waiting for a group unit line below them (bounded: a plan without any flushes). */
const MAX_PENDING = 200;
const LEADER_SPLIT = /[、，,；;/／\n\r]+/u;

/** Reads every task row of the table, in order. */
export function* rowTasks(context: RowContext): Generator<ParsedRow> {
  const { view, table } = context;
  const { columns } = table;
  const roleColumns = Object.values(columns).filter((c): c is number => c !== undefined);
  const { firstColumn: tableFirst, lastColumn: tableLast } = table;
  let section: string | null = null;
  // The texts of the current row's table cells (error values read as ""), read once per row: every
  // later look-up of a cell of the row is an index into this array.
  const texts: string[] = new Array<string>(Math.max(0, tableLast - tableFirst + 1)).fill("");
  let row = table.firstDataRow;
  const textOf = (column: number | undefined): string => {
    if (column === undefined) return "";
    if (column >= tableFirst && column <= tableLast) return texts[column - tableFirst];
    const text = view.text(row, column);
    return ERROR_VALUE.test(text) ? "" : text;
  };

  // What rows give the rows below them: standing instructions, group lines, numbered ranges.
  let carried: Carried | null = null;
  let ranges: RangeRule[] = [];
  const pending: Draft[] = [];
  let pendingWithoutUnits = 0;
  const flush = function* (): Generator<ParsedRow> {
    for (const draft of pending) yield finishTask(draft);
    pending.length = 0;
    pendingWithoutUnits = 0;
  };
  // One reader for the whole table: a unit cell written on many rows is read once.
  const readUnits = unitCellReader(context.directory, table.place ?? null);
  const suggest = suggestions(context.directory);

  for (; row <= table.lastDataRow; row++) {
    if (context.skipRows?.has(row)) continue;
    // Texts of the table's columns; error values are reported and read as empty.
    let errorFindings: RawFinding[] | null = null;
    let firstText = "";
    let firstColumn = 0;
    // How many different texts the row holds: 0, 1 or 2 (two or more).
    let distinct = 0;
    for (let column = tableFirst; column <= tableLast; column++) {
      let text = view.text(row, column);
      if (text.charCodeAt(0) === 35 /* # */ && ERROR_VALUE.test(text)) {
        if (roleColumns.includes(column))
          (errorFindings ??= []).push({ rule: "cell.error-value", row, column, params: { text } });
        text = "";
      }
      texts[column - tableFirst] = text;
      if (!text) continue;
      if (!firstText) {
        firstText = text;
        firstColumn = column;
        distinct = 1;
      } else if (text !== firstText) distinct = 2;
    }
    if (distinct === 0) {
      if (errorFindings) context.sink.push(...errorFindings); // a row of error values only: reported, not read as a task
      continue;
    }

    if (distinct === 1 && NOTE_ROW.test(normalizeKey(firstText))) continue;

    // A row of one text (a number aside) that gives units to other rows: a group line, a numbered range, a
    // standing note.
    const soleText = distinct === 1 ? firstText : soleTextBesidesId(texts, tableFirst, columns.id);
    if (soleText !== null) {
      const given = unitsGivingRow(row, soleText, readUnits);
      if (given !== null) {
        if (given.kind === "standing") {
          carried = mergeCarried(carried, row, given.standing, null);
          continue;
        }
        if (given.kind === "range") {
          ranges.push(given.range);
          for (const draft of pending) applyRange(draft, given.range);
          continue;
        }
        // A group line: its units go to the rows since the previous group line or heading.
        for (const draft of pending)
          if (!draft.ownUnits && draft.group === null)
            draft.group = { lead: given.lead, responsible: given.responsible, sourceRow: row, text: soleText };
        yield* flush();
        continue;
      }
    }

    const leadText = textOf(columns.lead);
    const responsibleText = textOf(columns.responsible);
    const deadlineText = textOf(columns.deadline);
    // A section row: one text, merged across the table (even if an adapter repeated it in every cell),
    // or alone in its row with section numbering or outside the task column.
    const wide = distinct === 1 && view.mergeWidthAt(row, firstColumn) >= 2;
    let sectionRow = wide;
    if (!wide && !leadText && !responsibleText && !deadlineText && distinct === 1) {
      const numbered = SECTION_NUMBERING.test(normalizeKey(firstText));
      const outsideTask = firstColumn !== columns.task;
      const onlyNumber = firstColumn === columns.id && /^[\d.]+$/.test(firstText);
      if (onlyNumber) continue; // a task number with nothing else: not a task yet
      sectionRow = numbered || outsideTask;
    }
    if (sectionRow) {
      // A heading closes the group of rows a group line may govern; a note in it governs the rows below.
      yield* flush();
      ranges = [];
      section = toSimplified(firstText);
      const standing = readUnits(firstText, "mixed").standing;
      if (standing) carried = mergeCarried(carried, row, standing, null);
      continue;
    }

    const draft = readTask(context, row, section, textOf, errorFindings ?? [], readUnits, suggest);
    draft.carried = carried;
    for (const range of ranges) applyRange(draft, range);
    // A note of this row that governs the rows below (下同): from the next row on.
    if (draft.standingHere) {
      const { standing, units } = draft.standingHere;
      carried = mergeCarried(carried, row, standing, standing.sameAsAbove ? units : null);
    }
    if (pending.length === 0 && (draft.ownUnits || draft.group !== null)) {
      yield finishTask(draft);
      continue;
    }
    pending.push(draft);
    if (!draft.ownUnits && draft.group === null) pendingWithoutUnits++;
    if (pendingWithoutUnits === 0 || pending.length >= MAX_PENDING) yield* flush();
  }
  yield* flush();
}

/** The one text of a row besides its id cell ("3 | 具体任务均涉及……，不再做分工"), or null. */
function soleTextBesidesId(texts: readonly string[], first: number, idColumn: number | undefined): string | null {
  if (idColumn === undefined || !texts[idColumn - first]) return null;
  let sole: string | null = null;
  for (let i = 0; i < texts.length; i++) {
    if (i === idColumn - first || !texts[i]) continue;
    if (sole !== null && texts[i] !== sole) return null;
    sole = texts[i];
  }
  return sole;
}

type GivingRow =
  | { kind: "standing"; standing: StandingNote }
  | { kind: "range"; range: RangeRule }
  | { kind: "group"; lead: ParsedUnit[]; responsible: ParsedUnit[] };

/** A row whose one text gives units to other rows (and is no task itself), or null. */
function unitsGivingRow(row: number, text: string, readUnits: UnitCellReader): GivingRow | null {
  const key = normalizeKey(text);
  if (key.length > 500) return null;
  const range = RANGE_LINE.exec(key);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    const label = range[3];
    const kind: UnitColumn = LEAD_LABEL.test(label) ? "lead" : label ? "responsible" : "mixed";
    const parse = readUnits(range[4], kind);
    if (parse.lead.length + parse.responsible.length === 0 || from > to) return null;
    return {
      kind: "range",
      range: { from, to, lead: [...parse.lead], responsible: [...parse.responsible], sourceRow: row, text },
    };
  }
  if (GROUP_LINE.test(key)) {
    const parse = readUnits(text, "mixed");
    if (parse.lead.length + parse.responsible.length === 0) return null;
    return { kind: "group", lead: [...parse.lead], responsible: [...parse.responsible] };
  }
  // A standing instruction alone in its row: "（以下均需各县市区落实，不再逐一列出）".
  const parse = readUnits(text, "mixed");
  if (parse.standing === null) return null;
  const noteUnits = parse.standing.units.map((unit) => unit.name);
  const own = [...parse.lead, ...parse.responsible].some((unit) => !noteUnits.includes(unit.name));
  return own ? null : { kind: "standing", standing: parse.standing };
}

/** Adds a standing note to what is carried (a later note adds to an earlier one; 下同 replaces the units). */
function mergeCarried(
  before: Carried | null,
  sourceRow: number,
  standing: StandingNote,
  same: { lead: ParsedUnit[]; responsible: ParsedUnit[] } | null,
): Carried {
  const lead = standing.unitsLead ? standing.units : [];
  const responsible = standing.unitsLead ? [] : standing.units;
  // The row and note named in unit.carried are those that give units (a convention alone gives none).
  const givesUnits = standing.units.length > 0 || same !== null;
  const keepBefore = before !== null && !givesUnits;
  return {
    sourceRow: keepBefore ? before.sourceRow : sourceRow,
    text: keepBefore ? before.text : standing.text,
    firstLeads: standing.firstLeads || (before?.firstLeads ?? false),
    lead: [...(before?.lead ?? []), ...lead],
    responsible: [...(before?.responsible ?? []), ...responsible],
    same: same ?? before?.same ?? null,
  };
}

function applyRange(draft: Draft, range: RangeRule): void {
  if (draft.ownUnits || draft.group !== null || draft.number === null) return;
  if (draft.number < range.from || draft.number > range.to) return;
  draft.group = { lead: range.lead, responsible: range.responsible, sourceRow: range.sourceRow, text: range.text };
}

/** The row's units once the rows around it have spoken; the findings about its lead. */
function finishTask(draft: Draft): ParsedRow {
  const { parsed } = draft;
  const { row, findings } = parsed;
  let lead = draft.lead;
  let responsible = draft.responsible;
  const carried = draft.carried;
  const carriedColumn = draft.unitColumn;

  if (!draft.ownUnits && draft.group !== null) {
    lead = [...draft.group.lead];
    responsible = [...draft.group.responsible];
    findings.push({
      rule: "unit.carried",
      row,
      column: carriedColumn,
      params: {
        units: names([...lead, ...responsible]),
        sourceRow: draft.group.sourceRow,
        note: draft.group.text,
      },
    });
  }
  if (carried !== null) {
    const given: ParsedUnit[] = [];
    if (lead.length + responsible.length === 0 && carried.same !== null) {
      lead = [...carried.same.lead];
      responsible = [...carried.same.responsible];
      given.push(...lead, ...responsible);
    }
    for (const unit of carried.lead) if (addUnit(lead, unit, responsible)) given.push(unit);
    for (const unit of carried.responsible) if (addUnit(responsible, unit, lead)) given.push(unit);
    if (carried.firstLeads && lead.length === 0 && responsible.length > 0) {
      lead = [responsible[0]];
      responsible = responsible.slice(1);
    }
    if (given.length > 0)
      findings.push({
        rule: "unit.carried",
        row,
        column: carriedColumn,
        params: { units: names(given), sourceRow: carried.sourceRow, note: carried.text },
      });
  }
  // The plan stated its convention (列第一位的为牵头单位): the first unit leads by the plan's word, not a guess.
  if (draft.firstLeadsStated || carried?.firstLeads) {
    for (let i = findings.length - 1; i >= 0; i--) if (findings[i].rule === "lead.implicit") findings.splice(i, 1);
    parsed.markersSeen = true;
  }

  const leadNames = lead.map((unit) => unit.name);
  const responsibleNames: string[] = [];
  for (let i = 0; i < responsible.length; i++) {
    const name = responsible[i].name;
    if (!leadNames.includes(name) && !responsibleNames.includes(name)) responsibleNames.push(name);
  }
  const leadColumn = draft.leadColumn;
  if (lead.length === 0) findings.push({ rule: "lead.missing", row, column: leadColumn, params: {} });
  if (lead.length > 1) {
    findings.push({
      rule: "lead.multiple",
      row,
      column: leadColumn,
      params: { count: lead.length, units: leadNames.join("、") },
    });
  }
  for (let i = 0; i < lead.length; i++) {
    if (lead[i].kind === "collective")
      findings.push({ rule: "lead.collective", row, column: leadColumn, params: { unit: lead[i].name } });
  }
  parsed.lead = leadNames;
  parsed.responsible = responsibleNames;
  return parsed;
}

function names(units: readonly ParsedUnit[]): string {
  return units.map((unit) => unit.name).join("、");
}

/** Adds a unit to a list unless it is there (or in the other role already). */
function addUnit(target: ParsedUnit[], unit: ParsedUnit, other: readonly ParsedUnit[]): boolean {
  if (target.some((u) => u.name === unit.name) || other.some((u) => u.name === unit.name)) return false;
  target.push(unit);
  return true;
}

function readTask(
  context: RowContext,
  row: number,
  rowSection: string | null,
  textOf: (column: number | undefined) => string,
  errorFindings: RawFinding[],
  readUnits: UnitCellReader,
  suggest: (unit: string) => string | null,
): Draft & {
  standingHere: { standing: StandingNote; units: { lead: ParsedUnit[]; responsible: ParsedUnit[] } } | null;
} {
  const { view, table, directory } = context;
  const { columns } = table;
  // The row's own list (made for this row by rowTasks): no copy needed.
  const findings: RawFinding[] = errorFindings;
  let text = textOf(columns.task);
  const taskColumn = columns.task ?? columns.lead ?? columns.responsible ?? table.firstColumn;

  // Which cells hold the units, and how to read them.
  const cells: { column: number; text: string; kind: UnitColumn }[] = [];
  const hasLead = columns.lead !== undefined;
  const hasResponsible = columns.responsible !== undefined;
  if (hasLead) cells.push({ column: columns.lead!, text: textOf(columns.lead), kind: "lead" });
  if (hasResponsible)
    cells.push({
      column: columns.responsible!,
      text: textOf(columns.responsible),
      kind: hasLead ? "responsible" : "mixed",
    });
  if (cells.every((cell) => !cell.text) && text) {
    const trailing = splitTrailingUnits(text);
    if (trailing) {
      text = trailing.task;
      cells.length = 0;
      cells.push({ column: taskColumn, text: trailing.units, kind: "mixed" });
    }
  }

  const lead: ParsedUnit[] = [];
  const responsible: ParsedUnit[] = [];
  const leaders: string[] = [];
  let markersSeen = false;
  let extraDeadline: string | null = null;
  let firstLeadsStated = false;
  let standingHere: { standing: StandingNote; units: { lead: ParsedUnit[]; responsible: ParsedUnit[] } } | null = null;
  let leadColumn = columns.lead ?? cells[0]?.column ?? taskColumn;
  const parses: { cell: (typeof cells)[number]; parse: UnitCellParse }[] = [];
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell.text) continue;
    const parse = readUnits(cell.text, cell.kind);
    parses.push({ cell, parse });
    if (parse.leadSource === "marker" || parse.leadSource === "none" || parse.multipleLeadMarker) markersSeen = true;
    if (parse.leadSource === "note") firstLeadsStated = true;
    if (parse.lead.length > 0 && lead.length === 0) leadColumn = cell.column;
    pushUnique(lead, parse.lead);
    pushUnique(responsible, parse.responsible);
    for (let i = 0; i < parse.leaders.length; i++)
      if (!leaders.includes(parse.leaders[i])) leaders.push(parse.leaders[i]);
    if (parse.standing && !standingHere) {
      const noteUnits = parse.standing.units.map((unit) => unit.name);
      standingHere = {
        standing: parse.standing,
        units: {
          lead: parse.lead.filter((unit) => !noteUnits.includes(unit.name)),
          responsible: parse.responsible.filter((unit) => !noteUnits.includes(unit.name)),
        },
      };
    }
    if (parse.deadlineText && !extraDeadline) extraDeadline = parse.deadlineText;
    for (let i = 0; i < parse.duplicates.length; i++)
      findings.push({ rule: "unit.duplicate", row, column: cell.column, params: { unit: parse.duplicates[i] } });
    for (let i = 0; i < parse.lead.length + parse.responsible.length; i++) {
      const unit = i < parse.lead.length ? parse.lead[i] : parse.responsible[i - parse.lead.length];
      if (unit.alias)
        findings.push({
          rule: "unit.alias",
          row,
          column: cell.column,
          params: { unit: unit.name, written: unit.written },
        });
      if (directory && unit.kind !== "collective" && !isKnownUnit(unit.name, directory)) {
        findings.push({
          rule: "unit.unknown",
          row,
          column: cell.column,
          params: { unit: unit.name, directory: directory.sheet },
          suggestion: suggest(unit.name),
        });
      }
    }
    if (parse.leadSource === "implicit" && parse.lead[0])
      findings.push({ rule: "lead.implicit", row, column: cell.column, params: { unit: parse.lead[0].name } });
  }

  // Lead wins: a unit both leading and listed as responsible counts as lead, with a finding.
  // (A task has a few units: arrays, not sets, keep this cheap over 100,000 rows.)
  const leadNames = lead.map((unit) => unit.name);
  const reported: string[] = [];
  const reportClash = (unit: string, column: number) => {
    if (reported.includes(unit)) return;
    reported.push(unit);
    findings.push({ rule: "responsible.includes-lead", row, column, params: { unit } });
  };
  for (let p = 0; p < parses.length; p++) {
    const { cell, parse } = parses[p];
    for (let i = 0; i < parse.leadAlsoResponsible.length; i++) reportClash(parse.leadAlsoResponsible[i], cell.column);
    if (cell.kind !== "responsible") continue;
    for (let i = 0; i < parse.responsible.length; i++) {
      const name = parse.responsible[i].name;
      if (leadNames.includes(name)) reportClash(name, cell.column);
    }
  }

  const anyUnit = lead.length + responsible.length > 0;
  if (!text && (anyUnit || textOf(columns.deadline)))
    findings.push({ rule: "task.empty", row, column: taskColumn, params: {} });

  // The deadline: its cell, or a phrase found with the units (（省政府办公厅牵头，年内持续推进）), or a dated
  // milestone in the task sentence (……2022年10月底前编制并公布……).
  let deadlineValue: CellValue = columns.deadline !== undefined ? view.value(row, columns.deadline) : "";
  if (typeof deadlineValue === "string" && !textOf(columns.deadline)) deadlineValue = "";
  let deadlineColumn = columns.deadline ?? taskColumn;
  let deadlineFromTask: string | null = null;
  if ((deadlineValue === "" || deadlineValue === null) && extraDeadline) {
    deadlineValue = extraDeadline;
    deadlineColumn = cells[0]?.column ?? taskColumn;
  } else if ((deadlineValue === "" || deadlineValue === null) && text) {
    deadlineFromTask = taskTextDeadline(text);
    if (deadlineFromTask !== null) {
      deadlineValue = deadlineFromTask;
      deadlineColumn = taskColumn;
    }
  }
  const deadlineFormat = columns.deadline !== undefined ? view.numberFormat(row, columns.deadline) : null;

  // Leaders: the leaders column's people, then the posts named in the unit cells.
  const leaderText = textOf(columns.leader);
  const people = leaderText
    ? leaderText
        .split(LEADER_SPLIT)
        .map((name) => name.trim())
        .filter((name) => name !== "")
    : [];
  for (let i = 0; i < leaders.length; i++) if (!people.includes(leaders[i])) people.push(leaders[i]);

  const sectionText = columns.section !== undefined ? textOf(columns.section) : "";
  const idText = textOf(columns.id);
  const numbered = ID_NUMBER.exec(idText) ?? TASK_NUMBER.exec(text);
  return {
    parsed: {
      row,
      id: idText || null,
      section: sectionText ? toSimplified(sectionText) : rowSection,
      text,
      lead: [],
      responsible: [],
      leaders: people,
      deadlineValue,
      deadlineFormat,
      deadlineColumn,
      statusText: textOf(columns.status),
      completedValue:
        columns.completed !== undefined && textOf(columns.completed) ? view.value(row, columns.completed) : "",
      completedFormat: columns.completed !== undefined ? view.numberFormat(row, columns.completed) : null,
      findings,
      markersSeen,
      deadlineFromTask,
    },
    lead,
    responsible,
    ownUnits: anyUnit,
    leadColumn,
    unitColumn: cells[0]?.column ?? columns.responsible ?? columns.lead ?? taskColumn,
    number: numbered ? Number(numbered[numbered.length - 1] ?? numbered[0]) : null,
    carried: null,
    group: null,
    firstLeadsStated,
    standingHere,
  };
}

/** Names not in the directory seen in this table: the directory's closest name for each, looked for once
 * (it is compared with every name of the directory). */
function suggestions(directory: UnitDirectory | null): (unit: string) => string | null {
  const found = new Map<string, string | null>();
  return (unit) => {
    if (directory === null) return null;
    let suggestion = found.get(unit);
    if (suggestion === undefined) {
      suggestion = closestUnit(unit, directory);
      if (found.size < MAX_SUGGESTIONS) found.set(unit, suggestion);
    }
    return suggestion;
  };
}

// Indexed loops in this file's per-row functions: until V8 optimises them, a for-of loop allocates an iterator
// and a result object per step (46 MB of readTask's allocation on 100k rows, bench/notes.md).
function pushUnique(target: ParsedUnit[], units: readonly ParsedUnit[]): void {
  // A cell's own units are distinct by name already: into an empty list they all go.
  if (target.length === 0) {
    for (let i = 0; i < units.length; i++) target.push(units[i]);
    return;
  }
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    let seen = false;
    for (let j = 0; j < target.length && !seen; j++) if (target[j].name === unit.name) seen = true;
    if (!seen) target.push(unit);
  }
}
