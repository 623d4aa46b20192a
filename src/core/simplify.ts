/**
 * Traditional -> simplified Chinese (OpenCC "t" -> "cn"), running OpenCC only where it can change something.
 *
 * OpenCC replaces the words of its dictionaries, trying each position of the text for a word that starts there
 * (the longest wins) and copying every other character. Indexed once by UTF-16 code unit, the dictionaries tell
 * (1) whether a word can start at a position at all: its first unit is a one-unit word, or it and the next unit
 * begin a longer word; a text where no position can start one converts to itself, and most simplified text is
 * such a text; (2) where a text may be cut: at a unit no word holds (、 ， （ ） …), no word can match across
 * the cut, so converting the pieces (short unit names, repeated in many cells) gives the text's conversion.
 * Ideographic description sequences (⿰…) make OpenCC skip positions: a text holding one is converted whole.
 */
import * as OpenCC from "opencc-js/t2cn";

type Convert = (text: string) => string;

/** Created on first use: building the OpenCC dictionaries costs a few milliseconds. */
let converter: Convert | null = null;

function getConverter(): Convert {
  if (converter === null) converter = OpenCC.Converter({ from: "t", to: "cn" });
  return converter;
}

/** The conversion's dictionaries, by code unit. */
interface WordIndex {
  /** 1: a word of one code unit (that character is replaced wherever it stands). */
  single: Uint8Array;
  /** 1: the first code unit of a longer word. */
  longer: Uint8Array;
  /** First code unit of a longer word -> the second code units of such words. */
  second: Map<number, Set<number>>;
  /** 1: the code unit occurs somewhere in the dictionaries (never a place to cut). */
  used: Uint8Array;
  /** The text may be converted piece by piece (no segmentation step, no description characters in words). */
  pieces: boolean;
}

/** undefined: not read yet; null: the dictionaries are not as expected (convert every text, as OpenCC would). */
let wordIndex: WordIndex | null | undefined;

function getWordIndex(): WordIndex | null {
  if (wordIndex === undefined) wordIndex = readWordIndex();
  return wordIndex;
}

const isDescription = (unit: number): boolean => unit >= 0x2ff0 && unit <= 0x2fff;
const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;
/** What /\s/ matches, by code unit. */
const isWhitespace = (unit: number): boolean =>
  (unit >= 9 && unit <= 13) ||
  unit === 32 ||
  unit === 0xa0 ||
  unit === 0x1680 ||
  (unit >= 0x2000 && unit <= 0x200a) ||
  unit === 0x2028 ||
  unit === 0x2029 ||
  unit === 0x202f ||
  unit === 0x205f ||
  unit === 0x3000 ||
  unit === 0xfeff;

/**
 * Reads the dictionaries of the t2s configuration (normalisation, then conversion): strings of "source target"
 * entries separated by "|" (a [source, target] pair reads as two entries: a superset, which only ever sends more
 * text to OpenCC). Every code unit of an entry counts as used. Checked against words known to be there: if the
 * layout ever changes, the index is not used and every text goes to OpenCC.
 */
function readWordIndex(): WordIndex | null {
  try {
    const configs = (OpenCC as { Locale?: { configs?: Record<string, unknown> } }).Locale?.configs;
    const config = configs?.t2s as Record<string, unknown> | undefined;
    if (config === undefined || config === null || typeof config !== "object") return null;
    const index: WordIndex = {
      single: new Uint8Array(0x10000),
      longer: new Uint8Array(0x10000),
      second: new Map(),
      used: new Uint8Array(0x10000),
      pieces: !config.segmentation,
    };
    let words = 0;
    /** The entry's first word, text[start, end). */
    const addWord = (text: string, start: number, end: number): void => {
      if (end <= start) return;
      words++;
      const first = text.charCodeAt(start);
      if (end - start === 1) {
        index.single[first] = 1;
        return;
      }
      index.longer[first] = 1;
      let seconds = index.second.get(first);
      if (seconds === undefined) index.second.set(first, (seconds = new Set()));
      seconds.add(text.charCodeAt(start + 1));
    };
    // Read in place (the dictionaries hold some 100,000 entries: no string nor array per entry), as
    // `for (entry of node.split("|")) addWord(entry.split(/\s/)[0])` would read them.
    const visit = (node: unknown, depth: number): void => {
      if (typeof node === "string") {
        let entryStart = 0;
        let wordEnd = -1;
        for (let i = 0; i <= node.length; i++) {
          const unit = i < node.length ? node.charCodeAt(i) : 124;
          if (unit === 124 /* | */) {
            addWord(node, entryStart, wordEnd === -1 ? i : wordEnd);
            entryStart = i + 1;
            wordEnd = -1;
            continue;
          }
          index.used[unit] = 1;
          if (isDescription(unit)) index.pieces = false;
          if (wordEnd === -1 && isWhitespace(unit)) wordEnd = i;
        }
      } else if (depth < 8 && node !== null && typeof node === "object") {
        for (const value of Object.values(node)) visit(value, depth + 1);
      }
    };
    visit(config, 0);
    // The dictionaries as expected: these traditional characters are words of their own, 一目瞭然 a longer one.
    for (const char of "縣發單臺辦") if (index.single[char.charCodeAt(0)] !== 1) return null;
    if (index.second.get("一".charCodeAt(0))?.has("目".charCodeAt(0)) !== true) return null;
    return words > 1000 ? index : null;
  } catch {
    return null;
  }
}

/** Can a word of the dictionaries start at position i (code unit `unit`) of the text? */
function wordMayStart(text: string, i: number, unit: number, index: WordIndex): boolean {
  if (index.single[unit] === 1) return true;
  return index.longer[unit] === 1 && index.second.get(unit)!.has(text.charCodeAt(i + 1));
}

/** Some position of the text may start a word (else the conversion gives the text back). */
function mayChange(text: string, index: WordIndex): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if ((index.single[unit] === 1 || index.longer[unit] === 1) && wordMayStart(text, i, unit, index)) return true;
  }
  return false;
}

/** Results for short strings and pieces (unit names, headers, deadlines repeat a lot across rows). */
const SHORT = 64;
const CACHE_LIMIT = 20_000;
const simplifiedCache = new Map<string, string>();

function remember(key: string, value: string): void {
  if (simplifiedCache.size >= CACHE_LIMIT) simplifiedCache.clear();
  simplifiedCache.set(key, value);
}

/** OpenCC on the text; null if it fails. */
function convert(text: string): string | null {
  try {
    const out = getConverter()(text);
    return typeof out === "string" ? out : null;
  } catch {
    return null;
  }
}

/** A piece between two cuts (remembered when short); null if OpenCC fails on it. */
function convertPiece(piece: string, index: WordIndex): string | null {
  if (!mayChange(piece, index)) return piece;
  const short = piece.length <= SHORT;
  if (short) {
    const hit = simplifiedCache.get(piece);
    if (hit !== undefined) return hit;
  }
  const out = convert(piece);
  if (short && out !== null) remember(piece, out);
  return out;
}

/** The text converted piece by piece, cut at code units no word holds; null when it is to be converted whole. */
function convertPieces(text: string, index: WordIndex): string | null {
  let out = "";
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const unit = i < text.length ? text.charCodeAt(i) : -1;
    if (unit >= 0) {
      if (isDescription(unit)) return null;
      if (index.used[unit] === 1 || isSurrogate(unit)) continue;
    }
    if (i > from) {
      if (from === 0 && i === text.length) return null; // nowhere to cut
      const piece = convertPiece(text.slice(from, i), index);
      if (piece === null) return null;
      out += piece;
    }
    if (unit >= 0) out += text[i];
    from = i + 1;
  }
  return out;
}

/** Only ASCII and Latin-1: nothing for OpenCC to convert (all that is known without the index). */
const NOTHING_TO_CONVERT = /^[\u0000-\u00ff]*$/;

/**
 * Traditional -> simplified Chinese (OpenCC "t" -> "cn"). Punctuation, including full-width brackets
 * （）, is kept as written. Returns the input unchanged if the conversion fails.
 */
export function toSimplified(s: string): string {
  if (typeof s !== "string" || s === "") return typeof s === "string" ? s : "";
  const index = getWordIndex();
  if (index === null ? NOTHING_TO_CONVERT.test(s) : !mayChange(s, index)) return s;
  const short = s.length <= SHORT;
  if (short) {
    const hit = simplifiedCache.get(s);
    if (hit !== undefined) return hit;
  }
  const out = (index !== null && index.pieces ? convertPieces(s, index) : null) ?? convert(s) ?? s;
  if (short) remember(s, out);
  return out;
}
