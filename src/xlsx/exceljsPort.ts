/** Reading grids from exceljs' model after it was loaded for writing (until the package writer replaces it). */
import type { Workbook, Worksheet } from "exceljs";
import { UserError } from "../app/errors";
import type { ReadGridsOptions, WorkbookGrids } from "../app/port";
import { isOwnedSheet } from "../core/reportNames";
import { isUnitDirectorySheet } from "../core/units";
import { readGrid } from "./readGrid";
import { findSheet } from "./sheets";

export function readGrids(workbook: Workbook, options: ReadGridsOptions = {}): WorkbookGrids {
  const date1904 = Boolean(workbook.properties?.date1904);
  const candidates = workbook.worksheets.filter((ws) => !isOwnedSheet(ws.name));
  if (candidates.length === 0) throw new UserError("file.empty", { file: "" });
  let plan: Worksheet;
  if (options.sheet) {
    const named = findSheet(workbook, options.sheet);
    if (!named || isOwnedSheet(named.name)) throw new UserError("sheet.not-found", { sheet: options.sheet });
    plan = named;
  } else {
    const plans = candidates.filter((ws) => !isUnitDirectorySheet(ws.name));
    plan = plans.find((ws) => ws.state === "visible") ?? plans[0] ?? candidates[0];
  }
  return {
    plan: readGrid(plan, date1904),
    others: candidates.filter((ws) => ws !== plan).map((ws) => readGrid(ws, date1904)),
  };
}
