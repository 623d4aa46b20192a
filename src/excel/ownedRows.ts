/**
 * Plain rows of cell values in Excel: our very hidden data sheets (the check history), and values merged
 * into the plan's status cells. Values go as 2-D arrays in a few requests; strings are marked as text ("@")
 * so none becomes a formula, number or date.
 */
import { OWNED_MARKER, type CellWrite } from "../app/port";
import type { CellValue } from "../core/types";
import { estimateJsonBytes, slices } from "./blocks";
import { rectangular, textFormats } from "./reportSheet";
import type { Session } from "./session";

/** Rows read per request (our sheets are narrow: 8 columns of short texts, ~200 bytes a row). */
const READ_ROWS = 2000;
/** Text that Excel would take for a formula if typed. */
const FORMULA_LIKE = /^[=+\-@]/;

const assertOwned = (name: string): void => {
  if (!name.startsWith(OWNED_MARKER)) throw new Error(`Not one of our sheets: ${name}`);
};

/** The sheet's values row by row from A1; null when there is no such sheet. */
export async function readOwnedRowsIn(session: Session, name: string): Promise<CellValue[][] | null> {
  assertOwned(name);
  const sheet = session.workbook.worksheets.getItemOrNullObject(name);
  await session.sync();
  if (sheet.isNullObject) return null;
  const used = sheet.getUsedRange(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  await session.sync();
  const rows: CellValue[][] = Array.from({ length: used.rowIndex }, () => []);
  const pad: CellValue[] = Array.from({ length: used.columnIndex }, () => "");
  for (const [start, end] of slices(used.rowCount, READ_ROWS)) {
    const block = sheet.getRangeByIndexes(used.rowIndex + start, used.columnIndex, end - start, used.columnCount);
    block.load("values");
    await session.sync();
    for (const row of block.values) rows.push([...pad, ...(row as CellValue[])]);
  }
  return rows;
}

/** Replace the sheet's values (the sheet is created very hidden when missing). */
export async function writeOwnedRowsIn(
  session: Session,
  name: string,
  rows: readonly CellValue[][],
  targetBytes: number,
): Promise<void> {
  assertOwned(name);
  const worksheets = session.workbook.worksheets;
  let sheet = worksheets.getItemOrNullObject(name);
  await session.sync();
  // The extent of what the sheet held: cleared only after the new rows are written, so a write cut short leaves
  // the old records or the new ones, never a sheet emptied first (the records are the quarterly cycle's data).
  let oldRows = 0;
  let oldColumns = 0;
  if (sheet.isNullObject) sheet = worksheets.add(name);
  else {
    const used = sheet.getUsedRange(true);
    used.load("rowIndex, columnIndex, rowCount, columnCount");
    await session.sync();
    oldRows = used.rowIndex + used.rowCount;
    oldColumns = used.columnIndex + used.columnCount;
  }
  // Also on an existing sheet: a write cut short between adding the sheet and hiding it left it visible.
  sheet.visibility = "VeryHidden";
  const table = rectangular([...rows]);
  const formats = textFormats(table);
  const width = table[0].length;
  const bytesPerRow = (2 * estimateJsonBytes(table)) / table.length;
  const rowsPerRequest = Math.max(1, Math.floor(targetBytes / Math.max(1, bytesPerRow * 1.25)));
  for (const [start, end] of slices(table.length, rowsPerRequest)) {
    const range = sheet.getRangeByIndexes(start, 0, end - start, width);
    range.numberFormat = formats.slice(start, end);
    range.values = table.slice(start, end);
    await session.sync();
  }
  // What the new rows do not cover: the rows below them, the columns to their right.
  if (oldRows > table.length)
    sheet.getRangeByIndexes(table.length, 0, oldRows - table.length, Math.max(width, oldColumns)).clear("Contents");
  if (oldColumns > width)
    sheet.getRangeByIndexes(0, width, Math.min(oldRows, table.length), oldColumns - width).clear("Contents");
  if (oldRows > table.length || oldColumns > width) await session.sync();
}

/** Write values into single cells of a user's sheet: the value, and "@" only where the text looks like a formula. */
export async function writeCellsIn(
  session: Session,
  sheetName: string,
  cells: readonly CellWrite[],
  targetBytes: number,
): Promise<void> {
  const sheet = session.workbook.worksheets.getItem(sheetName);
  let queued = 0;
  for (const { row, column, value } of cells) {
    const range = sheet.getRangeByIndexes(row - 1, column - 1, 1, 1);
    if (FORMULA_LIKE.test(value)) range.numberFormat = [["@"]];
    range.values = [[value]];
    queued += 250 + estimateJsonBytes(value);
    if (queued > targetBytes) {
      await session.sync();
      queued = 0;
    }
  }
  await session.sync();
}
