/**
 * The official Chinese working-day calendar (statutory holidays and adjusted working weekends),
 * from the `chinese-days` package, plus the user's own adjustments.
 *
 * We read the package's published data file (chinese-days/dist/chinese-days.json: holidays and
 * adjusted working days by "YYYY-MM-DD") and never call its functions. Reason, measured with
 * chinese-days 1.5.7: its functions build their tables at load time with local-time Date arithmetic,
 * so west of UTC (TZ=America/Los_Angeles) the whole table is shifted one day — isWorkday answers
 * 2017-05-27 (an adjusted working Saturday) "holiday", whether it is given a string or a Date. The
 * data file is built ahead of time and agrees with the functions run under TZ=Asia/Shanghai on every
 * day of 2004–2026 (8,401 days checked). Weekdays are computed arithmetically (dates.ts).
 *
 * The data covers 2004–2026 only; other years fall back to Monday–Friday and every working-day
 * computation that touches them says so (`outsideKnownYears`).
 */
import officialData from "chinese-days/dist/chinese-days.json";
import type { CalendarAdjustments, IsoDate } from "./types";
import {
  civilToDayNumber,
  dayNumberToCivil,
  dayNumberToIso,
  isoToDayNumber,
  parseIsoDate,
  weekdayOfDayNumber,
} from "./dates";

export interface WorkCalendar {
  isWorkday(date: IsoDate): boolean;
  /** date + n working days (day 1 = the first working day AFTER base); n = 0 gives base itself,
   * a negative n counts back. outsideKnownYears: some day counted lies in a year the calendar does
   * not know (computed Monday–Friday there). Throws RangeError on a malformed base or |n| > MAX_WORKDAYS. */
  addWorkdays(base: IsoDate, n: number): { date: IsoDate; outsideKnownYears: boolean };
  /** The official calendar covers this year, or the user gave adjustments for it. */
  knowsYear(year: number): boolean;
}

/** Beyond this many working days addWorkdays refuses (about 40 years): a typo, not a deadline. */
export const MAX_WORKDAYS = 10000;

interface OfficialDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

interface DaySets {
  holidays: Set<number>;
  workdays: Set<number>;
  /** Years in which the data lists both New Year's Day and National Day as holidays. */
  years: Set<number>;
}

function loadOfficialDays(data: OfficialDays): DaySets {
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  const newYears = new Set<number>();
  const nationalDays = new Set<number>();
  for (const date of Object.keys(data.holidays ?? {})) {
    const parts = parseIsoDate(date);
    if (parts === null) continue;
    holidays.add(civilToDayNumber(parts.year, parts.month, parts.day));
    if (parts.month === 1 && parts.day === 1) newYears.add(parts.year);
    if (parts.month === 10 && parts.day === 1) nationalDays.add(parts.year);
  }
  for (const date of Object.keys(data.workdays ?? {})) {
    const parts = parseIsoDate(date);
    if (parts !== null) workdays.add(civilToDayNumber(parts.year, parts.month, parts.day));
  }
  const years = new Set([...newYears].filter((year) => nationalDays.has(year)));
  return { holidays, workdays, years };
}

const official: DaySets = loadOfficialDays(officialData as OfficialDays);

/** Whether the official calendar data covers this year. */
export function officialCalendarKnowsYear(year: number): boolean {
  return official.years.has(year);
}

/** The first and last year of the official calendar data (2004 and 2026 for chinese-days 1.5.7). */
export function officialCalendarYears(): { first: number; last: number } {
  const years = [...official.years];
  return { first: Math.min(...years), last: Math.max(...years) };
}

function isWeekdayByRule(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday >= 1 && weekday <= 5;
}

/** Adjustment entries that are not valid "YYYY-MM-DD" dates (createCalendar ignores them). */
export function invalidAdjustments(adjustments: CalendarAdjustments | undefined): string[] {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  return [...list(adjustments?.holidays), ...list(adjustments?.workdays)]
    .filter((entry) => parseIsoDate(entry) === null)
    .map((entry) => String(entry));
}

function toDayNumbers(dates: unknown, years: Set<number>): Set<number> {
  const result = new Set<number>();
  for (const date of Array.isArray(dates) ? dates : []) {
    const parts = parseIsoDate(date);
    if (parts === null) continue;
    result.add(civilToDayNumber(parts.year, parts.month, parts.day));
    years.add(parts.year);
  }
  return result;
}

/**
 * A working-day calendar: the official one, where the user's adjustments win (a date in both of
 * the user's lists counts as a holiday). Invalid adjustment entries are ignored (see
 * invalidAdjustments). A year is known when the official data covers it or the user gave any
 * adjustment in it (the user has then supplied that year's calendar). Answers are cached per day.
 */
export function createCalendar(adjustments?: CalendarAdjustments): WorkCalendar {
  const adjustedYears = new Set<number>();
  const extraHolidays = toDayNumbers(adjustments?.holidays, adjustedYears);
  const extraWorkdays = toDayNumbers(adjustments?.workdays, adjustedYears);
  const answers = new Map<number, boolean>();
  /** addWorkdays results by "base|n": plans count from one publication date. */
  const sums = new Map<string, { date: IsoDate; outsideKnownYears: boolean }>();

  const knowsYear = (year: number): boolean => adjustedYears.has(year) || official.years.has(year);

  const decide = (dayNumber: number): boolean => {
    if (extraHolidays.has(dayNumber)) return false;
    if (extraWorkdays.has(dayNumber)) return true;
    if (official.holidays.has(dayNumber)) return false;
    if (official.workdays.has(dayNumber)) return true;
    return isWeekdayByRule(dayNumber);
  };

  const isWorkdayNumber = (dayNumber: number): boolean => {
    let answer = answers.get(dayNumber);
    if (answer === undefined) {
      answer = decide(dayNumber);
      answers.set(dayNumber, answer);
    }
    return answer;
  };

  return {
    isWorkday(date: IsoDate): boolean {
      return isWorkdayNumber(isoToDayNumber(date));
    },
    addWorkdays(base: IsoDate, n: number): { date: IsoDate; outsideKnownYears: boolean } {
      if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKDAYS) {
        throw new RangeError(`Working days must be a whole number within ±${MAX_WORKDAYS}: ${n}`);
      }
      const key = `${base}|${n}`;
      const known = sums.get(key);
      if (known !== undefined) return { ...known };
      let dayNumber = isoToDayNumber(base);
      const step = n < 0 ? -1 : 1;
      let remaining = Math.abs(n);
      let outsideKnownYears = false;
      // The current year's first and last day numbers: the year is recomputed only when crossed.
      let first = 0;
      let last = -1;
      while (remaining > 0) {
        dayNumber += step;
        if (dayNumber < first || dayNumber > last) {
          const { year } = dayNumberToCivil(dayNumber);
          first = civilToDayNumber(year, 1, 1);
          last = civilToDayNumber(year, 12, 31);
          if (!knowsYear(year)) outsideKnownYears = true;
        }
        if (isWorkdayNumber(dayNumber)) remaining--;
      }
      const result = { date: dayNumberToIso(dayNumber), outsideKnownYears };
      if (sums.size >= 10000) sums.clear();
      sums.set(key, result);
      return { ...result };
    },
    knowsYear,
  };
}
