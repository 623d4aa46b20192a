/**
 * Reading the body of a located table row by row (design §3 "Rows", "Unit cells", "Units inside the task text"):
 * blank, note and section rows are skipped; each task row yields its units, deadline cell and the findings
 * about its units. Deadlines and statuses are resolved by the caller.
 */
import type { DeadlineContext } from "./deadline";
import type { SheetView } from "./sheetView";
import { normalizeKey, toSimplified } from "./text";
import type { CellValue, RuleId, TableLocation } from "./types";
import {
  closestUnit,
  isKnownUnit,
  parseUnitCell,
  splitTrailingUnits,
  type ParsedUnit,
  type UnitCellParse,
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
  /** The deadline cell's value (or a deadline phrase found among the units), for parseDeadline. */
  deadlineValue: CellValue;
  deadlineFormat: string | null;
  /** The column findings about the deadline point at. */
  deadlineColumn: number;
  statusText: string;
  findings: RawFinding[];
  /** Did any unit cell of this row carry a role marker (牵头 / 配合 / labelled parts)? */
  markersSeen: boolean;
}

export const ERROR_VALUE =
  /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
const NOTE_ROW = /^(注|备注|说明|附注|注释|note|notes)\s*[:：]/iu;
const SECTION_NUMBERING =
  /^([一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百]+\s*[）)]|第[一二三四五六七八九十百\d]+\s*[部分章节篇类项]|[IVXLC]+\s*[.、．])/u;

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

    const leadText = textOf(columns.lead);
    const responsibleText = textOf(columns.responsible);
    const deadlineText = textOf(columns.deadline);
    // A section row: one text, merged across the table (even if an adapter repeated it in every cell),
    // or alone in its row with section numbering or outside the task column.
    const wide = distinct === 1 && view.mergeWidthAt(row, firstColumn) >= 2;
    if (wide) {
      section = toSimplified(firstText);
      continue;
    }
    if (!leadText && !responsibleText && !deadlineText && distinct === 1) {
      const numbered = SECTION_NUMBERING.test(normalizeKey(firstText));
      const outsideTask = firstColumn !== columns.task;
      const onlyNumber = firstColumn === columns.id && /^[\d.]+$/.test(firstText);
      if (onlyNumber) continue; // a task number with nothing else: not a task yet
      if (numbered || outsideTask) {
        section = toSimplified(firstText);
        continue;
      }
    }

    yield readTask(context, row, section, textOf, errorFindings ?? []);
  }
}

function readTask(
  context: RowContext,
  row: number,
  rowSection: string | null,
  textOf: (column: number | undefined) => string,
  errorFindings: RawFinding[],
): ParsedRow {
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
  let markersSeen = false;
  let extraDeadline: string | null = null;
  let leadColumn = columns.lead ?? cells[0]?.column ?? taskColumn;
  const parses: { cell: (typeof cells)[number]; parse: UnitCellParse }[] = [];
  for (const cell of cells) {
    if (!cell.text) continue;
    const parse = parseUnitCell(cell.text, cell.kind, directory);
    parses.push({ cell, parse });
    if (parse.leadSource === "marker" || parse.leadSource === "none" || parse.multipleLeadMarker) markersSeen = true;
    if (parse.lead.length > 0 && lead.length === 0) leadColumn = cell.column;
    pushUnique(lead, parse.lead);
    pushUnique(responsible, parse.responsible);
    if (parse.deadlineText && !extraDeadline) extraDeadline = parse.deadlineText;
    for (const unit of parse.duplicates)
      findings.push({ rule: "unit.duplicate", row, column: cell.column, params: { unit } });
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
          suggestion: closestUnit(unit.name, directory),
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
  for (const { cell, parse } of parses) {
    for (const unit of parse.leadAlsoResponsible) reportClash(unit, cell.column);
    if (cell.kind !== "responsible") continue;
    for (const unit of parse.responsible) if (leadNames.includes(unit.name)) reportClash(unit.name, cell.column);
  }
  const responsibleNames: string[] = [];
  for (const unit of responsible) if (!leadNames.includes(unit.name)) responsibleNames.push(unit.name);

  const anyUnit = lead.length + responsible.length > 0;
  if (lead.length === 0) findings.push({ rule: "lead.missing", row, column: leadColumn, params: {} });
  if (lead.length > 1) {
    findings.push({
      rule: "lead.multiple",
      row,
      column: leadColumn,
      params: { count: lead.length, units: lead.map((unit) => unit.name).join("、") },
    });
  }
  for (const unit of lead) {
    if (unit.kind === "collective")
      findings.push({ rule: "lead.collective", row, column: leadColumn, params: { unit: unit.name } });
  }
  if (!text && (anyUnit || textOf(columns.deadline)))
    findings.push({ rule: "task.empty", row, column: taskColumn, params: {} });

  // The deadline: its cell, or a phrase found with the units (（省政府办公厅牵头，年内持续推进）).
  let deadlineValue: CellValue = columns.deadline !== undefined ? view.value(row, columns.deadline) : "";
  if (typeof deadlineValue === "string" && !textOf(columns.deadline)) deadlineValue = "";
  let deadlineColumn = columns.deadline ?? taskColumn;
  if ((deadlineValue === "" || deadlineValue === null) && extraDeadline) {
    deadlineValue = extraDeadline;
    deadlineColumn = cells[0]?.column ?? taskColumn;
  }
  const deadlineFormat = columns.deadline !== undefined ? view.numberFormat(row, columns.deadline) : null;

  const sectionText = columns.section !== undefined ? textOf(columns.section) : "";
  const idText = textOf(columns.id);
  return {
    row,
    id: idText || null,
    section: sectionText ? toSimplified(sectionText) : rowSection,
    text,
    lead: leadNames,
    responsible: responsibleNames,
    deadlineValue,
    deadlineFormat,
    deadlineColumn,
    statusText: textOf(columns.status),
    findings,
    markersSeen,
  };
}

function pushUnique(target: ParsedUnit[], units: readonly ParsedUnit[]): void {
  for (const unit of units) {
    let known = false;
    for (const existing of target) if (existing.name === unit.name) known = true;
    if (!known) target.push(unit);
  }
}
