/**
 * One exceljs cell as Excel's `range.values` would give it: dates as serial numbers, rich text and
 * hyperlinks as their text, formulas as their cached result, errors as "#N/A"-style strings.
 * Used only by the exceljs oracle the reader's equivalence tests compare against.
 */
import type { CellValue as ExcelJsValue } from "exceljs";
import type { CellValue } from "../../../src/core/types";
import { dateToSerial } from "../../../src/xlsx/cellValue";

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
