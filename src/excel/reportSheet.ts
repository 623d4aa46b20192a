/**
 * Writing one of our report sheets in Excel. It is built under a temporary name of ours (fengong_tmp_…):
 * number formats ("@" for text, so "=SUM(A1)" stays text) before values, values as whole 2-D arrays,
 * header bold, header row frozen, column widths, links to the plan's cells; only then, in the same last
 * request, the previous report sheets are deleted and the new one takes its name. A failure part-way
 * leaves at most the temporary sheet, which the caller deletes.
 */
import { UserError } from "../app/errors";
import type { ReportSheet } from "../app/port";
import type { CellValue } from "../core/types";
import { sheetReference } from "./addresses";
import { estimateJsonBytes, requestBytes, RequestBudget, slices } from "./blocks";
import type { WriteProgress } from "./highlights";
import type { Session } from "./session";

/** Points per character of column width (Excel's default 8.43 characters is 48 points; CJK text is wider). */
const POINTS_PER_CHARACTER = 6;

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

type Cell = string | number | boolean;

/** Rows padded to one width, null -> "", non-finite numbers -> "". */
export function rectangular(rows: CellValue[][]): Cell[][] {
  const width = Math.max(1, ...rows.map((row) => row.length));
  const table = rows.map((row) =>
    Array.from({ length: width }, (_, j): Cell => {
      const value = row[j];
      if (value === null || value === undefined) return "";
      if (typeof value === "number" && !Number.isFinite(value)) return "";
      return value;
    }),
  );
  return table.length > 0 ? table : [Array.from({ length: width }, () => "")];
}

/** "@" (text) for every string cell, so Excel never reads one as a formula, number or date. */
export const textFormats = (table: Cell[][]): string[][] =>
  table.map((row) => row.map((value) => (typeof value === "string" ? "@" : "General")));

export async function writeReport(
  session: Session,
  sheet: ReportSheet,
  tempName: string,
  targetBytes: number,
  progress: WriteProgress,
): Promise<void> {
  const workbook = session.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const structure = session.supports("1.7") ? workbook.protection : null;
  structure?.load("protected");
  await session.sync();
  if (structure?.protected) throw new UserError("workbook.protected");

  const replaced = worksheets.items
    .map((item) => item.name)
    .filter((name) => [sheet.name, ...sheet.replaces].some((r) => sameName(r, name)));
  const table = rectangular(sheet.rows);
  const formats = textFormats(table);
  const width = table[0].length;

  progress.writing = true;
  const target = worksheets.add(tempName);

  // Values: one 2-D array, or a few when the sheet is too big for one request (each part is three operations:
  // the range, its number formats, its values).
  const bytesPerRow = (2 * estimateJsonBytes(table)) / table.length;
  const room = Math.max(1, targetBytes - requestBytes(4, 0));
  const rowsPerRequest = Math.max(1, Math.floor(room / Math.max(1, bytesPerRow * 1.25)));
  const parts = slices(table.length, rowsPerRequest);
  for (const [index, [start, end]] of parts.entries()) {
    const range = target.getRangeByIndexes(start, 0, end - start, width);
    range.numberFormat = formats.slice(start, end);
    range.values = table.slice(start, end);
    if (index < parts.length - 1) await session.sync();
  }

  target.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  target.freezePanes.freezeRows(1);
  (sheet.columnWidths ?? []).forEach((characters, column) => {
    if (column < width && characters > 0) {
      target.getRangeByIndexes(0, column, 1, 1).format.columnWidth = Math.round(characters * POINTS_PER_CHARACTER);
    }
  });

  // Links to the plan's cells: two small operations each (the cell, its hyperlink), so mostly the envelope of
  // each operation (OPERATION_OVERHEAD_BYTES) counts; long lists go in several requests.
  const budget = new RequestBudget(targetBytes);
  budget.add(3 * width + 4, 0); // the header, freeze and widths queued above
  for (const link of sheet.links) {
    if (link.row >= table.length || link.column >= width) continue;
    const text = String(table[link.row][link.column]);
    const hyperlink = { documentReference: sheetReference(link.sheet, link.address), textToDisplay: text };
    target.getRangeByIndexes(link.row, link.column, 1, 1).hyperlink = hyperlink;
    if (budget.add(2, 32 + estimateJsonBytes(hyperlink))) {
      await session.sync();
      budget.reset();
    }
  }

  for (const name of replaced) worksheets.getItem(name).delete();
  target.name = sheet.name;
  await session.sync();
}

/** Delete the temporary sheet a failed write left, if any. True when one was deleted. */
export async function removeTemporarySheet(session: Session, tempName: string): Promise<boolean> {
  const sheet = session.workbook.worksheets.getItemOrNullObject(tempName);
  await session.sync();
  if (sheet.isNullObject) return false;
  sheet.delete();
  await session.sync();
  return true;
}
