/**
 * parseDeadline: one deadline cell (text, Excel date serial, number, boolean, empty) to a Deadline.
 * Never throws. Text readings are cached per calendar and (text, planYear, published): real plans
 * repeat the same few deadline texts (2017年底前, 持续推进) over thousands of rows.
 */
import type { WorkCalendar } from "../calendar";
import { excelSerialToIso, MAX_EXCEL_SERIAL } from "../dates";
import type { CellValue } from "../types";
import { hasDateExpression } from "./grammar";
import { normalizeDeadlineText } from "./normalize";
import { isDateNumberFormat, isGeneralNumberFormat } from "./numberFormat";
import { readCanonical, type Reading } from "./resolve";
import type { DeadlineContext, ParsedDeadline } from "./types";

/** Longer texts are notes, not deadlines: not read (kept as written, kind unparsed). */
export const MAX_DEADLINE_TEXT = 500;
/** Serials read as dates in a General (or unknown) format cell: 2000-01-01 .. 2099-12-31. */
const GENERAL_SERIAL_MIN = 36526;
const GENERAL_SERIAL_MAX = 73050;
const CACHE_LIMIT = 20000;

/** Per calendar, per (planYear, published): text -> reading. */
const caches = new WeakMap<WorkCalendar, Map<string, Map<string, Reading>>>();

/** The cache of the last context asked for: a plan asks for the same one on every row. */
let lastCalendar: WorkCalendar | null = null;
let lastPlanYear: number | null = null;
let lastPublished: string | null = null;
let lastCache: Map<string, Reading> | null = null;

function cacheFor(ctx: DeadlineContext): Map<string, Reading> | null {
  const calendar = ctx.calendar;
  if (typeof calendar !== "object" || calendar === null) return null;
  const published = ctx.published ?? null;
  if (lastCache !== null && calendar === lastCalendar && ctx.planYear === lastPlanYear && published === lastPublished)
    return lastCache;
  const cache = readingsFor(calendar, ctx);
  lastCalendar = calendar;
  lastPlanYear = ctx.planYear;
  lastPublished = published;
  lastCache = cache;
  return cache;
}

function readingsFor(calendar: WorkCalendar, ctx: DeadlineContext): Map<string, Reading> {
  let byContext = caches.get(calendar);
  if (byContext === undefined) {
    byContext = new Map();
    caches.set(calendar, byContext);
  }
  const contextKey = `${ctx.planYear}|${ctx.published ?? ""}`;
  let cache = byContext.get(contextKey);
  if (cache === undefined) {
    if (byContext.size >= 100) byContext.clear(); // a caller cycling through contexts
    cache = new Map();
    byContext.set(contextKey, cache);
  }
  return cache;
}

function readText(text: string, ctx: DeadlineContext): Reading {
  if (text.length > MAX_DEADLINE_TEXT) {
    return { kind: "unparsed", due: null, needsBase: false, outsideCalendar: false };
  }
  const cache = cacheFor(ctx);
  const cached = cache?.get(text);
  if (cached !== undefined) return cached;
  const result = readCanonical(normalizeDeadlineText(text), ctx);
  if (cache) {
    // Start afresh when full: cheaper than evicting one by one (a Map keeps deleted slots until it
    // rehashes), and a plan's repeated texts are back in the cache after a few rows.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, result);
  }
  return result;
}

function fromText(text: string, ctx: DeadlineContext): ParsedDeadline {
  return { text, ...readText(text, ctx) };
}

function fromNumber(value: number, ctx: DeadlineContext): ParsedDeadline {
  if (!Number.isFinite(value)) {
    return { text: String(value), kind: "unparsed", due: null, needsBase: false, outsideCalendar: false };
  }
  const format = ctx.numberFormat;
  const isSerial = isDateNumberFormat(format)
    ? value >= 1 && value < MAX_EXCEL_SERIAL + 1
    : isGeneralNumberFormat(format) && value >= GENERAL_SERIAL_MIN && value < GENERAL_SERIAL_MAX + 1;
  const iso = isSerial ? excelSerialToIso(value) : null;
  if (iso !== null) return { text: iso, kind: "date", due: iso, needsBase: false, outsideCalendar: false };
  // Otherwise read what Excel shows for the number: 20171215, 2018, 12.15.
  return fromText(String(value), ctx);
}

/** Read one deadline cell. Never throws: anything not understood is kind "unparsed". */
export function parseDeadline(value: CellValue, ctx: DeadlineContext): ParsedDeadline {
  try {
    if (value === null || value === undefined) return fromText("", ctx);
    if (typeof value === "number") return fromNumber(value, ctx);
    if (typeof value === "boolean") return fromText(value ? "TRUE" : "FALSE", ctx);
    return fromText(String(value).trim(), ctx);
  } catch {
    // Defensive: the readers are written not to throw, but a deadline must never stop a check.
    const text = typeof value === "string" ? value.trim() : String(value);
    return { text, kind: "unparsed", due: null, needsBase: false, outsideCalendar: false };
  }
}

/** A fixed context for looksLikeDeadline: any valid year will do, relatives need no base. */
const LOOKS_CALENDAR: WorkCalendar = {
  isWorkday: () => true,
  addWorkdays: (base) => ({ date: base, outsideKnownYears: false }),
  knowsYear: () => true,
};
const LOOKS_CONTEXT: DeadlineContext = { planYear: 2000, published: null, calendar: LOOKS_CALENDAR };

/**
 * Whether a piece of text reads as a deadline (a date, a period, a relative, recurring or ongoing
 * phrase): used by the unit reader for parts of a unit cell such as 年内持续推进 or 2017年底前.
 * Independent of any plan year or calendar.
 */
export function looksLikeDeadline(text: string): boolean {
  if (typeof text !== "string") return false;
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.length > MAX_DEADLINE_TEXT) return false;
  const kind = readText(trimmed, LOOKS_CONTEXT).kind;
  if (kind === "none") return false;
  // An impossible date (2017年2月30日) is still written as a deadline.
  return kind !== "unparsed" || hasDateExpression(normalizeDeadlineText(trimmed));
}
