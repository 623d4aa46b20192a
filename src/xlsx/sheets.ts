/** Sheet bookkeeping on an exceljs workbook: find by name, replace in place (same position), sheet order. */
import type { Workbook, Worksheet } from "exceljs";

/** exceljs orders sheets by this (public in the library, missing from its typings). */
interface Ordered {
  orderNo?: number;
}

import { quoteSheetName, sameSheetName } from "./sheetNames";

export { quoteSheetName, sameSheetName };

export function findSheet(workbook: Workbook, name: string): Worksheet | undefined {
  const sheets = workbook.worksheets;
  return sheets.find((ws) => ws.name === name) ?? sheets.find((ws) => sameSheetName(ws.name, name));
}

/** Position (exceljs orderNo) of the first sheet with one of these names, or null. */
export function sheetPosition(workbook: Workbook, names: readonly string[]): number | null {
  const found = workbook.worksheets.filter((ws) => names.some((n) => sameSheetName(ws.name, n)));
  return found.length > 0 ? Math.min(...found.map((ws) => (ws as unknown as Ordered).orderNo ?? 0)) : null;
}

export type SheetState = "visible" | "hidden" | "veryHidden";

/** Add a sheet at a position (from sheetPosition), or at the end when the position is null. */
export function addSheetAt(workbook: Workbook, name: string, position: number | null, state: SheetState): Worksheet {
  const sheet = workbook.addWorksheet(name, { state });
  if (position !== null) (sheet as unknown as Ordered).orderNo = position;
  return sheet;
}

/**
 * Remove every sheet with one of these names and add a fresh sheet named `name` where the first of them
 * stood (at the end when there was none), so re-running gives the same sheet order.
 */
export function replaceSheet(
  workbook: Workbook,
  name: string,
  replaces: readonly string[],
  state: SheetState = "visible",
): Worksheet {
  const names = [name, ...replaces];
  const position = sheetPosition(workbook, names);
  for (const ws of workbook.worksheets) {
    if (names.some((n) => sameSheetName(ws.name, n))) workbook.removeWorksheet(ws.id);
  }
  return addSheetAt(workbook, name, position, state);
}
