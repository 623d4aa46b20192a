/**
 * Plain rows of cell values in .xlsx copies (exceljs): our very hidden data sheets (check history), and the
 * values merged into a plan's status cells. Kept in this one file so the package patcher can re-implement it.
 */
import type { Workbook } from "exceljs";
import { OWNED_MARKER, type CellWrite } from "../app/port";
import type { CellValue } from "../core/types";
import { toCellValue } from "./cellValue";
import { findSheet, replaceSheet } from "./sheets";

const assertOwned = (name: string): void => {
  if (!name.startsWith(OWNED_MARKER)) throw new Error(`Not one of our sheets: ${name}`);
};

/** The sheet's values row by row from A1 (ragged rows, "" for empty cells); null when there is no such sheet. */
export function readOwnedRows(workbook: Workbook, name: string, date1904 = false): CellValue[][] | null {
  assertOwned(name);
  const sheet = findSheet(workbook, name);
  if (!sheet) return null;
  const rows: CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(toCellValue(row.getCell(c).value, date1904));
    rows.push(values);
  }
  return rows;
}

/** Replace the sheet (very hidden, same position) with these values; strings are written as strings, never formulas. */
export function writeOwnedRows(workbook: Workbook, name: string, rows: readonly (readonly CellValue[])[]): void {
  assertOwned(name);
  const sheet = replaceSheet(workbook, name, [], "veryHidden");
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    values.forEach((value, c) => {
      if (value === null || value === "" || (typeof value === "number" && !Number.isFinite(value))) return;
      row.getCell(c + 1).value = value;
    });
  });
}

/** Text that Excel would take for a formula if typed. */
const FORMULA_LIKE = /^[=+\-@]/;

/** Write values into cells of a user's sheet; each cell keeps its style (text that looks like a formula gets "@"). */
export function writeCells(workbook: Workbook, sheetName: string, cells: readonly CellWrite[]): void {
  const sheet = findSheet(workbook, sheetName);
  if (!sheet) throw new Error(`No sheet named ${sheetName}`);
  for (const { row, column, value } of cells) {
    const cell = sheet.getCell(row, column);
    // A string is a string value in exceljs (a formula would be { formula }): "=1+1" stays text.
    cell.value = value;
    if (FORMULA_LIKE.test(value)) cell.numFmt = "@";
  }
}
