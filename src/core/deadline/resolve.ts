/**
 * From a canonical deadline text to its kind and due date: scan the date expressions clause by
 * clause, give each its year (written, else the year in force: the last one written earlier in the
 * text, else the plan's), drop the ones that do not set a target (inside a recurring clause, a
 * vague year inside an ongoing clause, the start of a range, a starting point), and combine the rest:
 * one target is its own kind, several different ones are "multi" with the earliest due date.
 */
import type { WorkCalendar } from "../calendar";
import { addDays, addMonths, endOfMonth, isIsoDate, lastDayOfMonth, makeIsoDate } from "../dates";
import { toSimplified } from "../text";
import type { DeadlineKind, DeadlineMilestone, IsoDate } from "../types";
import { scanTokens, type DateToken, type RelativeUnit, type YearRef } from "./grammar";
import { CLAUSE_SEPARATOR, ONGOING, PLACEHOLDER, RANGE_GAP, RECURRING, START_AFTER } from "./keywords";
import type { ParsedDeadline } from "./types";

/** Years we accept in a deadline; anything else is a typo (2107年) and stays unparsed. */
export const MIN_DEADLINE_YEAR = 1900;
export const MAX_DEADLINE_YEAR = 2200;

/** Largest amount per unit of a relative deadline (about ten years). */
const RELATIVE_LIMITS: Readonly<Record<RelativeUnit, number>> = {
  workday: 2600,
  day: 3660,
  week: 520,
  month: 120,
  year: 10,
};

export type Reading = Omit<ParsedDeadline, "text">;

interface Settings {
  planYear: number;
  published: IsoDate | null;
  calendar: WorkCalendar;
}

const NONE: Reading = { kind: "none", due: null, needsBase: false, outsideCalendar: false };
const UNPARSED: Reading = { kind: "unparsed", due: null, needsBase: false, outsideCalendar: false };

function reading(kind: DeadlineKind, due: IsoDate | null, needsBase = false, outsideCalendar = false): Reading {
  return { kind, due, needsBase, outsideCalendar };
}

function isDeadlineYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_DEADLINE_YEAR && year <= MAX_DEADLINE_YEAR;
}

function yearOf(ref: YearRef, inForce: number): number {
  if (ref === null) return inForce;
  return "abs" in ref ? ref.abs : inForce + ref.offset;
}

type AbsoluteToken = Exclude<DateToken, { type: "relative" } | { type: "invalid" }>;

/** The due date of an absolute expression in a year, or null when it is no real date. */
function absoluteDue(token: AbsoluteToken, year: number): { kind: DeadlineKind; due: IsoDate } | null {
  const validMonth = (month: number): boolean => Number.isInteger(month) && month >= 1 && month <= 12;
  switch (token.type) {
    case "day": {
      const due = makeIsoDate(year, token.month, token.day);
      return due === null ? null : { kind: "date", due };
    }
    case "month":
      return validMonth(token.month) ? { kind: "month", due: endOfMonth(year, token.month) } : null;
    case "part": {
      if (!validMonth(token.month)) return null;
      const last = lastDayOfMonth(year, token.month);
      const day = token.day === "last" ? last : Math.min(token.day, last);
      return { kind: "part-of-month", due: makeIsoDate(year, token.month, day) ?? endOfMonth(year, token.month) };
    }
    case "quarter":
      return Number.isInteger(token.quarter) && token.quarter >= 1 && token.quarter <= 4
        ? { kind: "quarter", due: endOfMonth(year, token.quarter * 3) }
        : null;
    case "half":
      return { kind: "half", due: endOfMonth(year, token.half === 1 ? 6 : 12) };
    case "year":
      return { kind: "year", due: endOfMonth(year, 12) };
  }
}

/** A relative deadline from its base; null when the amount is out of bounds or the date impossible. */
function relativeReading(
  amount: number,
  unit: RelativeUnit,
  base: IsoDate | null,
  calendar: WorkCalendar,
): Reading | null {
  if (!Number.isInteger(amount) || amount < 0 || amount > RELATIVE_LIMITS[unit]) return null;
  if (base === null) return reading("relative", null, true);
  try {
    switch (unit) {
      case "workday": {
        const { date, outsideKnownYears } = calendar.addWorkdays(base, amount);
        return reading("relative", date, false, outsideKnownYears);
      }
      case "day":
        return reading("relative", addDays(base, amount));
      case "week":
        return reading("relative", addDays(base, amount * 7));
      case "month":
        return reading("relative", addMonths(base, amount));
      case "year":
        return reading("relative", addMonths(base, amount * 12));
    }
  } catch {
    return null; // beyond year 9999, or a calendar that refuses: not a deadline we can date
  }
}

/** Several targets: the earliest due date, unless they all name the same day. */
function combine(parts: Reading[]): Reading {
  if (parts.length === 1) return parts[0];
  const dues = parts.map((part) => part.due).filter((due): due is IsoDate => due !== null);
  const needsBase = parts.some((part) => part.needsBase);
  const outsideCalendar = parts.some((part) => part.outsideCalendar);
  const earliest = dues.length === 0 ? null : dues.reduce((a, b) => (b < a ? b : a));
  const sameDay = !needsBase && dues.length === parts.length && dues.every((due) => due === earliest);
  return sameDay
    ? reading(parts[0].kind, earliest, false, outsideCalendar)
    : reading("multi", earliest, needsBase, outsideCalendar);
}

/** The stage of completion in a staged deadline ("6月底前启动，年底前完成"); 基本完成 is an earlier stage when a
 * later clause completes the work. */
const COMPLETION = /完成|建成|见效|办结|完工|竣工|到位|全覆盖|complete|finish|done/;
const PARTIAL = /基本完成|基本建成|初步完成|初步建成|初见成效/;

/**
 * Staged targets: the due date is the stage of completion, the earlier stages are milestones. Null when the
 * text is not staged (no completion clause, or every dated clause completes: per-unit alternatives).
 */
function staged(parts: Reading[], clauses: string[]): Reading | null {
  if (parts.length < 2) return null;
  const completes = clauses.map((clause) => COMPLETION.test(clause));
  const full = clauses.map((clause, i) => completes[i] && !PARTIAL.test(clause));
  const final = full.some(Boolean) ? full : completes;
  if (!final.some(Boolean) || final.every(Boolean)) return null;
  const due = combine(parts.filter((_, i) => final[i]));
  // Earlier stages come before completion; "2017年底前完成试点；2018年6月底前全面推开" is no staged deadline.
  if (due.due === null || parts.some((part, i) => !final[i] && (part.due === null || part.due > due.due!))) return null;
  const milestones: DeadlineMilestone[] = [];
  parts.forEach((part, i) => {
    if (!final[i]) milestones.push({ text: toSimplified(clauses[i]), due: part.due });
  });
  return { ...due, milestones };
}

/** A year written with fewer than four digits just before an expression that has none: 17年底,
 * 17年6月. Two digits are 20xx (the year); one or three digits cannot be read (null). Undefined
 * when there is none, so the expression takes the year in force — never silently the plan's year
 * over a year the text does state. */
const SHORT_YEAR_BEFORE = /(?<![0-9])([0-9]{1,3})(年度?)?$/;

function shortYearBefore(clause: string, start: number): number | null | undefined {
  const match = SHORT_YEAR_BEFORE.exec(clause.slice(Math.max(0, start - 5), start));
  if (match === null) return undefined;
  if (match[2] === undefined && clause[start] !== "年") return undefined; // 1-6月: a range, not a year
  return match[1].length === 2 ? 2000 + Number(match[1]) : null;
}

/** Read a canonical (normalize.ts) deadline text. */
export function readCanonical(text: string, settings: Settings): Reading {
  if (text === "" || PLACEHOLDER.test(text)) return NONE;
  const published = isIsoDate(settings.published) ? settings.published : null;
  let yearInForce = settings.planYear;
  const parts: Reading[] = [];
  /** The clause each part was read from (for staged deadlines). */
  const partClauses: string[] = [];
  let recurringSeen = false;
  let ongoingSeen = false;

  const clauses = CLAUSE_SEPARATOR.test(text) ? text.split(CLAUSE_SEPARATOR) : [text];
  for (const clause of clauses) {
    if (clause === "") continue;
    const recurring = RECURRING.test(clause);
    const ongoing = ONGOING.test(clause);
    recurringSeen ||= recurring;
    ongoingSeen ||= ongoing;
    const tokens = scanTokens(clause);
    let startingPoint: IsoDate | null = null;

    for (let i = 0; i < tokens.length; i++) {
      const { token, end } = tokens[i];
      if (token.type === "invalid") return UNPARSED;
      if (token.type === "relative") {
        const relative = relativeReading(token.amount, token.unit, startingPoint ?? published, settings.calendar);
        if (relative === null) return UNPARSED;
        if (!recurring) {
          parts.push(relative);
          partClauses.push(clause);
        }
        continue;
      }
      const shortYear = token.year === null ? shortYearBefore(clause, tokens[i].start) : undefined;
      if (shortYear === null) return UNPARSED;
      const year = shortYear ?? yearOf(token.year, yearInForce);
      if (!isDeadlineYear(year)) return UNPARSED;
      if (token.year !== null || shortYear !== undefined) yearInForce = year;
      const absolute = absoluteDue(token, year);
      if (absolute === null) return UNPARSED;

      if (recurring) continue; // 每年12月底前: a rhythm, not a target
      if (ongoing && token.type === "year" && token.vague) continue; // 年内持续推进
      const next = tokens[i + 1];
      if (next !== undefined && RANGE_GAP.test(clause.slice(end, next.start).trim())) continue; // 6月-12月
      if (START_AFTER.test(clause.slice(end))) {
        startingPoint = absolute.due; // 2017年7月1日起30日内
        continue;
      }
      parts.push(reading(absolute.kind, absolute.due));
      partClauses.push(clause);
    }
  }

  if (parts.length > 0) return staged(parts, partClauses) ?? combine(parts);
  if (recurringSeen) return reading("recurring", null);
  if (ongoingSeen) return reading("ongoing", null);
  return UNPARSED;
}
