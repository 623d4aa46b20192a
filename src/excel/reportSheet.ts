/**
 * Writing one of our report sheets in Excel. It is built under a temporary name of ours (fengong_tmp_…):
 * number formats ("@" for text, so "=SUM(A1)" stays text; the sheet's per-column formats for numbers, so a rate
 * 0.429 shows 42.9%) before values, values as whole 2-D arrays, header bold, header row frozen, column widths,
 * links to the plan's cells; only then, in the same last request, our previous sheet of this kind is deleted and
 * the new one takes its name. A failure part-way leaves at most the temporary sheet, which the caller deletes.
 *
 * Only sheets we created are ours: their ids are kept in the workbook's settings (REPORT_SHEETS_KEY, a list of
 * ids per kind). A sheet we did not create keeps its name, cells and place whatever it is called; ours goes
 * beside it under the first free name ("问题清单 (2)").
 */
import { UserError } from "../app/errors";
import { REPORT_SHEETS_KEY, type ReportSheet } from "../app/port";
import { reportSheetName } from "../app/reportSheets";
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

/** "@" (text) for every string cell, so Excel never reads one as a formula, number or date; numbers below the
 * header take their column's format. */
export const textFormats = (table: Cell[][], numberFormats: readonly (string | null)[] = []): string[][] =>
  table.map((row, r) =>
    row.map((value, c) => (typeof value === "string" ? "@" : (r > 0 && numberFormats[c]) || "General")),
  );

type OwnedSheets = Partial<Record<ReportSheet["kind"], string[]>>;

/** The ids of the report sheets we created, as kept in the settings (anything ill-formed is ignored). */
export function ownedSheetIds(value: unknown): OwnedSheets {
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  const owned: OwnedSheets = {};
  for (const kind of ["findings", "totals"] as const) {
    const ids = (parsed as Record<string, unknown>)[kind];
    if (Array.isArray(ids)) owned[kind] = ids.filter((id): id is string => typeof id === "string");
  }
  return owned;
}

export async function writeReport(
  session: Session,
  sheet: ReportSheet,
  tempName: string,
  targetBytes: number,
  progress: WriteProgress,
): Promise<string> {
  const workbook = session.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/id");
  const record = workbook.settings.getItemOrNullObject(REPORT_SHEETS_KEY);
  record.load("value");
  const structure = session.supports("1.7") ? workbook.protection : null;
  structure?.load("protected");
  await session.sync();
  if (structure?.protected) throw new UserError("workbook.protected");

  const owned = ownedSheetIds(record.isNullObject ? null : record.value);
  const ourIds = owned[sheet.kind] ?? [];
  const replaced = worksheets.items.filter((item) => ourIds.includes(item.id));
  const name = reportSheetName(
    sheet.name,
    worksheets.items.filter((item) => !replaced.includes(item) && !sameName(item.name, tempName)).map((i) => i.name),
  );
  const table = rectangular(sheet.rows);
  const formats = textFormats(table, sheet.numberFormats);
  const width = table[0].length;

  progress.writing = true;
  const target = worksheets.add(tempName);
  // The new sheet's id, known after the first request: it is recorded as ours before anything of ours is deleted.
  target.load("id");

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
    if (index === 0 || index < parts.length - 1) await session.sync();
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

  // Recorded first with the old ids too: should the request stop part-way, every sheet of ours is still known.
  const settings = workbook.settings;
  const record2 = (ids: string[]) => JSON.stringify({ ...owned, [sheet.kind]: ids });
  settings.add(REPORT_SHEETS_KEY, record2([target.id, ...replaced.map((item) => item.id)]));
  for (const item of replaced) item.delete();
  target.name = name;
  settings.add(REPORT_SHEETS_KEY, record2([target.id]));
  await session.sync();
  return name;
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
