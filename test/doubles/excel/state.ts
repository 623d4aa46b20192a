/**
 * The workbook held by the Excel double: plain data, changed only by executed operations (at sync) or
 * by test setup. Coordinates are 1-based and inclusive, like Excel's A1 addresses.
 */
import { columnLetter, columnNumber } from "../../../src/core/address";
import { officeError } from "./errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export type Visibility = "Visible" | "Hidden" | "VeryHidden";
export type CellScalar = string | number | boolean;

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface CellState {
  /** "" for empty. For a formula cell, the last computed value (the double computes nothing). */
  value: CellScalar;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  hyperlink?: Hyperlink;
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ConditionalFormatState {
  /** "Custom", "DataBar", "ColorScale", "CellValue", "IconSet", ... */
  type: string;
  range: Bounds;
  /** Custom formats only. */
  formula?: string;
  fill?: string;
  /** Any other rule settings a user made (kept as is, compared by snapshot). */
  config?: Record<string, unknown>;
}

export interface TableState {
  name: string;
  range: Bounds;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: Visibility;
  /** rows[r - 1][c - 1]; holes are empty cells. */
  rows: (CellState | undefined)[][];
  merges: Bounds[];
  conditionalFormats: ConditionalFormatState[];
  tables: TableState[];
  protected: boolean;
  frozenRows: number;
  /** column number -> width in points. */
  columnWidths: Map<number, number>;
  deleted: boolean;
}

export interface NameState {
  name: string;
  formula: string;
}

export interface WorkbookState {
  sheets: SheetState[];
  activeSheetId: string | null;
  names: NameState[];
  settings: Map<string, unknown>;
  structureProtected: boolean;
  cellEditMode: boolean;
  nextSheetId: number;
}

export function emptyWorkbook(): WorkbookState {
  return {
    sheets: [],
    activeSheetId: null,
    names: [],
    settings: new Map(),
    structureProtected: false,
    cellEditMode: false,
    nextSheetId: 1,
  };
}

// ---- addresses ----------------------------------------------------------------------------------

export function boundsAddress(bounds: Bounds): string {
  const first = `${columnLetter(bounds.left)}${bounds.top}`;
  const last = `${columnLetter(bounds.right)}${bounds.bottom}`;
  return first === last ? first : `${first}:${last}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "A1:C5", "A:C", "2:4" (no sheet prefix) -> bounds; InvalidArgument otherwise. */
export function parseAddress(address: string): Bounds {
  const parts = address.replace(/\$/g, "").trim().toUpperCase().split(":");
  if (parts.length < 1 || parts.length > 2)
    throw officeError("InvalidArgument", `Bad address ${address}`, "Worksheet.getRange");
  const ends = parts.map((part) => {
    let m = /^([A-Z]{1,3})([0-9]+)$/.exec(part);
    if (m) return { row: Number(m[2]), column: columnNumber(m[1]), kind: "cell" as const };
    m = /^([A-Z]{1,3})$/.exec(part);
    if (m) return { row: 0, column: columnNumber(m[1]), kind: "column" as const };
    m = /^([0-9]+)$/.exec(part);
    if (m) return { row: Number(m[1]), column: 0, kind: "row" as const };
    throw officeError("InvalidArgument", `Bad address ${address}`, "Worksheet.getRange");
  });
  const [a, b] = ends.length === 2 ? ends : [ends[0], ends[0]];
  if (a.kind !== b.kind || (parts.length === 1 && a.kind !== "cell")) {
    throw officeError("InvalidArgument", `Bad address ${address}`, "Worksheet.getRange");
  }
  const bounds: Bounds =
    a.kind === "column"
      ? { top: 1, bottom: MAX_ROWS, left: a.column, right: b.column }
      : a.kind === "row"
        ? { top: a.row, bottom: b.row, left: 1, right: MAX_COLUMNS }
        : { top: a.row, bottom: b.row, left: a.column, right: b.column };
  const normal = {
    top: Math.min(bounds.top, bounds.bottom),
    bottom: Math.max(bounds.top, bounds.bottom),
    left: Math.min(bounds.left, bounds.right),
    right: Math.max(bounds.left, bounds.right),
  };
  checkBounds(normal, "Worksheet.getRange");
  return normal;
}

export function checkBounds(bounds: Bounds, location: string): void {
  if (
    !Number.isInteger(bounds.top) ||
    !Number.isInteger(bounds.left) ||
    bounds.top < 1 ||
    bounds.left < 1 ||
    bounds.bottom > MAX_ROWS ||
    bounds.right > MAX_COLUMNS ||
    bounds.bottom < bounds.top ||
    bounds.right < bounds.left
  ) {
    throw officeError("InvalidArgument", `The range is outside the sheet: ${JSON.stringify(bounds)}`, location);
  }
}

export const rowCount = (b: Bounds): number => b.bottom - b.top + 1;
export const columnCount = (b: Bounds): number => b.right - b.left + 1;
export const cellCount = (b: Bounds): number => rowCount(b) * columnCount(b);

export const intersects = (a: Bounds, b: Bounds): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export const contains = (outer: Bounds, row: number, column: number): boolean =>
  row >= outer.top && row <= outer.bottom && column >= outer.left && column <= outer.right;

// ---- cells --------------------------------------------------------------------------------------

export function getCell(sheet: SheetState, row: number, column: number): CellState | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

export function cellFor(sheet: SheetState, row: number, column: number): CellState {
  let cells = sheet.rows[row - 1];
  if (!cells) {
    cells = [];
    sheet.rows[row - 1] = cells;
  }
  let cell = cells[column - 1];
  if (!cell) {
    cell = { value: "" };
    cells[column - 1] = cell;
  }
  return cell;
}

export function isEmptyCell(cell: CellState | undefined): boolean {
  return !cell || (cell.value === "" && cell.formula === undefined);
}

/** Drop a cell that holds nothing at all (so snapshots compare equal after a write is undone). */
export function pruneCell(sheet: SheetState, row: number, column: number): void {
  const cell = getCell(sheet, row, column);
  if (
    cell &&
    cell.value === "" &&
    cell.formula === undefined &&
    (cell.numberFormat === undefined || cell.numberFormat === "General") &&
    cell.fill === undefined &&
    !cell.bold &&
    cell.hyperlink === undefined
  ) {
    delete sheet.rows[row - 1][column - 1];
  }
}

/** Every stored cell of a sheet within bounds (rows and columns beyond the stored ones are skipped). */
export function cellsIn(sheet: SheetState, bounds: Bounds): [number, number, CellState][] {
  const out: [number, number, CellState][] = [];
  const lastRow = Math.min(bounds.bottom, sheet.rows.length);
  for (let r = bounds.top; r <= lastRow; r++) {
    const cells = sheet.rows[r - 1];
    if (!cells) continue;
    const lastColumn = Math.min(bounds.right, cells.length);
    for (let c = bounds.left; c <= lastColumn; c++) {
      const cell = cells[c - 1];
      if (cell) out.push([r, c, cell]);
    }
  }
  return out;
}

/** getUsedRange(valuesOnly): the bounding box of cells holding a value or formula (A1 when none). */
export function usedBounds(sheet: SheetState, valuesOnly: boolean): Bounds {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  sheet.rows.forEach((cells, r) => {
    cells?.forEach((cell, c) => {
      const counts = valuesOnly
        ? !isEmptyCell(cell)
        : !!cell && (!isEmptyCell(cell) || !!cell.fill || !!cell.bold || !!cell.numberFormat);
      if (!counts) return;
      top = Math.min(top, r + 1);
      bottom = Math.max(bottom, r + 1);
      left = Math.min(left, c + 1);
      right = Math.max(right, c + 1);
    });
  });
  return bottom === 0 ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
}

// ---- sheets -------------------------------------------------------------------------------------

export const liveSheets = (state: WorkbookState): SheetState[] => state.sheets.filter((s) => !s.deleted);

export function findSheetByName(state: WorkbookState, name: string): SheetState | undefined {
  const key = name.toLowerCase();
  return liveSheets(state).find((sheet) => sheet.name.toLowerCase() === key);
}

export function findSheetByKey(state: WorkbookState, key: string): SheetState | undefined {
  return liveSheets(state).find((sheet) => sheet.id === key) ?? findSheetByName(state, key);
}

/** Excel's rules for a sheet name. */
export function checkSheetName(state: WorkbookState, name: string, location: string, except?: SheetState): void {
  if (
    typeof name !== "string" ||
    name.trim() === "" ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    /^'|'$/.test(name)
  ) {
    throw officeError("InvalidArgument", `Invalid sheet name "${name}"`, location);
  }
  const existing = findSheetByName(state, name);
  if (existing && existing !== except) {
    throw officeError("ItemAlreadyExists", `A sheet named "${name}" already exists`, location);
  }
}

export function newSheet(state: WorkbookState, name: string): SheetState {
  const sheet: SheetState = {
    id: `{00000000-0001-0000-0000-${String(state.nextSheetId++).padStart(12, "0")}}`,
    name,
    visibility: "Visible",
    rows: [],
    merges: [],
    conditionalFormats: [],
    tables: [],
    protected: false,
    frozenRows: 0,
    columnWidths: new Map(),
    deleted: false,
  };
  state.sheets.push(sheet);
  if (state.activeSheetId === null) state.activeSheetId = sheet.id;
  return sheet;
}

export function visibleCount(state: WorkbookState): number {
  return liveSheets(state).filter((sheet) => sheet.visibility === "Visible").length;
}
