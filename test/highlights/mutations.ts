/**
 * What staff do to a shared plan between two checks, done to the engine's workbook as Excel does it: inserting
 * or deleting rows moves the cells below and adjusts every reference to them, including the range a conditional
 * format applies to and its formula; sorting moves cell values only (rules and the data sheet stay as written).
 */
import { HIGHLIGHT_FILLS, type HighlightCategory } from "../../src/app/port";
import { columnLetter, columnNumber } from "../../src/core/address";
import type { CellValue, IsoDate } from "../../src/core/types";
import { evaluateRules, wholeRows, type EngineWorkbook } from "./engine";

const clone = (workbook: EngineWorkbook): EngineWorkbook => JSON.parse(JSON.stringify(workbook)) as EngineWorkbook;

/** Adjust the rows of A1 references outside string literals: `move(row)` gives the new row (or null: gone). */
function adjustRefs(text: string, move: (row: number) => number | null): string {
  return text.replace(/("(?:[^"]|"")*")|([^"]+)/g, (_all, literal: string | undefined, code: string | undefined) => {
    if (literal !== undefined) return literal;
    return (code ?? "").replace(
      /(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
      (_m, colAbs: string, col: string, rowAbs: string, row: string) => {
        const moved = move(Number(row));
        return moved === null ? "#REF!" : `${colAbs}${col}${rowAbs}${moved}`;
      },
    );
  });
}

function adjustRef(ref: string, move: (row: number) => number | null, deleted?: [number, number]): string {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref)!;
  let top = Number(m[2]);
  let bottom = Number(m[4]);
  if (deleted) {
    const [from, to] = deleted;
    const goneUpTo = (row: number): number => Math.max(0, Math.min(row, to) - from + 1);
    top -= goneUpTo(top - 1);
    bottom -= goneUpTo(bottom);
  } else {
    top = move(top)!;
    bottom = move(bottom)!;
  }
  return `${m[1]}${top}:${m[3]}${bottom}`;
}

/** Insert `rows` (values from column A) before sheet row `at` of `sheet`. */
export function insertRows(workbook: EngineWorkbook, sheet: string, at: number, rows: CellValue[][]): EngineWorkbook {
  const next = clone(workbook);
  const target = next.sheets.find((s) => s.name === sheet)!;
  while (target.values.length < at - 1) target.values.push([]);
  target.values.splice(at - 1, 0, ...rows.map((row) => [...row]));
  const move = (row: number): number => (row >= at ? row + rows.length : row);
  for (const rule of next.rules.filter((r) => r.sheet === sheet)) {
    rule.ref = adjustRef(rule.ref, move);
    rule.formula = adjustRefs(rule.formula, move);
  }
  return next;
}

/** Delete sheet rows `from`..`to` of `sheet` (not the body's top row: a rule's anchor is not deleted here). */
export function deleteRows(workbook: EngineWorkbook, sheet: string, from: number, to: number): EngineWorkbook {
  const next = clone(workbook);
  const target = next.sheets.find((s) => s.name === sheet)!;
  target.values.splice(from - 1, to - from + 1);
  const count = to - from + 1;
  const move = (row: number): number | null => (row < from ? row : row > to ? row - count : null);
  for (const rule of next.rules.filter((r) => r.sheet === sheet)) {
    rule.ref = adjustRef(rule.ref, move, [from, to]);
    rule.formula = adjustRefs(rule.formula, move);
  }
  return next;
}

/** Sort sheet rows `first`..`last` by the text of `column` (as Excel's sort: values move, rules stay). */
export function sortRows(
  workbook: EngineWorkbook,
  sheet: string,
  first: number,
  last: number,
  column: string,
  descending = false,
): EngineWorkbook {
  const next = clone(workbook);
  const target = next.sheets.find((s) => s.name === sheet)!;
  const c = columnNumber(column) - 1;
  const body = target.values.slice(first - 1, last).map((row) => row ?? []);
  const text = (row: CellValue[]) => String(row[c] ?? "");
  body.sort((a, b) => (descending ? -1 : 1) * text(a).localeCompare(text(b), "zh-CN"));
  target.values.splice(first - 1, body.length, ...body);
  return next;
}

/** Write one cell (as a user types into it). */
export function setCell(workbook: EngineWorkbook, sheet: string, address: string, value: CellValue): EngineWorkbook {
  const next = clone(workbook);
  const target = next.sheets.find((s) => s.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const r = Number(m[2]) - 1;
  const c = columnNumber(m[1]) - 1;
  while (target.values.length <= r) target.values.push([]);
  const row = target.values[r];
  while (row.length <= c) row.push("");
  row[c] = value;
  return next;
}

/** The value of a cell of the engine's workbook. */
export function cellOf(workbook: EngineWorkbook, sheet: string, row: number, column: number): CellValue {
  return workbook.sheets.find((s) => s.name === sheet)?.values[row - 1]?.[column - 1] ?? "";
}

const colour = (fill: string): string => fill.replace(/^#|^FF(?=[0-9A-F]{6}$)/i, "").toUpperCase();

export interface Highlighted {
  overdue: number[];
  dueSoon: number[];
  /** "C7" */
  errorCells: string[];
}

/** What our rules highlight as of `today`: whole rows for overdue / due soon, cells for errors. */
export function highlighted(workbook: EngineWorkbook, today: IsoDate): Highlighted {
  const results = evaluateRules(workbook, today);
  const of = (category: HighlightCategory) => {
    const index = workbook.rules.findIndex((rule) => colour(rule.fill) === colour(HIGHLIGHT_FILLS[category]));
    if (index < 0) throw new Error(`no ${category} rule`);
    return { rule: workbook.rules[index], cells: results[index] };
  };
  const overdue = of("overdue");
  const dueSoon = of("dueSoon");
  const error = of("error");
  return {
    overdue: wholeRows(overdue.cells, overdue.rule.ref),
    dueSoon: wholeRows(dueSoon.cells, dueSoon.rule.ref),
    errorCells: error.cells.map((cell) => `${columnLetter(cell.column)}${cell.row}`).sort(),
  };
}
