/**
 * Everything our highlights put into a workbook, adapter-neutral: the Excel adapter and the .xlsx writer write
 * exactly these parts and nothing else, so a copy marked by the CLI and a workbook marked in Excel hold the same
 * thing, and either can clear the other's.
 *
 * The encoding (design §6): highlights follow their tasks and stay true tomorrow.
 * - A row is keyed by its own content: the first non-empty of its key cells (task text, else id) as the sheet
 *   holds it, shortened to its first KEY_TEXT_LENGTH characters without the wildcard characters ~ * ? and
 *   followed by "|" and the full length: `rowKey`. Lookup values stay under Excel's 255-character limit for
 *   MATCH / VLOOKUP, hold no wildcard (Excel and LibreOffice would read * ? ~ as patterns, HyperFormula would
 *   not), and are always text (an id 3 and an id "3" give the same key "3|1").
 * - The very hidden data sheet (from A1; row 1 headers, which no key can equal: keys end in "|" + digits):
 *   A key, B due date (Excel serial) of every task whose highlight may change by itself; C error-cell keys
 *   (row key + "|" + column offset in the body); D status words, E their weights (+1 done, -100 not done).
 * - Names: fengong_due = A1:B(n+1), fengong_errors = C1:C(m+1), fengong_words = D2:D…, fengong_weight = E2:E….
 * - Rules over the body, relative to its top-left cell (the key, status and first-column references are
 *   column-absolute and row-relative, so every row reads its own cells):
 *     overdue   =AND(VLOOKUP(key,fengong_due,2,0)<TODAY(),notDone)
 *     due soon  =AND(ABS(VLOOKUP(key,fengong_due,2,0)-TODAY()-N/2)<=N/2,notDone)
 *               (0 <= due - today <= N, N the settings' window)
 *     error     =ISNUMBER(MATCH(key&"|"&(COLUMN(this cell)-COLUMN(first column)),fengong_errors,0))
 *   (a key that is not listed makes VLOOKUP fail: a rule that gives an error formats nothing),
 *   where notDone = SUMPRODUCT(ISNUMBER(SEARCH(fengong_words,"|"&TRIM(status)&"|"))*fengong_weight)<1, the
 *   core's status words (src/core/status.ts) on the row's own status cell: done when a done word is there
 *   and no not-done word. Without a status column the notDone part is left out.
 *   SUMPRODUCT evaluates its arguments as arrays in Excel and LibreOffice; HyperFormula needs
 *   `useArrayArithmetic: true` for it (the tests set it).
 */
import { cellAddress, columnLetter } from "../core/address";
import { ERROR_VALUE } from "../core/rows";
import { DONE_WORDS, NOT_DONE_WORDS, PERCENT_SIGNS } from "../core/status";
import type { CellValue } from "../core/types";
import { HIGHLIGHT_FILLS, OWNED_DATA_SHEET, OWNED_NAMES, type HighlightCategory, type HighlightPlan } from "./port";

export interface OwnedRule {
  category: HighlightCategory;
  /** With the leading "=", relative to the top-left cell of OwnedHighlightParts.ref. */
  formula: string;
  /** "#RRGGBB". */
  fill: string;
}

export interface OwnedHighlightParts {
  /** The plan sheet the rules go on. */
  sheet: string;
  /** A1 range the rules apply to (the bounded table body), e.g. "A5:G120". */
  ref: string;
  /** Cell values of the very hidden data sheet, from A1 (row-major; "" = empty cell). Strings are text, always
   * (a key may start with "=" or look like a number or date: write them as text, never parsed). */
  data: (string | number)[][];
  /** Workbook-level names; `refersTo` without the leading "=", e.g. "fengong_data!$A$1:$B$4". */
  names: { name: string; refersTo: string }[];
  /** Highest priority first: an error cell shows over its row's overdue colour. */
  rules: OwnedRule[];
  /** The data sheet's name (OWNED_DATA_SHEET). */
  dataSheet: string;
}

/** Characters of a key cell's text kept in its key. */
export const KEY_TEXT_LENGTH = 100;

/** Weights of the status words: one done word makes the sum 1; any not-done word makes it negative. */
export const DONE_WEIGHT = 1;
export const NOT_DONE_WEIGHT = -100;

/** Traditional spellings of the status words that differ from the simplified ones (the rules read the cell as
 * written; the core reads it simplified). */
const TRADITIONAL_WORDS: Record<string, string> = {
  "已办结": "已辦結",
  "已结办": "已結辦",
  "已落实": "已落實",
  "已经完成": "已經完成",
  "|办结|": "|辦結|",
  "未办结": "未辦結",
  "未落实": "未落實",
  "未启动": "未啟動",
  "没有完成": "沒有完成",
  "进行中": "進行中",
  "推进中": "推進中",
  "办理中": "辦理中",
  "征求意见": "徵求意見",
  "阶段性": "階段性",
  "待验收": "待驗收",
  "待审": "待審",
};

const withTraditional = (words: readonly string[]): string[] =>
  words.flatMap((word) => (TRADITIONAL_WORDS[word] ? [word, TRADITIONAL_WORDS[word]] : [word]));

/** The status words the rules search for, with their weights. */
export const STATUS_WORDS: readonly { word: string; weight: number }[] = [
  ...withTraditional(DONE_WORDS).map((word) => ({ word, weight: DONE_WEIGHT })),
  ...withTraditional(NOT_DONE_WORDS).map((word) => ({ word, weight: NOT_DONE_WEIGHT })),
  // A percent sign is a part done ("已完成80%") unless it is the whole ("100%"), which cancels it.
  ...PERCENT_SIGNS.flatMap(({ sign, whole }) => [
    { word: sign, weight: NOT_DONE_WEIGHT },
    { word: whole, weight: -NOT_DONE_WEIGHT },
  ]),
];

/** What the rules' notDone part says of a status cell as written (the same words as the core's isDoneText). */
export function ruleSaysDone(value: CellValue | undefined): boolean {
  const text = excelText(value);
  if (text === null) return false;
  const probe = `|${text.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ")}|`.toLowerCase();
  const sum = STATUS_WORDS.reduce((n, { word, weight }) => n + (probe.includes(word) ? weight : 0), 0);
  return sum >= 1;
}

const isErrorValue = (value: CellValue | undefined): boolean =>
  typeof value === "string" && value.charCodeAt(0) === 35 && ERROR_VALUE.test(value);

/** The text Excel makes of a cell value joined to text ("" & A1): numbers in general format (15 significant
 * digits), TRUE / FALSE. Null for an error value (the rule's formula fails on it, so the row is not keyed). */
export function excelText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return "";
  if (isErrorValue(value)) return null;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
    return String(Number(value.toPrecision(15)));
  }
  return value;
}

/** The key of a key cell's text: first KEY_TEXT_LENGTH characters without ~ * ?, "|", the full length. */
export function rowKey(text: string): string {
  return `${text.slice(0, KEY_TEXT_LENGTH).replace(/[~*?]/g, "")}|${text.length}`;
}

/** The key of a row from its key cells' values as the sheet holds them (first non-empty wins), or null when the
 * row cannot be keyed (all empty, or an error value where the rule would read it). */
export function rowKeyOf(cells: readonly (CellValue | undefined)[]): string | null {
  for (const value of cells) {
    const text = excelText(value);
    if (text === null) return null;
    if (text !== "") return rowKey(text);
  }
  return null;
}

/** Comparison form of a key: MATCH / VLOOKUP compare text case-insensitively. */
export const keyIdentity = (key: string): string => key.toLowerCase();

const RULE_ORDER: readonly HighlightCategory[] = ["error", "overdue", "dueSoon"];

/** The rules' formulas for a plan, relative to the body's top-left cell. */
export function ruleFormulas(plan: HighlightPlan): Record<HighlightCategory, string> {
  const row = plan.body.firstRow;
  const at = (column: number): string => `$${columnLetter(column)}${row}`;
  const [first, second] = plan.keyColumns.length > 0 ? plan.keyColumns : [plan.body.firstColumn];
  const source = second === undefined ? at(first) : `IF(${at(first)}<>"",${at(first)},${at(second)})`;
  const key =
    `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(LEFT(${source},${KEY_TEXT_LENGTH}),"~",""),"*",""),"?","")` +
    `&"|"&LEN(${source})`;
  const due = `VLOOKUP(${key},${OWNED_NAMES.dues},2,0)`;
  const notDone =
    plan.statusColumn === null
      ? null
      : `SUMPRODUCT(ISNUMBER(SEARCH(${OWNED_NAMES.words},"|"&TRIM(${at(plan.statusColumn)})&"|"))*${OWNED_NAMES.weights})<1`;
  // No IFERROR: a rule whose formula gives an error (a key not listed, an error value in a cell) formats nothing, in
  // Excel, LibreOffice and HyperFormula alike; it keeps the formulas under Excel's 255 characters for rules.
  const live = (test: string): string => `=${notDone ? `AND(${test},${notDone})` : test}`;
  // 0 <= due - today <= n, as |due - today - n/2| <= n/2 (the due date looked up once).
  const half = Math.max(0, Math.floor(plan.dueSoonDays)) / 2;
  return {
    overdue: live(`${due}<TODAY()`),
    dueSoon: live(`ABS(${due}-TODAY()-${half})<=${half}`),
    // COLUMN(A5) of the rule's own (relative) cell rather than COLUMN(): the same in Excel, and every engine agrees.
    error: `=ISNUMBER(MATCH(${key}&"|"&(COLUMN(${cellAddress(row, plan.body.firstColumn)})-COLUMN(${at(plan.body.firstColumn)})),${OWNED_NAMES.errors},0))`,
  };
}

/** The headers of the data sheet's columns (no "|": no key can equal one). */
const DATA_HEADERS = ["fengong key", "due", "error cell", "status word", "weight"];

/** The parts for a plan. */
export function ownedHighlightParts(plan: HighlightPlan): OwnedHighlightParts {
  const { firstRow, lastRow, firstColumn, lastColumn } = plan.body;
  const errors = plan.errors.map((error) => `${error.key}|${error.offset}`);
  const height = 1 + Math.max(plan.dues.length, errors.length, STATUS_WORDS.length);
  const data: (string | number)[][] = [DATA_HEADERS];
  for (let i = 0; i < height - 1; i++) {
    data.push([
      plan.dues[i]?.key ?? "",
      plan.dues[i]?.due ?? "",
      errors[i] ?? "",
      STATUS_WORDS[i]?.word ?? "",
      STATUS_WORDS[i]?.weight ?? "",
    ]);
  }
  const range = (from: string, to: string, firstDataRow: number, count: number): string =>
    `${OWNED_DATA_SHEET}!$${from}$${firstDataRow}:$${to}$${Math.max(firstDataRow, 1 + count)}`;
  const formulas = ruleFormulas(plan);
  return {
    sheet: plan.sheet,
    ref: `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, lastColumn)}`,
    data,
    names: [
      { name: OWNED_NAMES.dues, refersTo: range("A", "B", 1, plan.dues.length) },
      { name: OWNED_NAMES.errors, refersTo: range("C", "C", 1, errors.length) },
      { name: OWNED_NAMES.words, refersTo: range("D", "D", 2, STATUS_WORDS.length) },
      { name: OWNED_NAMES.weights, refersTo: range("E", "E", 2, STATUS_WORDS.length) },
    ],
    rules: RULE_ORDER.map((category) => ({ category, formula: formulas[category], fill: HIGHLIGHT_FILLS[category] })),
    dataSheet: OWNED_DATA_SHEET,
  };
}
