/**
 * Text helpers shared by the core readers: traditional -> simplified conversion, comparison keys and
 * the display text of a cell. Pure functions; none of them throws, whatever the input.
 */
import { toSimplified } from "./simplify";
import type { CellValue } from "./types";

export { toSimplified };

/** Comparison keys of short strings (unit names, headers, deadlines repeat a lot across rows). */
const SHORT = 64;
const CACHE_LIMIT = 20_000;
const keyCache = new Map<string, string>();

function remember(cache: Map<string, string>, key: string, value: string): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

/** Whitespace of every kind (incl. newlines, U+3000, NBSP) and zero-width characters. */
const SPACES = /[\s\u200b-\u200d\u2060\ufeff]+/g;

function nfkc(s: string): string {
  try {
    return s.normalize("NFKC");
  } catch {
    return s;
  }
}

/**
 * The key two texts are compared by: NFKC (full-width -> half-width, compatibility ideographs),
 * traditional -> simplified, and no whitespace at all. Letters keep their case.
 */
export function normalizeKey(s: string): string {
  if (typeof s !== "string" || s === "") return "";
  const short = s.length <= SHORT;
  if (short) {
    const hit = keyCache.get(s);
    if (hit !== undefined) return hit;
  }
  const out = toSimplified(nfkc(s)).replace(SPACES, "");
  if (short) remember(keyCache, s, out);
  return out;
}

/**
 * A cell's text as the user sees it: strings trimmed, numbers as Excel shows them in General format
 * (15 significant digits), booleans as TRUE / FALSE, empty and null as "".
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return String(Number(value.toPrecision(15)));
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return "";
}
