/**
 * The workbook's unit directory (单位名录): a sheet listing the official unit names, with their short
 * names and former names. It decides which names are canonical and which are aliases.
 */
import { cellText, normalizeKey, toSimplified } from "../text";
import type { CellValue, Grid } from "../types";
import { displayName } from "./names";

export interface UnitDirectory {
  sheet: string;
  /** Canonical names in the order of the sheet, without duplicates. */
  canonical: string[];
  /** normalizeKey(alias or canonical) -> canonical */
  lookup: Map<string, string>;
}

/** Sheet names of a directory, as comparison keys (lower case). */
const SHEET_NAMES = new Set(
  ["单位名录", "单位清单", "单位目录", "单位名单", "单位列表", "Units", "Unit directory", "Unit list"].map((n) =>
    normalizeKey(n).toLowerCase(),
  ),
);

/** True for a sheet the adapters should read as a unit directory (单位名录, 單位名錄, Units …). */
export function isUnitDirectorySheet(sheetName: string): boolean {
  if (typeof sheetName !== "string") return false;
  return SHEET_NAMES.has(normalizeKey(sheetName).toLowerCase());
}

/** Header names, in order of preference. */
const CANONICAL_HEADERS = [
  "单位名称",
  "标准名称",
  "规范名称",
  "单位全称",
  "名称",
  "单位",
  "name",
  "unitname",
  "unit",
  "canonicalname",
];
const ALIAS_HEADERS = ["简称", "别名", "曾用名", "其他名称", "又称", "alias", "aliases", "shortname", "othernames"];

const HEADER_SEARCH_ROWS = 10;
/** Several aliases in one cell: 、 ， , ； ; / ／ and newlines. */
const ALIAS_SEPARATORS = /[、，,；;/／\n\r]+/;

function headerKey(value: CellValue | undefined): string {
  return normalizeKey(cellText(value)).toLowerCase();
}

/** The index of the first header name (by preference) present in the row, or -1. */
function findColumn(row: CellValue[], headers: string[]): number {
  let best = -1;
  let bestRank = headers.length;
  for (let c = 0; c < row.length; c++) {
    const rank = headers.indexOf(headerKey(row[c]));
    if (rank >= 0 && rank < bestRank) {
      best = c;
      bestRank = rank;
    }
  }
  return best;
}

interface Layout {
  firstRow: number;
  canonicalColumn: number;
  aliasColumn: number;
}

function locateColumns(values: CellValue[][]): Layout | null {
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = Array.isArray(values[r]) ? values[r] : [];
    const canonicalColumn = findColumn(row, CANONICAL_HEADERS);
    if (canonicalColumn < 0) continue;
    const aliasColumn = findColumn(row, ALIAS_HEADERS);
    return { firstRow: r + 1, canonicalColumn, aliasColumn: aliasColumn === canonicalColumn ? -1 : aliasColumn };
  }
  // No header: a plain list of names in the first column that has any text.
  for (let r = 0; r < values.length; r++) {
    const row = Array.isArray(values[r]) ? values[r] : [];
    for (let c = 0; c < row.length; c++) {
      if (cellText(row[c]) !== "") return { firstRow: 0, canonicalColumn: c, aliasColumn: c + 1 };
    }
  }
  return null;
}

function unitName(value: CellValue | undefined): string {
  return displayName(toSimplified(cellText(value)));
}

/**
 * Reads the first grid whose sheet is a unit directory. Header row (within the first 10 rows) with a
 * canonical column (单位名称 / 标准名称 / 单位 / 规范名称 / Name / Unit) and an optional alias column
 * (简称 / 别名 / 曾用名 / Alias); without a header, the first column with text is the list of names and
 * the next column holds aliases. Blanks and duplicates are tolerated (first wins; canonical names win
 * over aliases). Null when there is no such sheet or it lists no name.
 */
export function readUnitDirectory(grids: Grid[]): UnitDirectory | null {
  if (!Array.isArray(grids)) return null;
  for (const grid of grids) {
    if (!grid || !isUnitDirectorySheet(grid.sheet)) continue;
    const directory = readGrid(grid);
    if (directory) return directory;
  }
  return null;
}

function readGrid(grid: Grid): UnitDirectory | null {
  const values = Array.isArray(grid.values) ? grid.values : [];
  const layout = locateColumns(values);
  if (!layout) return null;
  const canonical: string[] = [];
  const lookup = new Map<string, string>();
  const aliases: [string, string][] = [];
  const sheetKey = normalizeKey(grid.sheet).toLowerCase();
  for (let r = layout.firstRow; r < values.length; r++) {
    const row = Array.isArray(values[r]) ? values[r] : [];
    const name = unitName(row[layout.canonicalColumn]);
    if (name === "") continue;
    const key = normalizeKey(name);
    if (layout.firstRow === 0 && key.toLowerCase() === sheetKey) continue; // a title row repeating the sheet name
    if (!lookup.has(key)) {
      lookup.set(key, name);
      canonical.push(name);
    }
    if (layout.aliasColumn < 0) continue;
    const aliasText = cellText(row[layout.aliasColumn]);
    if (aliasText === "") continue;
    for (const alias of aliasText.split(ALIAS_SEPARATORS)) {
      const display = displayName(toSimplified(alias));
      if (display !== "") aliases.push([normalizeKey(display), lookup.get(key) ?? name]);
    }
  }
  for (const [key, name] of aliases) if (key !== "" && !lookup.has(key)) lookup.set(key, name);
  if (canonical.length === 0) return null;
  return { sheet: grid.sheet, canonical, lookup };
}

/** The canonical name of a name or alias, or null. */
export function lookupUnit(name: string, directory: UnitDirectory | null): string | null {
  if (!directory || typeof name !== "string" || name === "") return null;
  return directory.lookup.get(normalizeKey(name)) ?? null;
}

/** True when the name (or an alias of it) is in the directory. */
export function isKnownUnit(name: string, directory: UnitDirectory): boolean {
  return lookupUnit(name, directory) !== null;
}

const MAX_COMPARED = 64;

/** Edit distance of two code-point arrays (insert, delete, substitute), at most MAX_COMPARED long each. */
function editDistance(a: string[], b: string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * The directory name closest to `name`, for unit.unknown suggestions: the name itself when known,
 * else the canonical name (reached directly or through an alias) with the smallest edit distance,
 * if that distance is at most a third of the longer name (at least 1), or one name contains the other
 * (3 characters or more: 财政厅 -> 云南省财政厅). Null when nothing is close.
 */
export function closestUnit(name: string, directory: UnitDirectory): string | null {
  if (!directory || typeof name !== "string") return null;
  const key = normalizeKey(name);
  if (key === "") return null;
  const known = directory.lookup.get(key);
  if (known !== undefined) return known;
  const probe = Array.from(key).slice(0, MAX_COMPARED);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [candidateKey, canonical] of directory.lookup) {
    const candidate = Array.from(candidateKey).slice(0, MAX_COMPARED);
    const distance = editDistance(probe, candidate);
    const longer = Math.max(probe.length, candidate.length);
    const shorter = Math.min(probe.length, candidate.length);
    const contains = shorter >= 3 && (candidateKey.includes(key) || key.includes(candidateKey));
    if (!contains && distance > Math.max(1, Math.floor(longer / 3))) continue;
    if (distance < bestScore) {
      best = canonical;
      bestScore = distance;
    }
  }
  return best;
}
