/** --holidays FILE: the official holiday schedule as a separate .xlsx or .csv, read into calendar adjustments. */
import { readHolidayGrid, readHolidaySchedule, type HolidaySchedule } from "../core/holidays";
import { openWorkbook } from "./files";

/**
 * The schedule in `file`: a sheet named 节假日安排 / Holidays if there is one, else the first sheet that reads as
 * one (a CSV's only sheet is named after the file). Null when no sheet lists a 休/班 date; a file that cannot be
 * read at all throws the usual UserError (missing, a folder, not a workbook …).
 */
export async function readHolidaysFile(file: string): Promise<HolidaySchedule | null> {
  const workbook = await openWorkbook(file);
  const grids = await workbook.readGrids();
  const all = [grids.plan, ...grids.others];
  return readHolidaySchedule(all) ?? all.map(readHolidayGrid).find((found) => found !== null) ?? null;
}
