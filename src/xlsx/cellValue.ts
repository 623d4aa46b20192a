/**
 * One exceljs cell as Excel's `range.values` would give it: dates as serial numbers, rich text and
 * hyperlinks as their text, formulas as their cached result, errors as "#N/A"-style strings.
 */
import type { CellValue as ExcelJsValue } from "exceljs";
import type { CellValue } from "../core/types";

const MS_PER_DAY = 86_400_000;
/** Serial number of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL_1900 = 25_569;
/** Days between the 1900 and the 1904 date systems. */
const DATE1904_OFFSET = 1_462;

/**
 * exceljs turns a serial into a Date at UTC midnight (plus the time of day); this is the exact inverse,
 * done on UTC milliseconds so the process time zone never matters.
 */
export function dateToSerial(date: Date, date1904 = false): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return NaN;
  const days = Math.floor(ms / MS_PER_DAY);
  const fraction = (ms - days * MS_PER_DAY) / MS_PER_DAY;
  return days + UNIX_EPOCH_SERIAL_1900 - (date1904 ? DATE1904_OFFSET : 0) + fraction;
}

/** A serial number (1900 system) as a Date at UTC midnight (plus time), the way exceljs writes dates. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL_1900) * MS_PER_DAY));
}

interface RichTextRun {
  text?: unknown;
}

function richTextToString(runs: readonly RichTextRun[]): string {
  let text = "";
  for (const run of runs) if (run && typeof run.text === "string") text += run.text;
  return text;
}

/** Convert any exceljs value (including a formula's result or a hyperlink's text) to a CellValue. */
export function toCellValue(value: ExcelJsValue | unknown, date1904 = false): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (value instanceof Date) {
    const serial = dateToSerial(value, date1904);
    return Number.isFinite(serial) ? serial : "#VALUE!";
  }
  if (typeof value !== "object") return String(value);
  const record = value as Record<string, unknown>;
  if (typeof record.error === "string") return record.error;
  if (Array.isArray(record.richText)) return richTextToString(record.richText as RichTextRun[]);
  if ("formula" in record || "sharedFormula" in record) {
    // A formula without a cached result reads "" (Excel would compute it; we never do).
    return "result" in record ? toCellValue(record.result, date1904) : "";
  }
  if ("hyperlink" in record || "text" in record) return toCellValue(record.text, date1904);
  return "";
}
