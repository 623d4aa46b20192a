/**
 * Write a generated plan as an .xlsx file with exceljs' streaming writer (100k rows without holding the
 * workbook in memory): shared strings and styles as Excel writes them, the date cells' number format, merges.
 */
import ExcelJS from "exceljs";
import type { Grid } from "../src/core/types";

/** Rows kept open behind the one being written, so a merge can still reach up into them. */
const COMMIT_LAG = 64;

export async function writePlanXlsx(grid: Grid, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet(grid.sheet);
  const { row: top, column: left } = grid.origin;
  // Merges by their bottom row: applied once every row they cover has been written.
  const mergesEndingAt = new Map<number, Grid["merges"]>();
  for (const area of grid.merges) {
    if (area.bottom - area.top >= COMMIT_LAG) throw new Error(`writePlanXlsx: a merge taller than ${COMMIT_LAG} rows`);
    const list = mergesEndingAt.get(area.bottom) ?? [];
    list.push(area);
    mergesEndingAt.set(area.bottom, list);
  }

  grid.values.forEach((values, r) => {
    const rowNumber = top + r;
    const row = sheet.getRow(rowNumber);
    values.forEach((value, c) => {
      if (value === "" || value === null) return;
      const cell = row.getCell(left + c);
      cell.value = value;
      const format = grid.numberFormats?.[r]?.[c];
      if (format) cell.numFmt = format;
    });
    for (const area of mergesEndingAt.get(rowNumber) ?? [])
      sheet.mergeCells(area.top, area.left, area.bottom, area.right);
    if (rowNumber - COMMIT_LAG >= top) sheet.getRow(rowNumber - COMMIT_LAG).commit();
  });
  sheet.commit();
  await workbook.commit();
}
