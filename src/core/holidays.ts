/**
 * The official holiday schedule a workbook (or a file given to the CLI) carries: the days off (休) and the
 * adjusted working days (班) the State Council General Office publishes each autumn for the next year
 * (国务院办公厅关于某年部分节假日安排的通知). The built-in calendar (calendar.ts, from chinese-days) only knows
 * the years its package has; plans for a new year are issued before the package knows it, so the user adds
 * that year's schedule as a sheet 节假日安排 / Holidays: one row per date, with 休 or 班.
 *
 * Read like the unit directory (units/directory.ts): a header row within the first rows naming a date column
 * (日期 / Date) and a kind column (安排 / 类型 / 休班 / Type), or, without a header, the first column holding
 * dates with the kind in the next column. The result feeds AnalyzeOptions.calendar (CalendarAdjustments).
 */
import { excelSerialToIso, makeIsoDate } from "./dates";
import { cellText, normalizeKey, toSimplified } from "./text";
import type { CalendarAdjustments, CellValue, Grid, IsoDate } from "./types";
import { isUnitDirectorySheet } from "./units";

/** Sheet names of a holiday schedule, as comparison keys (lower case). */
const SHEET_NAMES = new Set(
  [
    "节假日安排",
    "节假日",
    "放假安排",
    "假日安排",
    "节假日调休",
    "法定节假日",
    "Holidays",
    "Holiday schedule",
    "Public holidays",
  ].map((name) => normalizeKey(toSimplified(name)).toLowerCase()),
);

/** True for a sheet read as the holiday schedule (节假日安排, 節假日安排, Holidays …): never a plan. */
export function isHolidaySheet(sheetName: string): boolean {
  if (typeof sheetName !== "string") return false;
  return SHEET_NAMES.has(normalizeKey(toSimplified(sheetName)).toLowerCase());
}

/** A sheet that holds reference data (unit directory, holiday schedule): read by the adapters, never a plan. */
export function isReferenceSheet(sheetName: string): boolean {
  return isUnitDirectorySheet(sheetName) || isHolidaySheet(sheetName);
}

const DATE_HEADERS = ["日期", "date", "日子", "时间"];
const KIND_HEADERS = ["安排", "类型", "休班", "休/班", "放假/上班", "状态", "说明", "type", "kind", "status"];

/** 休 / 班 and their longer forms, in either language. */
const OFF = /^(休|休息|放假|假|假日|节假日|调休|休假|off|holiday|dayoff|rest)$/i;
const ON = /^(班|上班|补班|调休上班|工作日|工作|workday|working|workingday|work|on)$/i;

export interface HolidaySchedule {
  sheet: string;
  holidays: IsoDate[];
  workdays: IsoDate[];
  /** Rows with a date but no readable 休/班, or a 休/班 without a readable date (1-based sheet rows). */
  unreadRows: number[];
}

const HEADER_SEARCH_ROWS = 10;

function key(value: CellValue | undefined): string {
  return normalizeKey(toSimplified(cellText(value))).toLowerCase();
}

/** A date cell: an Excel date serial, or text 2027-02-06, 2027/2/6, 2027.2.6, 2027年2月6日. */
export function holidayDate(value: CellValue | undefined): IsoDate | null {
  if (typeof value === "number") return Number.isInteger(value) ? excelSerialToIso(value) : null;
  if (typeof value !== "string") return null;
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(value.normalize("NFKC"));
  return match ? makeIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

function kindOf(value: CellValue | undefined): "off" | "on" | null {
  const text = key(value).replace(/[\s_-]/g, "");
  if (OFF.test(text)) return "off";
  if (ON.test(text)) return "on";
  return null;
}

function findColumn(row: readonly CellValue[], names: readonly string[]): number {
  for (let c = 0; c < row.length; c++) if (names.includes(key(row[c]))) return c;
  return -1;
}

interface Layout {
  firstRow: number;
  dateColumn: number;
  kindColumn: number;
}

function locate(values: readonly (readonly CellValue[])[]): Layout | null {
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = Array.isArray(values[r]) ? values[r] : [];
    const dateColumn = findColumn(row, DATE_HEADERS);
    const kindColumn = findColumn(row, KIND_HEADERS);
    if (dateColumn >= 0 && kindColumn >= 0 && dateColumn !== kindColumn)
      return { firstRow: r + 1, dateColumn, kindColumn };
  }
  // No header: the first column holding a date, 休/班 in the column after it.
  for (let r = 0; r < values.length; r++) {
    const row = Array.isArray(values[r]) ? values[r] : [];
    for (let c = 0; c < row.length; c++) {
      if (holidayDate(row[c]) !== null && kindOf(row[c + 1]) !== null)
        return { firstRow: r, dateColumn: c, kindColumn: c + 1 };
    }
  }
  return null;
}

/** One grid read as a holiday schedule, whatever its sheet name; null when it lists no 休/班 date. */
export function readHolidayGrid(grid: Grid): HolidaySchedule | null {
  const values = Array.isArray(grid?.values) ? grid.values : [];
  const layout = locate(values);
  if (!layout) return null;
  const holidays: IsoDate[] = [];
  const workdays: IsoDate[] = [];
  const unreadRows: number[] = [];
  const originRow = grid.origin?.row ?? 1;
  for (let r = layout.firstRow; r < values.length; r++) {
    const row = Array.isArray(values[r]) ? values[r] : [];
    const dateCell = row[layout.dateColumn];
    const kindCell = row[layout.kindColumn];
    if (cellText(dateCell) === "" && cellText(kindCell) === "") continue;
    const date = holidayDate(dateCell);
    const kind = kindOf(kindCell);
    if (date === null || kind === null) {
      unreadRows.push(originRow + r);
      continue;
    }
    (kind === "off" ? holidays : workdays).push(date);
  }
  if (holidays.length === 0 && workdays.length === 0) return null;
  return { sheet: grid.sheet, holidays, workdays, unreadRows };
}

/** The first grid whose sheet is a holiday schedule (节假日安排 / Holidays), read; null when there is none. */
export function readHolidaySchedule(grids: readonly Grid[]): HolidaySchedule | null {
  if (!Array.isArray(grids)) return null;
  for (const grid of grids) {
    if (!grid || !isHolidaySheet(grid.sheet)) continue;
    const schedule = readHolidayGrid(grid);
    if (schedule) return schedule;
  }
  return null;
}

/** Adjustments from several sources in one (a date listed as both holiday and workday stays a holiday). */
export function mergeAdjustments(...sources: (CalendarAdjustments | null | undefined)[]): CalendarAdjustments {
  const holidays: IsoDate[] = [];
  const workdays: IsoDate[] = [];
  for (const source of sources) {
    if (!source) continue;
    if (Array.isArray(source.holidays)) holidays.push(...source.holidays);
    if (Array.isArray(source.workdays)) workdays.push(...source.workdays);
  }
  return { holidays, workdays };
}
