/**
 * Cutting a stretch of a unit cell into unit parts, and trimming each part down to its name.
 * Works on index ranges of the simplified text, so the same range of the original text is what the
 * user wrote.
 */
import { COLLECTIVE_SPAN } from "./patterns";

export type Range = [start: number, end: number];

/* Split characters: 、 ， , ； ; / ／ newlines, tabs, 。, vertical bars and ① … ⑳ (SPECIAL, with the brackets). */
const OPENING = new Set(["（", "(", "〔", "【", "[", "［", "{", "｛"]);
const CLOSING = new Set(["）", ")", "〕", "】", "]", "］", "}", "｝"]);
/** Any separator or bracket. */
const SPECIAL = /[、，,；;/／\n\r\t。|｜①-⑳（(〔【[［{｛）)〕】\]］}｝]/g;

/** Joiners between two whole unit names: 及 / 和 / 与 / 以及 / whitespace (never 及其); in English " and " / "&"
 * after a whole unit name. Whitespace joins only Chinese names: the space inside "Government Office" is no joiner. */
const JOINER = /以及|及(?!其)|和|与|\s+(?:and|&)\s+|[\s\u3000]+/gi;
const LATIN_JOINER = /^\s+(?:and|&)\s+$/i;
const SPACE_JOINER = /^[\s\u3000]+$/;
const CJK_CHAR = /[\u3400-\u9fff\uf900-\uff60）)]/;
/** Parts longer than this are not searched for joiners (unit names are short; keeps huge input linear). */
const JOINER_SEARCH_LIMIT = 120;

/** 、 positions inside collectives (各州、市人民政府, 省直各委、办、厅、局) in text[start, end). */
function protectedCommas(text: string, start: number, end: number): Set<number> | null {
  let found: Set<number> | null = null;
  const stretch = text.slice(start, end);
  COLLECTIVE_SPAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COLLECTIVE_SPAN.exec(stretch)) !== null) {
    if (m[0].length === 0) {
      COLLECTIVE_SPAN.lastIndex++;
      continue;
    }
    for (let i = m[0].indexOf("、"); i >= 0; i = m[0].indexOf("、", i + 1)) {
      if (found === null) found = new Set();
      found.add(start + m.index + i);
    }
  }
  return found;
}

/**
 * Splits text[start, end) at separators, except inside brackets (各县（市、区）人民政府) and inside
 * collectives; then at joiners, where both sides are whole unit names (`isUnitName`).
 */
export function splitParts(text: string, start: number, end: number, isUnitName: (name: string) => boolean): Range[] {
  const parts: Range[] = [];
  const guarded = protectedCommas(text, start, end);
  let depth = 0;
  let from = start;
  // Jump from one separator or bracket to the next instead of testing every character.
  SPECIAL.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = SPECIAL.exec(text)) !== null && m.index < end) {
    const ch = m[0];
    const i = m.index;
    if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch)) depth = depth > 0 ? depth - 1 : 0;
    else if (depth === 0 && !(guarded !== null && guarded.has(i))) {
      splitAtJoiners(text, from, i, isUnitName, parts);
      from = i + 1;
    }
  }
  splitAtJoiners(text, from, end, isUnitName, parts);
  return parts;
}

function splitAtJoiners(
  text: string,
  start: number,
  end: number,
  isUnitName: (name: string) => boolean,
  out: Range[],
): void {
  if (end <= start) return;
  if (end - start > JOINER_SEARCH_LIMIT) {
    out.push([start, end]);
    return;
  }
  const part = text.slice(start, end);
  let from = 0;
  JOINER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = JOINER.exec(part)) !== null) {
    const left = part.slice(from, m.index);
    const right = part.slice(m.index + m[0].length);
    const latin = LATIN_JOINER.test(m[0]);
    if (SPACE_JOINER.test(m[0]) && !CJK_CHAR.test(part[m.index - 1] ?? "") && !CJK_CHAR.test(right[0] ?? "")) continue;
    if (bracketsBalanced(left) && isUnitName(left) && (latin ? right.trim() !== "" : isUnitName(right))) {
      out.push([start + from, start + m.index]);
      from = m.index + m[0].length;
    }
  }
  out.push([start + from, end]);
}

function bracketsBalanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch)) depth--;
  }
  return depth === 0;
}

/** Punctuation and symbols around a name. */
const EDGE = "[\\s\\u3000\\u200b-\\u200d\\ufeff。．.，,、；;：:!！?？\"“”'‘’「」『』《》<>\\-—–_·•*#~～]";
/** List numbering before a name: 1. 2、 (3) （4） ① — not the digits of a date (2017.12). */
const ENUMERATOR = "[0-9０-９]{1,2}[.．、)）](?![0-9０-９])|[（(][0-9０-９一二三四五六七八九十]{1,2}[)）]|[①-⑳]";
/** Role words and filler before a name: 由省财政厅…, 及各州… */
const LEADING = new RegExp(`^(?:${EDGE}|${ENUMERATOR}|由|请|以及|及|并|其中|包括)+`);
/** After a name: 等 / 等3个部门 / 等有关单位, 分别 / 共同 / 均 (left before a marker), punctuation. */
const TRAILING = new RegExp(
  `(?:${EDGE}|等(?:[0-9０-９一二三四五六七八九十两]+[个家项]?)?(?:省|市|州|县|区)?(?:级|直)?(?:各|其他)?(?:相关|有关|其他)?(?:成员|责任|职能|主管)?(?:部门|单位|机构|政府|科室|处室)?|分别|共同|各自|均|具体|为|是|于|在)+$`,
);

const TRAILING_WINDOW = 40;
/** Bracket trimming rounds per call: enough for real names, bounded for hostile input. */
const BRACKET_ROUNDS = 6;

/**
 * Trims a part to its name: punctuation, filler and role words at either end, brackets that wrap the
 * whole part or are left unbalanced at an end. Returns the trimmed range (start >= end: nothing left).
 */
export function trimPart(text: string, start: number, end: number): Range {
  let a = start;
  let b = end;
  for (let round = 0; round < 4 && a < b; round++) {
    const before: Range = [a, b];
    const part = text.slice(a, b);
    const lead = LEADING.exec(part);
    if (lead) a += lead[0].length;
    if (a < b) {
      // Only the end is searched: a regex anchored at $ would retry from every position of a long part.
      const trail = TRAILING.exec(text.slice(Math.max(a, b - TRAILING_WINDOW), b));
      if (trail) b -= trail[0].length;
    }
    [a, b] = trimBrackets(text, a, b);
    if (before[0] === a && before[1] === b) break;
  }
  return a < b ? [a, b] : [a, a];
}

/** Drops brackets wrapping the whole range, or unbalanced at its start or end. */
function trimBrackets(text: string, start: number, end: number): Range {
  let a = start;
  let b = end;
  for (let round = 0; round < BRACKET_ROUNDS && a < b; round++) {
    const first = text[a];
    const last = text[b - 1];
    if (!OPENING.has(first) && !CLOSING.has(first) && !OPENING.has(last) && !CLOSING.has(last)) break;
    if (CLOSING.has(first)) {
      a++;
      continue;
    }
    if (OPENING.has(last)) {
      b--;
      continue;
    }
    if (OPENING.has(first) && CLOSING.has(last) && closesAt(text, a, b) === b - 1) {
      a++;
      b--;
      continue;
    }
    let depth = 0;
    let minDepth = 0;
    for (let i = a; i < b; i++) {
      if (OPENING.has(text[i])) depth++;
      else if (CLOSING.has(text[i])) depth--;
      if (depth < minDepth) minDepth = depth;
    }
    if (OPENING.has(first) && depth > 0) {
      a++;
      continue;
    }
    if (CLOSING.has(last) && (depth < 0 || minDepth < 0)) {
      b--;
      continue;
    }
    break;
  }
  return [a, b];
}

/** Index of the bracket closing the one at `open`, within [open, end), or -1. */
function closesAt(text: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    if (OPENING.has(text[i])) depth++;
    else if (CLOSING.has(text[i])) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
