/**
 * Locating the plan table in a grid: the header row (one or two rows), the column roles, the body.
 * Design §3 "Header". Pure: Grid in, TableLocation out.
 */
import { columnNumber } from "./address";
import { findPlanYear } from "./deadline";
import { HEADER_SYNONYMS } from "./headers";
import { SheetView } from "./sheetView";
import { normalizeKey } from "./text";
import { splitTrailingUnits } from "./units";
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

/** Find the table: the row (within the first 30) with the most known header names, at least two of them,
 * with a unit column or a task column whose cells carry their units in a trailing parenthesis. */
export function locateTable(grid: Grid, options: LocateOptions = {}): TableLocation | null {
  return locateTableIn(new SheetView(grid), options);
}

/** locateTable on a view the caller already has (analyze reads the same view afterwards). */
export function locateTableIn(view: SheetView, options: LocateOptions = {}): TableLocation | null {
  const grid = view.grid;
  if (view.rowCount === 0) return null;
  const lastSearchRow = Math.min(view.lastRow, view.firstRow + HEADER_SEARCH_ROWS - 1);
  let best: HeaderCandidate | null = null;
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
    if (roles.size >= 2 && (!best || roles.size > best.score)) best = { row, roles, score: roles.size };
  }
  if (!best) return null;

  const { roles } = best;
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
  for (const [role, letter] of Object.entries(options.columns ?? {}) as [Role, string | undefined][]) {
    const column = letter ? columnNumber(letter) : NaN;
    if (Number.isFinite(column) && column >= 1) columns[role] = column;
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

  let lastDataRow = firstDataRow - 1;
  for (let row = view.lastRow; row >= firstDataRow; row--) {
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
    sheet: grid.sheet,
    headerRow: best.row,
    headerRows,
    firstDataRow,
    lastDataRow,
    firstColumn,
    lastColumn,
    columns,
    planYear: findPlanYear(titleTexts),
  };
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
