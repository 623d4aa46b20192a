/**
 * Locating the plan table in a grid: the header row (one or two rows), the column roles, the body.
 * Design §3 "Header". Pure: Grid in, TableLocation out.
 */
import { columnNumber } from "./address";
import { findPlanYear } from "./deadline";
import { COMPLETION_DEADLINE_NAMES, HEADER_SYNONYMS } from "./headers";
import { SheetView } from "./sheetView";
import { normalizeKey } from "./text";
import { splitTrailingUnits } from "./units";
import { planPlace } from "./units/patterns";
import type { Grid, Role, TableLocation } from "./types";

const HEADER_SEARCH_ROWS = 30;
const ROLES = Object.keys(HEADER_SYNONYMS) as Role[];

/** normalised header text -> role */
const SYNONYM_INDEX: Map<string, Role> = (() => {
  const index = new Map<string, Role>();
  for (const role of ROLES) {
    for (const name of HEADER_SYNONYMS[role]) {
      const key = normalizeKey(name).toLowerCase();
      if (!index.has(key)) index.set(key, role);
    }
  }
  return index;
})();

/** The role a header cell names, or null. */
export function headerRole(text: string): Role | null {
  if (!text) return null;
  let key = normalizeKey(text).toLowerCase();
  if (!key || key.length > 40) return null;
  const direct = SYNONYM_INDEX.get(key);
  if (direct) return direct;
  // "完成时限（2017年）", "责任单位(部门)": ignore a trailing parenthesis; "★牵头单位" stray marks at the start.
  key = key
    .replace(/[（(][^（）()]*[）)]$/u, "")
    .replace(/^[^\p{L}\p{N}#]+/u, "")
    .replace(/[:：]$/u, "");
  return SYNONYM_INDEX.get(key) ?? null;
}

export interface LocateOptions {
  /** Role -> column letter overrides (settings). */
  columns?: Partial<Record<Role, string>>;
}

interface HeaderCandidate {
  row: number;
  roles: Map<number, Role>;
  score: number;
}

/** A header cell whose kind of column an earlier header cell already names: its column is not read. */
export interface DuplicateColumn {
  /** 1-based sheet row and column of the header cell. */
  row: number;
  column: number;
  header: string;
  /** The header cell whose column is read instead. */
  firstRow: number;
  firstColumn: number;
  firstHeader: string;
}

/** What else the reader learnt about the table's shape (for findings; TableLocation stays the seam). */
export interface TableLayout {
  duplicateColumns: DuplicateColumn[];
  /** Body rows that repeat the header (a header repeated on every printed page, a second plan with the same
   * columns): skipped, never read as tasks. */
  repeatedHeaderRows: number[];
  /** A row below the header that is the header of another table with other columns: the body ends above it. */
  secondTableRow: number | null;
}

export interface LocatedTable {
  table: TableLocation;
  layout: TableLayout;
}

/** Find the table: the row (within the first 30) with the most known header names, at least two of them,
 * with a unit column or a task column whose cells carry their units in a trailing parenthesis. */
export function locateTable(grid: Grid, options: LocateOptions = {}): TableLocation | null {
  return locateTableIn(new SheetView(grid), options);
}

/** locateTable on a view the caller already has (analyze reads the same view afterwards). */
export function locateTableIn(view: SheetView, options: LocateOptions = {}): TableLocation | null {
  return locateTableWithLayout(view, options)?.table ?? null;
}

/**
 * The table and its layout. Of the header rows found, the first one holding nearly as many header names as
 * the best (at least three, or as many as the best has when that is fewer) is taken: with two plans on one
 * sheet the first is read, whichever has more columns.
 */
export function locateTableWithLayout(view: SheetView, options: LocateOptions = {}): LocatedTable | null {
  if (view.rowCount === 0) return null;
  const lastSearchRow = Math.min(view.lastRow, view.firstRow + HEADER_SEARCH_ROWS - 1);
  const candidates: HeaderCandidate[] = [];
  for (let row = view.firstRow; row <= lastSearchRow; row++) {
    const roles = new Map<number, Role>();
    const seen = new Set<Role>();
    for (let column = view.firstColumn; column <= view.lastColumn; column++) {
      const role = headerRole(view.rawText(row, column));
      if (role && !seen.has(role)) {
        roles.set(column, role);
        seen.add(role);
      }
    }
    if (roles.size >= 2) candidates.push({ row, roles, score: roles.size });
  }
  if (candidates.length === 0) return null;
  const bestScore = Math.max(...candidates.map((candidate) => candidate.score));
  const enough = Math.min(3, bestScore);
  for (const candidate of candidates) {
    if (candidate.score < enough) continue;
    const located = tableAt(view, candidate, options);
    if (located) return located;
  }
  return null;
}

function tableAt(view: SheetView, best: HeaderCandidate, options: LocateOptions): LocatedTable | null {
  const grid = view.grid;
  const roles = new Map(best.roles);
  let headerRows = 1;
  // Two-row header: a parent merged across columns with sub-headers below (责任单位 over 牵头单位 | 配合单位).
  const next = best.row + 1;
  if (next <= view.lastRow) {
    const subRoles = new Map<number, Role>();
    for (let column = view.firstColumn; column <= view.lastColumn; column++) {
      const role = headerRole(view.rawText(next, column));
      if (role) subRoles.set(column, role);
    }
    const underParent = [...subRoles.keys()].some((column) => view.isHorizontallyMerged(best.row, column));
    if (subRoles.size > 0 && underParent) {
      headerRows = 2;
      for (const [column, role] of subRoles) {
        for (const [otherColumn, otherRole] of roles)
          if (otherRole === role && otherColumn !== column) roles.delete(otherColumn);
        roles.set(column, role);
      }
    }
  }

  const columns: Partial<Record<Role, number>> = {};
  for (const [column, role] of [...roles.entries()].sort((a, b) => a[0] - b[0])) {
    if (columns[role] === undefined) columns[role] = column;
  }
  const overridden = new Set<Role>();
  for (const [role, letter] of Object.entries(options.columns ?? {}) as [Role, string | undefined][]) {
    const column = letter ? columnNumber(letter) : NaN;
    if (Number.isFinite(column) && column >= 1) {
      columns[role] = column;
      overridden.add(role);
    }
  }

  const firstDataRow = best.row + headerRows;
  const hasUnitColumn = columns.lead !== undefined || columns.responsible !== undefined;
  if (!hasUnitColumn && !(columns.task !== undefined && taskCellsCarryUnits(view, columns.task, firstDataRow))) {
    return null;
  }

  let firstColumn = Number.POSITIVE_INFINITY;
  let lastColumn = 0;
  for (let column = view.firstColumn; column <= view.lastColumn; column++) {
    const inHeader = view.text(best.row, column) !== "" || (headerRows === 2 && view.text(best.row + 1, column) !== "");
    if (inHeader || view.isHorizontallyMerged(best.row, column)) {
      firstColumn = Math.min(firstColumn, column);
      lastColumn = Math.max(lastColumn, column);
    }
  }
  for (const column of Object.values(columns)) {
    if (column === undefined) continue;
    firstColumn = Math.min(firstColumn, column);
    lastColumn = Math.max(lastColumn, column);
  }

  const header = headerCells(view, best.row, headerRows, firstColumn, lastColumn);
  if (!overridden.has("completed") && !overridden.has("deadline")) completionBesideDeadline(header, columns);
  const body = scanBody(view, header, columns, firstDataRow, firstColumn, lastColumn);
  const bodyEnd = body.secondTableRow === null ? view.lastRow : body.secondTableRow - 1;
  let lastDataRow = firstDataRow - 1;
  for (let row = bodyEnd; row >= firstDataRow; row--) {
    if (!view.isRowBlank(row, firstColumn, lastColumn)) {
      lastDataRow = row;
      break;
    }
  }

  const titleTexts: string[] = [];
  for (let row = view.firstRow; row < best.row; row++) {
    for (let column = view.firstColumn; column <= view.lastColumn; column++) {
      const text = view.text(row, column);
      if (text) titleTexts.push(text);
    }
  }

  return {
    table: {
      sheet: grid.sheet,
      headerRow: best.row,
      headerRows,
      firstDataRow,
      lastDataRow,
      firstColumn,
      lastColumn,
      columns,
      planYear: findPlanYear(titleTexts),
      place: planPlace(titleTexts),
    },
    layout: {
      duplicateColumns: duplicateColumns(header, columns, overridden),
      repeatedHeaderRows: body.repeatedHeaderRows,
      secondTableRow: body.secondTableRow,
    },
  };
}

interface HeaderCell {
  row: number;
  column: number;
  text: string;
  role: Role | null;
  /** Every text of the column's header (a two-row header's parent and sub-header): a repeat may show either. */
  texts: string[];
}

/** The header cell of each column of the table: the sub-header when a two-row header has one, else the parent. */
function headerCells(
  view: SheetView,
  headerRow: number,
  headerRows: number,
  firstColumn: number,
  lastColumn: number,
): Map<number, HeaderCell> {
  const cells = new Map<number, HeaderCell>();
  for (let column = firstColumn; column <= lastColumn; column++) {
    const parent = view.rawText(headerRow, column);
    const sub = headerRows === 2 ? view.rawText(headerRow + 1, column) : "";
    const row = sub ? headerRow + 1 : headerRow;
    const text = sub || parent;
    const texts = [parent, sub].filter((t) => t !== "");
    if (text) cells.set(column, { row, column, text, role: headerRole(text), texts });
  }
  return cells;
}

const COMPLETION_KEYS = new Set(COMPLETION_DEADLINE_NAMES.map((name) => normalizeKey(name).toLowerCase()));

/**
 * 完成时间 names the deadline, unless another header names the deadline too (完成时限 + 完成时间): then it is the
 * date the task was done. The header cell takes the role, so it is not reported as a second deadline column.
 */
function completionBesideDeadline(header: Map<number, HeaderCell>, columns: Partial<Record<Role, number>>): void {
  if (columns.completed !== undefined) return;
  const deadlines = [...header.values()].filter((cell) => cell.role === "deadline");
  if (deadlines.length < 2) return;
  const completion = deadlines.find((cell) => COMPLETION_KEYS.has(normalizeKey(cell.text).toLowerCase()));
  const deadline = deadlines.find((cell) => cell !== completion);
  if (!completion || !deadline) return;
  completion.role = "completed";
  columns.completed = completion.column;
  if (columns.deadline === completion.column) columns.deadline = deadline.column;
}

/** Header cells naming a kind of column (task, lead, deadline …) that an earlier header cell names already. */
function duplicateColumns(
  header: Map<number, HeaderCell>,
  columns: Partial<Record<Role, number>>,
  overridden: ReadonlySet<Role>,
): DuplicateColumn[] {
  const out: DuplicateColumn[] = [];
  for (const cell of header.values()) {
    // Notes are not read anyway; an overridden role was placed by the user.
    if (!cell.role || cell.role === "note" || overridden.has(cell.role)) continue;
    const read = columns[cell.role];
    if (read === undefined || read === cell.column) continue;
    const first = header.get(read);
    if (!first) continue;
    out.push({
      row: cell.row,
      column: cell.column,
      header: cell.text,
      firstRow: first.row,
      firstColumn: first.column,
      firstHeader: first.text,
    });
  }
  return out;
}

/** Header roles of short body texts, remembered (a body repeats its unit names, deadlines and statuses). */
const bodyRoles = new Map<string, Role | null>();
const BODY_ROLES_LIMIT = 20_000;
/** No header name is longer than this (with a trailing parenthesis such as "完成时限（2017年）"). */
const MAX_HEADER_TEXT = 40;

function bodyRole(text: string): Role | null {
  if (text.length > MAX_HEADER_TEXT) return null;
  let role = bodyRoles.get(text);
  if (role === undefined) {
    role = headerRole(text);
    if (bodyRoles.size >= BODY_ROLES_LIMIT) bodyRoles.clear();
    bodyRoles.set(text, role);
  }
  return role;
}

/**
 * Rows of the body that are header rows: at least two kinds of column named, and (nearly) nothing else in
 * the row. One that names the table's own columns in their places repeats the header; any other starts
 * another table, and the body ends above it.
 */
function scanBody(
  view: SheetView,
  header: Map<number, HeaderCell>,
  columns: Partial<Record<Role, number>>,
  firstDataRow: number,
  firstColumn: number,
  lastColumn: number,
): { repeatedHeaderRows: number[]; secondTableRow: number | null } {
  const repeatedHeaderRows: number[] = [];
  const roles = new Set<Role>();
  // A header row has at least two thirds of its cells named: past this many others it is a task row.
  const maxUnnamed = Math.floor((lastColumn - firstColumn + 1) / 3);
  for (let row = firstDataRow; row <= view.lastRow; row++) {
    let filled = 0;
    let named = 0;
    let sameAsHeader = true;
    roles.clear();
    for (let column = firstColumn; column <= lastColumn && filled - named <= maxUnnamed; column++) {
      const value = view.raw(row, column);
      // Numbers (task numbers, dates) and long texts are never header names: no text made of them.
      if (typeof value !== "string") {
        if (value !== null) filled++;
        continue;
      }
      if (value.length > MAX_HEADER_TEXT + 8) {
        filled++;
        continue;
      }
      const text = value.trim();
      if (!text) continue;
      filled++;
      const role = bodyRole(text);
      const own = header.get(column);
      if (role) {
        roles.add(role);
        named++;
        // Named where the table has that kind of column (or the very same header text): a repeat.
        if (columns[role] !== column && !own?.texts.includes(text)) sameAsHeader = false;
      } else if (own?.texts.includes(text)) named++;
    }
    // A task row may hold one or two header words (a status "进度"): a header row is made of them.
    if (roles.size < 2 || named * 3 < filled * 2) continue;
    if (sameAsHeader) repeatedHeaderRows.push(row);
    else return { repeatedHeaderRows, secondTableRow: row };
  }
  return { repeatedHeaderRows, secondTableRow: null };
}

/** State Council style: do the task cells (a sample of the first rows) end with a parenthesis naming units? */
function taskCellsCarryUnits(view: SheetView, taskColumn: number, firstDataRow: number): boolean {
  const last = Math.min(view.lastRow, firstDataRow + 50);
  for (let row = firstDataRow; row <= last; row++) {
    const text = view.text(row, taskColumn);
    if (text && splitTrailingUnits(text)) return true;
  }
  return false;
}
