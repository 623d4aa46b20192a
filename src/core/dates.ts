/**
 * Plain-date arithmetic on ISO "YYYY-MM-DD" strings.
 *
 * Nothing here depends on the process time zone: dates are converted to a day number (days since
 * 1970-01-01 in the proleptic Gregorian calendar) with integer arithmetic (H. Hinnant's
 * days_from_civil / civil_from_days), so the same input gives the same answer in Beijing, UTC and
 * Los Angeles. The only function that reads a clock is todayIso, and it takes the local calendar
 * date of the Date it is given.
 *
 * Functions that take an IsoDate throw a RangeError on a malformed or impossible date: that is a
 * programming error. Check user input first with isIsoDate / parseIsoDate.
 */
import type { IsoDate } from "./types";

export interface PlainDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/** Years we can write as four digits. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1..12) of a year: the month's last day. */
export function lastDayOfMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Month out of range: ${month}`);
  }
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** True for a real calendar day in years 1..9999 (integers only): 2017-02-30 is false. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= lastDayOfMonth(year, month)
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** "YYYY-MM-DD" for a valid date, else null. */
export function makeIsoDate(year: number, month: number, day: number): IsoDate | null {
  return isValidDate(year, month, day) ? `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` : null;
}

/** "YYYY-MM-DD" for a valid date; throws RangeError otherwise. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  const iso = makeIsoDate(year, month, day);
  if (iso === null) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  return iso;
}

/** The parts of a strict "YYYY-MM-DD" string naming a real day, else null. Never throws. */
export function parseIsoDate(text: unknown): PlainDate | null {
  if (typeof text !== "string") return null;
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/** A date as people type it: 2017-08-15, 2017-8-15, 2017/8/15, 2017.8.15, 2017年8月15日 (full-width digits and
 * spaces allowed). */
const TYPED_DATE = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)$/;

/**
 * A date typed by a person (an option, a setting) as an ISO date, or null when it names no real day.
 * The one place that decides which spellings are accepted (design §3b "Dates as people type them").
 */
export function normalizeDateInput(text: unknown): IsoDate | null {
  if (typeof text !== "string" || text.length > 40) return null;
  let s: string;
  try {
    s = text.normalize("NFKC").trim();
  } catch {
    return null;
  }
  const m = TYPED_DATE.exec(s);
  if (!m) return null;
  return makeIsoDate(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
}

/** True for a strict "YYYY-MM-DD" string naming a real day. */
export function isIsoDate(text: unknown): text is IsoDate {
  return parseIsoDate(text) !== null;
}

function requireIso(iso: IsoDate): PlainDate {
  const parts = parseIsoDate(iso);
  if (parts === null) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(iso)}`);
  return parts;
}

/** Days since 1970-01-01 of a civil date (no validation; month 1..12). */
export function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (days since 1970-01-01). */
export function dayNumberToCivil(dayNumber: number): PlainDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const MIN_DAY_NUMBER = civilToDayNumber(MIN_YEAR, 1, 1);
const MAX_DAY_NUMBER = civilToDayNumber(MAX_YEAR, 12, 31);

/** Days since 1970-01-01 (negative before). Throws RangeError on a malformed date. */
export function isoToDayNumber(iso: IsoDate): number {
  const { year, month, day } = requireIso(iso);
  return civilToDayNumber(year, month, day);
}

/** The ISO date of a day number; throws RangeError outside years 1..9999 or for a non-integer. */
export function dayNumberToIso(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber) || dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER) {
    throw new RangeError(`Day number out of range: ${dayNumber}`);
  }
  const { year, month, day } = dayNumberToCivil(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** iso + n calendar days (n may be negative). */
export function addDays(iso: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return dayNumberToIso(isoToDayNumber(iso) + n);
}

/** a − b in days: diffDays("2017-07-02", "2017-06-30") === 2. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return isoToDayNumber(a) - isoToDayNumber(b);
}

/** The same day n months later (n may be negative), clamped to the month's last day:
 * addMonths("2017-01-31", 1) === "2017-02-28". */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of months: ${n}`);
  const { year, month, day } = requireIso(iso);
  const index = year * 12 + (month - 1) + n;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (newYear < MIN_YEAR || newYear > MAX_YEAR) throw new RangeError(`Year out of range: ${newYear}`);
  return toIsoDate(newYear, newMonth, Math.min(day, lastDayOfMonth(newYear, newMonth)));
}

/** The last day of a month as an ISO date. */
export function endOfMonth(year: number, month: number): IsoDate {
  return toIsoDate(year, month, lastDayOfMonth(year, month));
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function weekday(iso: IsoDate): number {
  return weekdayOfDayNumber(isoToDayNumber(iso));
}

/** Largest serial Excel accepts as a date: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;
/** Excel 1900 system: serials 1..59 count from 1899-12-31; serial 60 is the fictitious 1900-02-29
 * (the Lotus 1-2-3 leap-year bug); from 61 on, serials count from 1899-12-30. */
const EXCEL_EPOCH_BEFORE_BUG = civilToDayNumber(1899, 12, 31);
const EXCEL_EPOCH_AFTER_BUG = civilToDayNumber(1899, 12, 30);
const EXCEL_FAKE_LEAP_DAY = 60;

/**
 * The day of an Excel serial in the 1900 date system; a fractional serial (a time of day) gives
 * its day. Null for anything that is no day: not a finite number, below 1, above 9999-12-31, or
 * serial 60 (Excel's fictitious 1900-02-29).
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === EXCEL_FAKE_LEAP_DAY) return null;
  const epoch = whole < EXCEL_FAKE_LEAP_DAY ? EXCEL_EPOCH_BEFORE_BUG : EXCEL_EPOCH_AFTER_BUG;
  return dayNumberToIso(epoch + whole);
}

/** The Excel serial (1900 date system) of a day from 1900-01-01 on; throws RangeError before. */
export function isoToExcelSerial(iso: IsoDate): number {
  const dayNumber = isoToDayNumber(iso);
  const beforeBug = dayNumber - EXCEL_EPOCH_BEFORE_BUG;
  if (beforeBug < 1) throw new RangeError(`Excel serials start at 1900-01-01: ${iso}`);
  return beforeBug < EXCEL_FAKE_LEAP_DAY ? beforeBug : dayNumber - EXCEL_EPOCH_AFTER_BUG;
}

/** Today's local calendar date (the date a user sees on their clock), as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): IsoDate {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError("Invalid Date");
  return toIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
