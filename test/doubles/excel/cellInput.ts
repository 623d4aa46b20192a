/**
 * What Excel does with a value written to `range.values`, as far as it matters to us: a cell formatted
 * as text ("@") keeps the string; otherwise Excel parses it like typed input — numbers, percentages, ISO
 * dates and TRUE/FALSE become values, and text that starts with = + - @ becomes a formula.
 */
import { officeError } from "./errors";
import type { CellState } from "./state";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
export const MAX_CELL_CHARACTERS = 32_767;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Excel serial of a calendar date (1900 date system). */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function applyValueInput(cell: CellState, input: unknown, location: string): void {
  // Office.js: null leaves the cell unchanged.
  if (input === null || input === undefined) return;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw officeError("InvalidArgument", `Cannot write ${input}`, location);
    cell.value = input;
    delete cell.formula;
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    delete cell.formula;
    return;
  }
  if (typeof input !== "string") {
    throw officeError("InvalidArgument", `Unsupported cell value ${JSON.stringify(input)}`, location);
  }
  // Excel's limit of characters in a cell: a longer string is refused, as Excel does.
  if (input.length > MAX_CELL_CHARACTERS) {
    throw officeError("InvalidArgument", `A cell holds at most ${MAX_CELL_CHARACTERS} characters.`, location);
  }
  delete cell.formula;
  if (cell.numberFormat === "@" || input === "") {
    cell.value = input;
    return;
  }
  const text = input.trim();
  if (NUMBER.test(text)) {
    cell.value = Number(text);
    return;
  }
  if (PERCENT.test(text)) {
    cell.value = Number(text.slice(0, -1)) / 100;
    if (!cell.numberFormat || cell.numberFormat === "General") cell.numberFormat = "0.0%";
    return;
  }
  const date = ISO_DATE.exec(text);
  if (date) {
    cell.value = dateSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (!cell.numberFormat || cell.numberFormat === "General") cell.numberFormat = "yyyy-mm-dd";
    return;
  }
  if (/^(true|false)$/i.test(text)) {
    cell.value = text.toLowerCase() === "true";
    return;
  }
  if (/^[=+\-@]/.test(input) && input.length > 1) {
    cell.formula = input.startsWith("=") ? input : `=${input}`;
    // The double evaluates nothing: a formula it cannot compute shows as Excel shows an unknown name.
    cell.value = "#NAME?";
    return;
  }
  cell.value = input;
}
