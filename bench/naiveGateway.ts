/**
 * The naive way to check a plan in Excel, as people write it by hand — kept only in the benchmark, to compare
 * round trips with the real gateway (src/excel):
 * - read: the used range's size, then every row with its own load + sync;
 * - highlight: each overdue row's fill set with its own sync (which also overwrites the user's own fill:
 *   one more reason the add-in uses conditional formats instead).
 * Merged areas are not read at all (a merged lead cell counts for its first row only).
 */
import { cellAddress } from "../src/core/address";
import type { CellValue, Grid } from "../src/core/types";
import type { ExcelContext, ExcelRun, RangeProxy } from "../src/excel/officeTypes";

const toCellValue = (value: unknown): CellValue =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? value
    : value == null
      ? ""
      : String(value);

/** The active sheet, row by row: one round trip per row. */
export function naiveReadGrid(run: ExcelRun): Promise<Grid> {
  return run({}, async (context: ExcelContext) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const used = sheet.getUsedRange();
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    for (let r = 0; r < used.rowCount; r++) {
      const row = used.getRow(r);
      row.load("values,numberFormat");
      await context.sync();
      values.push(row.values[0].map(toCellValue));
      numberFormats.push(row.numberFormat[0].map((format) => (typeof format === "string" ? format : "General")));
    }
    return {
      sheet: sheet.name,
      origin: { row: used.rowIndex + 1, column: used.columnIndex + 1 },
      values,
      numberFormats,
      merges: [],
    };
  });
}

/** Office.js ranges have format.fill; the in-memory double models only font.bold, written instead there. */
interface PaintableFormat {
  fill?: { color: string };
  font: { bold: boolean };
}

function paint(range: RangeProxy, color: string): void {
  const format = range.format as unknown as PaintableFormat;
  if (format.fill) format.fill.color = color;
  else format.font.bold = true;
}

/** Fill each row's cells in [firstColumn, lastColumn], one round trip per row. */
export function naiveHighlightRows(
  run: ExcelRun,
  sheetName: string,
  rows: readonly number[],
  columns: { first: number; last: number },
  color: string,
): Promise<void> {
  return run({}, async (context: ExcelContext) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    for (const row of rows) {
      paint(sheet.getRange(`${cellAddress(row, columns.first)}:${cellAddress(row, columns.last)}`), color);
      await context.sync();
    }
  });
}
