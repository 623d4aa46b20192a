/**
 * Evaluates our conditional-format rules with a real formula engine (HyperFormula), as Excel does: each rule's
 * formula is written relative to the top-left cell of the range it applies to, so for every cell of that range
 * the relative references are moved by the cell's distance from the top-left, then the formula is computed
 * against the workbook's sheets and names.
 *
 * "Today": HyperFormula's TODAY() reads Date.now(); `evaluateRules(workbook, "2017-08-15")` stubs Date.now() to
 * that local day for the evaluation and restores it after. The formulas are evaluated exactly as written.
 *
 * SUMPRODUCT evaluates its arguments as arrays in Excel and LibreOffice; HyperFormula does so with
 * `useArrayArithmetic: true`, set here.
 */
import { HyperFormula } from "hyperformula";
import { OWNED_MARKER } from "../../src/app/port";
import { columnLetter, columnNumber } from "../../src/core/address";
import type { CellValue, IsoDate } from "../../src/core/types";

export interface EngineSheet {
  name: string;
  /** From A1, row-major; "" or null for empty cells. */
  values: CellValue[][];
}

export interface EngineRule {
  sheet: string;
  /** "A5:G120" */
  ref: string;
  /** With the leading "=". */
  formula: string;
  fill: string;
}

export interface EngineWorkbook {
  sheets: EngineSheet[];
  /** refersTo with or without the leading "=", sheet names quoted or not. */
  names: { name: string; refersTo: string }[];
  rules: EngineRule[];
}

/** 1-based sheet cell a rule is true on. */
export interface TrueCell {
  row: number;
  column: number;
}

const quote = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

function parseRef(ref: string): { top: number; left: number; bottom: number; right: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) throw new Error(`odd ref ${ref}`);
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  return { top, left, right: m[3] ? columnNumber(m[3]) : left, bottom: m[4] ? Number(m[4]) : top };
}

/** The formula for the cell `rows` below and `columns` right of the top-left, references qualified by sheet. */
export function moveFormula(formula: string, sheet: string, rows: number, columns: number): string {
  // Split off string literals ("" inside is a quote) so that text is never taken for a reference.
  return formula.replace(/("(?:[^"]|"")*")|([^"]+)/g, (_all, literal: string | undefined, code: string | undefined) => {
    if (literal !== undefined) return literal;
    return (code ?? "").replace(
      /(?<![A-Za-z0-9_.!'])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g,
      (_m, colAbs: string, col: string, rowAbs: string, row: string) => {
        const c = colAbs ? columnNumber(col) : columnNumber(col) + columns;
        const r = rowAbs ? Number(row) : Number(row) + rows;
        return `${quote(sheet)}!${colAbs}${columnLetter(c)}${rowAbs}${r}`;
      },
    );
  });
}

const CALC = "zz_rule_cells";

/** Local midnight of an ISO day, as Date.now() would give during that day. */
const dayMillis = (iso: IsoDate): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d, 12, 0, 0).getTime();
};

/**
 * Where each rule is true, as of `today`: one list of cells per rule (in the order given). A formula that
 * fails (an error value) is false, as in Excel.
 */
export function evaluateRules(workbook: EngineWorkbook, today: IsoDate): TrueCell[][] {
  const realNow = Date.now;
  Date.now = () => dayMillis(today);
  try {
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true });
    for (const sheet of workbook.sheets) {
      hf.addSheet(sheet.name);
      const id = hf.getSheetId(sheet.name)!;
      hf.setSheetContent(
        id,
        sheet.values.map((row) => row.map((value) => (value === null || value === "" ? null : literal(value)))),
      );
    }
    // Our names (the users' may use what HyperFormula does not take, e.g. Chinese names).
    for (const { name, refersTo } of workbook.names.filter((n) => n.name.startsWith(OWNED_MARKER))) {
      const target = refersTo.replace(/^=/, "").replace(/^([^'!][^!]*)!/, (_m, s: string) => `${quote(s)}!`);
      hf.addNamedExpression(name, `=${target}`);
    }
    hf.addSheet(CALC);
    const calc = hf.getSheetId(CALC)!;
    const cells: { rule: number; row: number; column: number }[] = [];
    const formulas: string[][] = [];
    workbook.rules.forEach((rule, index) => {
      const box = parseRef(rule.ref);
      for (let row = box.top; row <= box.bottom; row++) {
        for (let column = box.left; column <= box.right; column++) {
          cells.push({ rule: index, row, column });
          formulas.push([moveFormula(rule.formula, rule.sheet, row - box.top, column - box.left)]);
        }
      }
    });
    hf.setSheetContent(calc, formulas);
    const values = hf.getSheetValues(calc);
    const result: TrueCell[][] = workbook.rules.map(() => []);
    cells.forEach((cell, i) => {
      if (values[i]?.[0] === true) result[cell.rule].push({ row: cell.row, column: cell.column });
    });
    hf.destroy();
    return result;
  } finally {
    Date.now = realNow;
  }
}

/** A cell value as HyperFormula takes it: text that looks like a formula or number stays text. */
function literal(value: string | number | boolean): string | number | boolean {
  if (typeof value !== "string") return value;
  return /^[=+\-@']|^\s*[\d.]/.test(value) || /^(true|false)$/i.test(value) ? `'${value}` : value;
}

/** Rows on which a rule is true in every cell of the row it covers. */
export function wholeRows(cells: TrueCell[], ref: string): number[] {
  const box = parseRef(ref);
  const width = box.right - box.left + 1;
  const count = new Map<number, number>();
  for (const cell of cells) count.set(cell.row, (count.get(cell.row) ?? 0) + 1);
  return [...count]
    .filter(([, n]) => n === width)
    .map(([row]) => row)
    .sort((a, b) => a - b);
}

/** Rows on which a rule is true in any cell. */
export function anyRows(cells: TrueCell[]): number[] {
  return [...new Set(cells.map((cell) => cell.row))].sort((a, b) => a - b);
}

export { columnLetter };
