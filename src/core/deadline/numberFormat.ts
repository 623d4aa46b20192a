/**
 * Excel number formats, as far as deadlines care: does a cell show its number as a date, or is its
 * format General (so a date serial can only be recognised by its size)?
 */

/** Quoted text, [brackets] (colours, locales, DBNum), escaped and padding characters, AM/PM. */
const LITERALS = /"[^"]*"|\[[^\]]*\]|\\.|_.|\*.|am\/pm|a\/p|上午\/下午/gi;

/** Excel's General format, also as Chinese Excel writes it (G/通用格式). */
export function isGeneralNumberFormat(format: string | null | undefined): boolean {
  if (format === null || format === undefined) return true;
  const trimmed = format.trim();
  return trimmed === "" || /^general$/i.test(trimmed) || trimmed === "G/通用格式";
}

/** A format that shows a date: it has a year or day code, or a month code without hours/seconds
 * (m alone means minutes next to h or s). Time-only formats (h:mm) are not dates. */
export function isDateNumberFormat(format: string | null | undefined): boolean {
  if (typeof format !== "string" || isGeneralNumberFormat(format)) return false;
  const codes = format.replace(LITERALS, "");
  if (/[yd]/i.test(codes)) return true;
  return /m/i.test(codes) && !/[hs]/i.test(codes);
}
