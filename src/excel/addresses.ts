/** A1 addresses as Office.js writes and reads them: sheet references, ranges, RangeAreas lists. */
import { columnLetter, columnNumber } from "../core/address";
import type { MergedArea } from "../core/types";

/** 'Sheet name'!A1 form: always quoted, apostrophes doubled (valid for every sheet name). */
export function sheetReference(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** 1-based inclusive rectangle -> "B2:D9" (or "B2" for one cell); absolute with `$` when asked. */
export function rangeAddress(
  area: { top: number; left: number; bottom: number; right: number },
  absolute = false,
): string {
  const d = absolute ? "$" : "";
  const first = `${d}${columnLetter(area.left)}${d}${area.top}`;
  const last = `${d}${columnLetter(area.right)}${d}${area.bottom}`;
  return first === last ? first : `${first}:${last}`;
}

/** Split "Sheet1!A1:B2, 'a, b'!C3:C5" at the commas that separate areas (not inside quoted names). */
function splitAreas(list: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted; // a doubled '' toggles twice: still right
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

/** "A1:B2" or "$A$1" (optionally sheet-qualified) -> 1-based rectangle; null when unreadable. */
export function parseRangeAddress(address: string): MergedArea | null {
  const bang = address.lastIndexOf("!");
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").trim();
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(local);
  if (!m) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? columnNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  if (![left, top, right, bottom].every((n) => Number.isInteger(n) && n >= 1)) return null;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** RangeAreas.address ("Sheet1!A1:B4, Sheet1!D1:D4") -> rectangles (unreadable parts are skipped). */
export function parseAreas(list: string): MergedArea[] {
  return splitAreas(list)
    .map(parseRangeAddress)
    .filter((area): area is MergedArea => area !== null);
}
