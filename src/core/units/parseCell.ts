/**
 * Reading one unit cell (or the units of a task's trailing parenthesis): who leads, who is responsible,
 * and what the cell says besides (a deadline phrase, a duplicate, a lead also listed as responsible).
 * Rules in design.md §3 "Unit cells".
 */
import { normalizeKey, toSimplified } from "../text";
import { builtInAlias } from "./aliases";
import { lookupUnit, type UnitDirectory } from "./directory";
import { markCell, type UnitRole } from "./markers";
import { displayName } from "./names";
import {
  HAS_WORD,
  NOT_A_UNIT,
  deadlineStart,
  hasUnitSuffix,
  isCollective,
  isCommercial,
  isPartyBody,
  placePrefixOf,
  startsWithPlace,
  takesLevelPrefix,
} from "./patterns";
import { splitParts, trimPart, type Range } from "./split";

export type UnitKind = "department" | "collective" | "other";

export interface ParsedUnit {
  /** Canonical display name: simplified, level prefix re-attached, alias resolved, full-width brackets. */
  name: string;
  /** The unit as it appears in the cell after splitting (original characters, trimmed). */
  written: string;
  kind: UnitKind;
  /** True only when resolved through the directory or the built-in short-name table. */
  alias: boolean;
}

/** lead: a lead column; responsible: a responsible column next to a lead column; mixed: the only unit
 * column, or the trailing parenthesis of a task text. */
export type UnitColumn = "lead" | "responsible" | "mixed";

export interface UnitCellParse {
  /** Deduplicated by name, in order; a unit in both lists is kept in lead only. */
  lead: ParsedUnit[];
  responsible: ParsedUnit[];
  /** implicit: no marker in a mixed cell, the first listed unit is taken as lead. */
  leadSource: "column" | "marker" | "implicit" | "none";
  /** 分别牵头 */
  multipleLeadMarker: boolean;
  /** Canonical names written twice in the same role in this cell. */
  duplicates: string[];
  /** Names marked lead AND responsible in this cell. */
  leadAlsoResponsible: string[];
  /** A deadline phrase found among the parts (年内持续推进, 2017年底前), as written; else null. */
  deadlineText: string | null;
}

/**
 * The simplified text aligned with the original, index for index, so a range of one is the same
 * characters in the other. OpenCC keeps lengths for almost everything; when it does not, convert
 * character by character.
 */
function alignedSimplified(original: string): string {
  const whole = toSimplified(original);
  if (whole.length === original.length) return whole;
  let out = "";
  for (let i = 0; i < original.length; i++) {
    const one = toSimplified(original[i]);
    out += one.length === 1 ? one : original[i];
  }
  return out;
}

/**
 * The key two units of one cell are compared by. Names are already simplified and without spaces, so
 * NFKC is enough (full-width letters, compatibility ideographs); normalizeKey would run OpenCC again.
 */
function sameUnitKey(name: string): string {
  try {
    return name.normalize("NFKC");
  } catch {
    return name;
  }
}

interface Entry {
  unit: ParsedUnit;
  role: UnitRole | null;
  key: string;
}

/** Where the level prefix of the units comes from. */
interface PrefixState {
  /** The first prefixed department of the cell. */
  cell: string | null;
  /** The prefix of the current list (chunk): its first unit's, or the cell's; undefined before it. */
  list: string | null | undefined;
}

/** Resolves a cleaned display name: prefix, directory, built-in aliases. */
function resolveUnit(
  display: string,
  written: string,
  directory: UnitDirectory | null,
  prefix: PrefixState,
): ParsedUnit {
  const collective = isCollective(display);
  const commercial = isCommercial(display);
  const own = collective || commercial ? null : placePrefixOf(display);
  if (prefix.list === undefined) prefix.list = own ?? prefix.cell;
  if (prefix.cell === null && own !== null) prefix.cell = own;

  let name = display;
  const source = prefix.list ?? prefix.cell;
  if (source !== null && !collective && !commercial && !startsWithPlace(display) && takesLevelPrefix(display)) {
    name = source + (isPartyBody(display) && !source.endsWith("委") ? "委" : "") + display;
  }

  let alias = false;
  const known = lookupUnit(name, directory) ?? (name !== display ? lookupUnit(display, directory) : null);
  if (known !== null) {
    const knownKey = normalizeKey(known);
    alias = knownKey !== normalizeKey(name) && knownKey !== normalizeKey(display);
    name = known;
  } else {
    const standard = builtInAlias(name);
    if (standard !== null) {
      alias = true;
      name = lookupUnit(standard, directory) ?? standard;
    }
  }

  const kind: UnitKind =
    collective || (name !== display && isCollective(name))
      ? "collective"
      : known !== null || hasUnitSuffix(name)
        ? "department"
        : "other";
  return { name, written, kind, alias };
}

/**
 * Parses of recent cells: plans repeat the same unit cells on many rows. One map per directory (the
 * directory is built once per analysis and not changed afterwards). Results are frozen and shared:
 * callers read them, never change them (copying each hit cost a fifth of a 100k-row analysis in GC).
 */
const CACHE_LIMIT = 5_000;
const CACHED_LENGTH = 200;
const withoutDirectory = new Map<string, UnitCellParse>();
const byDirectory = new WeakMap<UnitDirectory, Map<string, UnitCellParse>>();

function cacheFor(directory: UnitDirectory | null): Map<string, UnitCellParse> {
  if (directory === null || typeof directory !== "object") return withoutDirectory;
  let cache = byDirectory.get(directory);
  if (cache === undefined) {
    cache = new Map();
    byDirectory.set(directory, cache);
  }
  return cache;
}

function frozen(parse: UnitCellParse): UnitCellParse {
  for (const unit of parse.lead) Object.freeze(unit);
  for (const unit of parse.responsible) Object.freeze(unit);
  Object.freeze(parse.lead);
  Object.freeze(parse.responsible);
  Object.freeze(parse.duplicates);
  Object.freeze(parse.leadAlsoResponsible);
  return Object.freeze(parse);
}

/** Reads one unit cell. Never throws; an empty or unreadable cell gives empty lists. */
export function parseUnitCell(text: string, column: UnitColumn, directory: UnitDirectory | null): UnitCellParse {
  const original = typeof text === "string" ? text : "";
  const checkedColumn: UnitColumn = column === "lead" || column === "responsible" ? column : "mixed";
  const checkedDirectory = directory && directory.lookup instanceof Map ? directory : null;
  if (original.length > CACHED_LENGTH) return frozen(parseFresh(original, checkedColumn, checkedDirectory));
  const cache = cacheFor(checkedDirectory);
  const key = checkedColumn[0] + original;
  let parse = cache.get(key);
  if (parse === undefined) {
    parse = frozen(parseFresh(original, checkedColumn, checkedDirectory));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, parse);
  }
  return parse;
}

/** Whole unit names on both sides of 及 / 和 (for the joiner split). */
function unitNameTest(directory: UnitDirectory | null): (candidate: string) => boolean {
  return (candidate) => {
    const display = displayName(candidate.trim());
    return display !== "" && (hasUnitSuffix(display) || lookupUnit(display, directory) !== null);
  };
}
const isUnitNameWithoutDirectory = unitNameTest(null);

function parseFresh(original: string, column: UnitColumn, directory: UnitDirectory | null): UnitCellParse {
  const simplified = alignedSimplified(original);
  const marked = markCell(simplified);
  const entries: Entry[] = [];
  const deadlines: string[] = [];
  const prefix: PrefixState = { cell: null, list: undefined };
  const isUnitName = directory === null ? isUnitNameWithoutDirectory : unitNameTest(directory);

  for (const chunk of marked.chunks) {
    prefix.list = undefined;
    for (const raw of splitParts(simplified, chunk.start, chunk.end, isUnitName)) {
      const range = trimPart(simplified, raw[0], raw[1]);
      if (range[0] >= range[1]) continue;
      const part = simplified.slice(range[0], range[1]);
      const display = displayName(part);
      if (display === "" || !HAS_WORD.test(display) || NOT_A_UNIT.test(display)) continue;
      const known = lookupUnit(display, directory);
      if (known !== null || hasUnitSuffix(display) || isCollective(display)) {
        entries.push(entry(display, original, range, chunk.role, directory, prefix));
        continue;
      }
      const at = deadlineStart(part);
      if (at < 0) {
        // Not recognisably a unit, but what the user wrote: kind "other".
        entries.push(entry(display, original, range, chunk.role, directory, prefix));
        continue;
      }
      const head = at > 0 ? trimPart(simplified, range[0], range[0] + at) : range;
      const headDisplay = at > 0 && head[0] < head[1] ? displayName(simplified.slice(head[0], head[1])) : "";
      if (headDisplay !== "" && hasUnitSuffix(headDisplay)) {
        entries.push(entry(headDisplay, original, head, chunk.role, directory, prefix)); // 省财政厅2017年底前
        const rest = trimPart(simplified, range[0] + at, range[1]);
        if (rest[0] < rest[1]) deadlines.push(original.slice(rest[0], rest[1]).trim());
      } else {
        deadlines.push(original.slice(range[0], range[1]).trim());
      }
    }
  }

  return assignRoles(entries, column, marked.markers, marked.multipleLead, deadlines);
}

function entry(
  display: string,
  original: string,
  range: Range,
  role: UnitRole | null,
  directory: UnitDirectory | null,
  prefix: PrefixState,
): Entry {
  const unit = resolveUnit(display, original.slice(range[0], range[1]).trim(), directory, prefix);
  return { unit, role, key: sameUnitKey(unit.name) };
}

function assignRoles(
  entries: Entry[],
  column: UnitColumn,
  markers: boolean,
  multipleLeadMarker: boolean,
  deadlines: string[],
): UnitCellParse {
  const deadlineText = deadlines.length > 0 ? deadlines.join("，") : null;
  const implicit = column === "mixed" && !markers;
  const roleOf = (entry: Entry, index: number): UnitRole => {
    if (column === "responsible") return "responsible";
    if (implicit) return index === 0 ? "lead" : "responsible";
    if (entry.role !== null) return entry.role;
    // No marker speaks for it: a lead column's units lead unless the cell has markers of its own;
    // after a marker, unmarked units are responsible (X牵头，Y -> Y responsible).
    return column === "lead" && !markers ? "lead" : "responsible";
  };

  const lead: ParsedUnit[] = [];
  const responsible: Entry[] = [];
  const leadKeys = new Set<string>();
  const responsibleKeys = new Set<string>();
  const duplicates: string[] = [];
  const leadAlsoResponsible: string[] = [];
  const addOnce = (list: string[], name: string): void => {
    if (!list.includes(name)) list.push(name);
  };

  // Implicit: the first unit leads; a repeat of it later is a duplicate, not a lead listed as responsible.
  const firstKey = implicit && entries.length > 0 ? entries[0].key : null;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (roleOf(entry, index) === "lead") {
      if (leadKeys.has(entry.key)) addOnce(duplicates, entry.unit.name);
      else {
        leadKeys.add(entry.key);
        lead.push(entry.unit);
      }
    } else if (entry.key === firstKey || responsibleKeys.has(entry.key)) {
      addOnce(duplicates, entry.unit.name);
    } else {
      responsibleKeys.add(entry.key);
      responsible.push(entry);
    }
  }

  // A unit both leading and responsible stays in lead only.
  const kept: ParsedUnit[] = [];
  for (const entry of responsible) {
    if (!leadKeys.has(entry.key)) kept.push(entry.unit);
    else addOnce(leadAlsoResponsible, entry.unit.name);
  }

  let leadSource: UnitCellParse["leadSource"] = "none";
  if (lead.length > 0) leadSource = implicit ? "implicit" : markers ? "marker" : "column";
  return {
    lead,
    responsible: kept,
    leadSource,
    multipleLeadMarker,
    duplicates,
    leadAlsoResponsible,
    deadlineText,
  };
}
