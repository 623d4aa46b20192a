/** One exceljs worksheet as a Grid: what Excel's `usedRange.values` (plus merges, formats, hidden rows) gives. */
import type { Cell, Worksheet } from "exceljs";
import type { CellValue, Grid, MergedArea } from "../../../src/core/types";
import { toCellValue } from "./cellValue";

/** exceljs ValueType numbers (the enum is not importable in a type-only way). */
const TYPE_NULL = 0;
const TYPE_MERGE = 1;
const TYPE_NUMBER = 2;
const TYPE_DATE = 4;
const TYPE_FORMULA = 6;

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Merged areas of a sheet. exceljs keeps them in the private `_merges` map (master address -> Range);
 * `worksheet.model.merges` would rebuild the model of every row, which is far too slow on big sheets.
 */
export function sheetMerges(worksheet: Worksheet): MergedArea[] {
  const merges = (worksheet as unknown as { _merges?: Record<string, Partial<MergedArea> | undefined> })._merges;
  const areas: MergedArea[] = [];
  if (!merges || typeof merges !== "object") return areas;
  for (const range of Object.values(merges)) {
    if (!range) continue;
    const { top, left, bottom, right } = range;
    if ([top, left, bottom, right].every((n) => typeof n === "number" && Number.isFinite(n))) {
      areas.push({ top: top as number, left: left as number, bottom: bottom as number, right: right as number });
    }
  }
  return areas.sort((a, b) => a.top - b.top || a.left - b.left);
}

function isBlank(value: CellValue): boolean {
  return value === "" || value === null;
}

/** The number format Excel would report for a numeric cell ("General" when none is set). */
function numberFormatOf(cell: Cell, type: number, value: CellValue): string | undefined {
  const numeric = type === TYPE_NUMBER || type === TYPE_DATE || (type === TYPE_FORMULA && typeof value === "number");
  if (!numeric) return undefined;
  const format = cell.numFmt;
  return typeof format === "string" && format !== "" ? format : "General";
}

/** Read a worksheet. Empty sheets give a grid with no values at origin A1. */
export function readGrid(worksheet: Worksheet, date1904 = false): Grid {
  const cells: { row: number; column: number; value: CellValue; format: string | undefined }[] = [];
  const hiddenRows: number[] = [];
  let bounds: Bounds | null = null;
  const extend = (row: number, column: number) => {
    if (!bounds) bounds = { top: row, left: column, bottom: row, right: column };
    else {
      if (row < bounds.top) bounds.top = row;
      if (row > bounds.bottom) bounds.bottom = row;
      if (column < bounds.left) bounds.left = column;
      if (column > bounds.right) bounds.right = column;
    }
  };

  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber);
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const type = cell.type as unknown as number;
      // The other cells of a merged area read "" (exceljs repeats the master's value there).
      if (type === TYPE_NULL || type === TYPE_MERGE) return;
      const value = toCellValue(cell.value, date1904);
      if (isBlank(value)) return;
      cells.push({ row: rowNumber, column: columnNumber, value, format: numberFormatOf(cell, type, value) });
      extend(rowNumber, columnNumber);
    });
  });

  const allMerges = sheetMerges(worksheet);
  const used = bounds as Bounds | null;
  if (!used) {
    return { sheet: worksheet.name, origin: { row: 1, column: 1 }, values: [], merges: [], hiddenRows: [] };
  }
  // A merged area whose master holds a value belongs to the used range as a whole.
  const merges = allMerges.filter(
    (m) => m.bottom >= used.top && m.top <= used.bottom && m.right >= used.left && m.left <= used.right,
  );
  for (const m of merges) {
    extend(m.top, m.left);
    extend(m.bottom, m.right);
  }
  const { top, left, bottom, right } = used;
  const width = right - left + 1;
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  for (let r = top; r <= bottom; r++) {
    values.push(new Array<CellValue>(width).fill(""));
    numberFormats.push([]);
  }
  for (const cell of cells) {
    values[cell.row - top][cell.column - left] = cell.value;
    if (cell.format !== undefined) numberFormats[cell.row - top][cell.column - left] = cell.format;
  }
  return {
    sheet: worksheet.name,
    origin: { row: top, column: left },
    values,
    numberFormats,
    merges,
    hiddenRows: hiddenRows.filter((r) => r >= top && r <= bottom),
  };
}
