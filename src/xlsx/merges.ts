/**
 * The merged areas of a worksheet's XML, as exceljs keeps them: an area that overlaps one kept before it is
 * dropped (exceljs refuses to merge cells already merged; the first wins). Kept areas are indexed by row, so
 * checking a new area looks only at the areas on the same rows: linear
 * in the number of areas and the rows they span, where comparing each with every earlier one was quadratic.
 */
import type { MergedArea } from "../core/types";
import { digitsAt, type ByteText } from "./byteText";
import { attribute, decodeXml } from "./xml";

/** "AB12" -> column 28 (0 when there are no letters). */
export function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column;
}

export function parseRange(ref: string): MergedArea | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const a = { row: Number(m[2]), column: columnOf(m[1]) };
  const b = m[3] ? { row: Number(m[4]), column: columnOf(m[3]) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/**
 * Rows are grouped in buckets of 2^shift rows (shift 0: one row each). An area is listed in every bucket it
 * spans; the shift is the smallest that keeps those listings within a budget, so a sheet of full-height merges
 * costs bounded memory (its checks then compare the areas sharing a bucket).
 */
const LISTING_BUDGET = 1 << 22;
const MAX_SHIFT = 21;

function spans(areas: readonly MergedArea[], shift: number): number {
  let total = 0;
  for (const a of areas) total += (a.bottom >> shift) - (a.top >> shift) + 1;
  return total;
}

export class MergeIndex {
  /** Kept areas, in the order they were kept. */
  readonly areas: MergedArea[] = [];
  private readonly shift: number;
  /** Per bucket, the first listing (-1: none); per listing, the next one and the kept area it names. */
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly item: Int32Array;
  private listings = 0;

  /** An index for these candidate areas (sizes its buckets and listings; nothing is kept yet). */
  constructor(candidates: readonly MergedArea[]) {
    let maxRow = 0;
    for (const a of candidates) if (a.bottom > maxRow) maxRow = a.bottom;
    let shift = 0;
    let total = spans(candidates, 0);
    while (total > Math.max(LISTING_BUDGET, 4 * candidates.length) && shift < MAX_SHIFT)
      total = spans(candidates, ++shift);
    this.shift = shift;
    this.head = new Int32Array((maxRow >> shift) + 1).fill(-1);
    this.next = new Int32Array(total);
    this.item = new Int32Array(total);
  }

  /** True when the area shares a cell with a kept one. */
  overlaps(area: MergedArea): boolean {
    const last = Math.min(area.bottom >> this.shift, this.head.length - 1);
    for (let bucket = area.top >> this.shift; bucket <= last; bucket++) {
      for (let at = this.head[bucket]; at !== -1; at = this.next[at]) {
        const a = this.areas[this.item[at]];
        if (a.left <= area.right && a.right >= area.left && a.top <= area.bottom && a.bottom >= area.top) return true;
      }
    }
    return false;
  }

  /** Keep an area (the caller checked it overlaps none; it must be one of the candidates). */
  keep(area: MergedArea): void {
    const index = this.areas.length;
    this.areas.push(area);
    const last = area.bottom >> this.shift;
    for (let bucket = area.top >> this.shift; bucket <= last; bucket++) {
      const at = this.listings++;
      this.item[at] = index;
      this.next[at] = this.head[bucket];
      this.head[bucket] = at;
    }
  }
}

/** [A-Za-z0-9_]: what ends a word for a regex's \b. */
const isWordByte = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** One corner of a ref read in place ("AB12"): [column, row, end], or null. */
function cornerAt(xml: ByteText, start: number): [number, number, number] | null {
  let i = start;
  let column = 0;
  while (i - start < 3) {
    const c = xml.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + c - 64;
    i++;
  }
  if (i === start) return null;
  const digits = i;
  while (xml.charCodeAt(i) >= 48 && xml.charCodeAt(i) <= 57) i++;
  const row = digitsAt(xml, digits, i, 7);
  return row === -1 ? null : [column, row, i];
}

/** A mergeCell's ref: read in place for the usual ref="A1:B2", else the general parse (entities, "$", spaces). */
function areaOf(xml: ByteText, tagStart: number, tagEnd: number): MergedArea | null {
  const at = xml.indexOf(" ref=", tagStart);
  if (at !== -1 && at < tagEnd && xml.charCodeAt(at + 5) === 34) {
    const a = cornerAt(xml, at + 6);
    const b = a && xml.charCodeAt(a[2]) === 58 ? cornerAt(xml, a[2] + 1) : null;
    if (a && b && xml.charCodeAt(b[2]) === 34) {
      return {
        top: Math.min(a[1], b[1]),
        left: Math.min(a[0], b[0]),
        bottom: Math.max(a[1], b[1]),
        right: Math.max(a[0], b[0]),
      };
    }
  }
  return parseRange(decodeXml(attribute(xml.slice(tagStart, tagEnd + 1), "ref") ?? ""));
}

/**
 * Where the start tag holding the "mergeCell" found at `at` begins ("<" or "<prefix:"), or -1: what the pattern
 * <(?:[\w.-]+:)?mergeCell\b finds (a namespace-aware reader sees any prefix).
 */
function tagStartOf(xml: ByteText, at: number, floor: number): number {
  if (isWordByte(xml.charCodeAt(at + 9))) return -1;
  const before = xml.charCodeAt(at - 1);
  if (before === 60) return at - 1;
  if (before !== 58) return -1;
  let i = at - 2;
  while (i >= floor) {
    const c = xml.charCodeAt(i);
    if (!(isWordByte(c) || c === 46 || c === 45)) break;
    i--;
  }
  return i < at - 2 && xml.charCodeAt(i) === 60 ? i : -1;
}

/** The <mergeCells> after `from` (prefix p): every area as written, in order (unreadable refs left out). */
function candidateAreas(xml: ByteText, p: string, from: number): MergedArea[] {
  const areas: MergedArea[] = [];
  const start = xml.indexOf(`<${p}mergeCells`, from);
  if (start === -1) return areas;
  const close = xml.indexOf(`</${p}mergeCells>`, start);
  const end = close === -1 ? xml.length : close;
  for (let at = xml.indexOf("mergeCell", start); at !== -1 && at < end;) {
    const tagStart = tagStartOf(xml, at, start);
    if (tagStart === -1) {
      at = xml.indexOf("mergeCell", at + 9);
      continue;
    }
    const tagEnd = xml.indexOf(">", at);
    if (tagEnd === -1 || tagEnd >= end) break;
    const area = areaOf(xml, tagStart, tagEnd);
    if (area) areas.push(area);
    at = xml.indexOf("mergeCell", tagEnd + 1);
  }
  return areas;
}

/**
 * The sheet's merged areas that exceljs keeps, sorted by top then left, and their index. `check` sees every
 * area first (it throws for one beyond Excel's rows or columns, which no index could hold).
 */
export function readMerges(xml: ByteText, p: string, from: number, check: (area: MergedArea) => void): MergedArea[] {
  const candidates = candidateAreas(xml, p, from);
  if (candidates.length === 0) return [];
  for (const area of candidates) check(area);
  const index = new MergeIndex(candidates);
  for (const area of candidates) if (!index.overlaps(area)) index.keep(area);
  return index.areas.slice().sort((a, b) => a.top - b.top || a.left - b.left);
}
