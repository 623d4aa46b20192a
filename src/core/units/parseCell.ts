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
import { findNotes } from "./notes";
import {
  FORMULA_LIKE,
  HAS_WORD,
  NOT_A_UNIT,
  deadlineStart,
  hasUnitSuffix,
  isCollective,
  isCommercial,
  isLeader,
  isPartyBody,
  placePrefixOf,
  startsWithKnownPlace,
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
  /** implicit: no marker in a mixed cell, the first listed unit is taken as lead; note: the cell's own note
   * says the first listed unit leads ("列第一位的为牵头单位"). */
  leadSource: "column" | "marker" | "implicit" | "note" | "none";
  /** 分别牵头 */
  multipleLeadMarker: boolean;
  /** Canonical names written twice in the same role in this cell. */
  duplicates: string[];
  /** Names marked lead AND responsible in this cell. */
  leadAlsoResponsible: string[];
  /** A deadline phrase found among the parts (年内持续推进, 2017年底前), as written; else null. */
  deadlineText: string | null;
  /** Posts and people named in the cell (分管副省长, 张三同志), as written: never units. */
  leaders: string[];
  /** A note of the cell that governs the following rows too (下同, 以下均需…, 不再逐一列出), or null. */
  standing: StandingNote | null;
}

/** What a cell's note carries to the rows below it (design §3b "Standing instructions carried forward"). */
export interface StandingNote {
  /** The note as written. */
  text: string;
  /** The first listed unit of each task leads. */
  firstLeads: boolean;
  /** Units the note names: added to every following task (as lead only when the note says so). */
  units: ParsedUnit[];
  unitsLead: boolean;
  /** "……，下同": the cell's own units go to the following tasks that name none. */
  sameAsAbove: boolean;
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
  /** A unit a note names: its role is the note's, whatever the cell's convention. */
  fromNote?: boolean;
}

/** Where the level prefix of the units comes from. */
interface PrefixState {
  /** The first prefixed department of the cell. */
  cell: string | null;
  /** The prefix of the current list (chunk): its first unit's, or the cell's; undefined before it. */
  list: string | null | undefined;
}

/** What a display name is whatever cell it stands in (with one directory): read once per name. */
interface DisplayFacts {
  collective: boolean;
  /** Its own level or place (省, 昆明市), given to the names after it; null when none. */
  own: string | null;
  /** It takes the list's level prefix (财政厅 after 省发展改革委), unless the cell names its place. */
  takesPrefix: boolean;
  partyBody: boolean;
  /** The unit it is when it takes no prefix. */
  plain: { name: string; kind: UnitKind; alias: boolean };
  /** That unit written as displayed (most are): one frozen object shared by every cell that names it. */
  unit: ParsedUnit;
}

/** The empty list every parse without duplicates, clashes or leaders shares (parses are read, never changed). */
const NONE: string[] = Object.freeze([]) as unknown as string[];

const DISPLAY_LIMIT = 20_000;
const displaysWithoutDirectory = new Map<string, DisplayFacts>();
const displaysByDirectory = new WeakMap<UnitDirectory, Map<string, DisplayFacts>>();

function displayFacts(display: string, directory: UnitDirectory | null): DisplayFacts {
  let known = displaysWithoutDirectory;
  if (directory !== null) {
    let found = displaysByDirectory.get(directory);
    if (found === undefined) displaysByDirectory.set(directory, (found = new Map()));
    known = found;
  }
  let facts = known.get(display);
  if (facts === undefined) {
    const collective = isCollective(display);
    const commercial = isCommercial(display);
    const plain = resolveName(display, display, directory, collective);
    facts = {
      collective,
      own: collective || commercial ? null : placePrefixOf(display),
      takesPrefix: !collective && !commercial && !startsWithPlace(display) && takesLevelPrefix(display),
      partyBody: isPartyBody(display),
      plain,
      unit: Object.freeze({ name: plain.name, written: display, kind: plain.kind, alias: plain.alias }),
    };
    if (known.size >= DISPLAY_LIMIT) known.clear();
    known.set(display, facts);
  }
  return facts;
}

/** Resolves a cleaned display name: prefix, directory, built-in aliases. */
function resolveUnit(
  display: string,
  written: string,
  directory: UnitDirectory | null,
  prefix: PrefixState,
  place: Place,
): ParsedUnit {
  const facts = displayFacts(display, directory);
  const own = facts.own;
  if (prefix.list === undefined) prefix.list = own ?? prefix.cell;
  if (prefix.cell === null && own !== null) prefix.cell = own;

  const source = prefix.list ?? prefix.cell;
  if (source !== null && facts.takesPrefix && !startsWithKnownPlace(display, place.plan, place.cell)) {
    const prefixed = source + (facts.partyBody && !source.endsWith("委") ? "委" : "") + display;
    const { name, kind, alias } = resolveName(prefixed, display, directory, facts.collective);
    return { name, written, kind, alias };
  }
  if (written === display) return facts.unit;
  const { name, kind, alias } = facts.plain;
  return { name, written, kind, alias };
}

/** The unit a name (the display name, or it with a prefix) is: directory, built-in aliases, kind. */
function resolveName(
  written: string,
  display: string,
  directory: UnitDirectory | null,
  collective: boolean,
): { name: string; kind: UnitKind; alias: boolean } {
  let name = written;
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
  return { name, kind, alias };
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

/** The plan's own place (from its title) and the cell's text, for names that begin with a place. */
interface Place {
  plan: string | null;
  cell: string;
}

/** Reads one unit cell. Never throws; an empty or unreadable cell gives empty lists. `place` is the plan's own
 * place from its title (潍坊): names that begin with it take no level prefix. */
export function parseUnitCell(
  text: string,
  column: UnitColumn,
  directory: UnitDirectory | null,
  place: string | null = null,
): UnitCellParse {
  const original = typeof text === "string" ? text : "";
  const checkedColumn: UnitColumn = column === "lead" || column === "responsible" ? column : "mixed";
  const checkedDirectory = directory && directory.lookup instanceof Map ? directory : null;
  const checkedPlace = typeof place === "string" && place !== "" ? place : null;
  if (original.length > CACHED_LENGTH)
    return frozen(parseFresh(original, checkedColumn, checkedDirectory, checkedPlace));
  const cache = cacheFor(checkedDirectory);
  const key = checkedColumn[0] + (checkedPlace ?? "") + "\u0000" + original;
  let parse = cache.get(key);
  if (parse === undefined) {
    parse = frozen(parseFresh(original, checkedColumn, checkedDirectory, checkedPlace));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, parse);
  }
  return parse;
}

/** A unit-cell reader for one analysis: parseUnitCell with the directory and place of the plan fixed. */
export type UnitCellReader = (text: string, column: UnitColumn) => UnitCellParse;

/** Texts one reader remembers per kind of column (a 300k-row plan has about this many different unit cells). */
const READER_LIMIT = 150_000;

/**
 * parseUnitCell for the cells of one plan (same directory, same place), remembering every text it has read:
 * big plans repeat their unit cells (the same lead on many rows, the same list of units in many sections) far
 * more often than the shared cache above, cleared when full, can keep. A parse depends only on the text, the
 * kind of column, the directory and the place, so a remembered one is the very parse the text gets again.
 */
export function unitCellReader(directory: UnitDirectory | null, place: string | null = null): UnitCellReader {
  const checkedDirectory = directory && directory.lookup instanceof Map ? directory : null;
  const checkedPlace = typeof place === "string" && place !== "" ? place : null;
  const lead = new Map<string, UnitCellParse>();
  const responsible = new Map<string, UnitCellParse>();
  const mixed = new Map<string, UnitCellParse>();
  return (text, column) => {
    const original = typeof text === "string" ? text : "";
    const memo = column === "lead" ? lead : column === "responsible" ? responsible : mixed;
    let parse = memo.get(original);
    if (parse === undefined) {
      parse = parseUnitCell(original, column, checkedDirectory, checkedPlace);
      if (memo.size < READER_LIMIT) memo.set(original, parse);
    }
    return parse;
  };
}

/**
 * What one part of a cell (between separators) is, from its own text and the directory alone: nothing, a leader,
 * a unit (its display name), a unit followed by a deadline, or a deadline, with where each lies inside the part.
 * Plans write the same parts (省财政厅, 各州、市人民政府) in many different cells: each is read once.
 */
interface PartReading {
  what: "nothing" | "leader" | "unit" | "unit-then-deadline" | "deadline";
  /** The name (or leader, or deadline) inside the part. */
  start: number;
  end: number;
  display: string;
  /** The deadline after the unit (unit-then-deadline). */
  restStart: number;
  restEnd: number;
}

const NOTHING: PartReading = Object.freeze({
  what: "nothing",
  start: 0,
  end: 0,
  display: "",
  restStart: 0,
  restEnd: 0,
});

/** Parts remembered per directory (a part's reading depends on nothing else); longer parts are read each time. */
const PART_LIMIT = 20_000;
const CACHED_PART = 64;
const partsWithoutDirectory = new Map<string, PartReading>();
const partsByDirectory = new WeakMap<UnitDirectory, Map<string, PartReading>>();

function shifted(reading: PartReading, at: number): Range {
  return [at + reading.start, at + reading.end];
}

/** The reading of text[start, end) (the masked, simplified cell text), remembered when short. */
function readPartOf(text: string, start: number, end: number, directory: UnitDirectory | null): PartReading {
  const part = text.slice(start, end);
  if (part.length > CACHED_PART) return readPart(part, directory);
  let parts = partsWithoutDirectory;
  if (directory !== null) {
    let found = partsByDirectory.get(directory);
    if (found === undefined) partsByDirectory.set(directory, (found = new Map()));
    parts = found;
  }
  let reading = parts.get(part);
  if (reading === undefined) {
    reading = readPart(part, directory);
    if (parts.size >= PART_LIMIT) parts.clear();
    parts.set(part, reading);
  }
  return reading;
}

/** Reads one part (offsets from its start): trimmed to its name, then a leader, a unit or a deadline. */
function readPart(part: string, directory: UnitDirectory | null): PartReading {
  const range = trimPart(part, 0, part.length);
  if (range[0] >= range[1]) return NOTHING;
  const name = part.slice(range[0], range[1]);
  const display = displayName(name);
  if (display === "" || !(HAS_WORD.test(display) || FORMULA_LIKE.test(display)) || NOT_A_UNIT.test(display))
    return NOTHING;
  const reading = (what: PartReading["what"], at: Range, shown: string, rest: Range = [0, 0]): PartReading =>
    Object.freeze({ what, start: at[0], end: at[1], display: shown, restStart: rest[0], restEnd: rest[1] });
  const known = lookupUnit(display, directory);
  if (known === null && isLeader(display)) return reading("leader", range, "");
  if (known !== null || hasUnitSuffix(display) || isCollective(display)) return reading("unit", range, display);
  const at = deadlineStart(name);
  // Not recognisably a unit, but what the user wrote: kind "other".
  if (at < 0) return reading("unit", range, display);
  const head = at > 0 ? trimPart(part, range[0], range[0] + at) : range;
  const headDisplay = at > 0 && head[0] < head[1] ? displayName(part.slice(head[0], head[1])) : "";
  if (headDisplay !== "" && hasUnitSuffix(headDisplay))
    return reading("unit-then-deadline", head, headDisplay, trimPart(part, range[0] + at, range[1]));
  return reading("deadline", range, "");
}

/** Whole unit names on both sides of 及 / 和 (for the joiner split). */
function unitNameTest(directory: UnitDirectory | null): (candidate: string) => boolean {
  return (candidate) => {
    const display = displayName(candidate.trim());
    return display !== "" && (hasUnitSuffix(display) || lookupUnit(display, directory) !== null);
  };
}
const isUnitNameWithoutDirectory = unitNameTest(null);

function parseFresh(
  original: string,
  column: UnitColumn,
  directory: UnitDirectory | null,
  planPlace: string | null,
): UnitCellParse {
  const simplified = alignedSimplified(original);
  // Notes are masked (same length): never units, their role words no markers.
  const noted = findNotes(simplified);
  const text = noted.masked;
  const marked = markCell(text);
  const entries: Entry[] = [];
  const deadlines: string[] = [];
  const leaders: string[] = [];
  const prefix: PrefixState = { cell: null, list: undefined };
  const place: Place = { plan: planPlace, cell: text };
  const isUnitName = directory === null ? isUnitNameWithoutDirectory : unitNameTest(directory);

  for (const chunk of marked.chunks) {
    prefix.list = undefined;
    for (const raw of splitParts(text, chunk.start, chunk.end, isUnitName)) {
      const reading = readPartOf(text, raw[0], raw[1], directory);
      const at = raw[0];
      switch (reading.what) {
        case "nothing":
          break;
        case "leader":
          leaders.push(original.slice(at + reading.start, at + reading.end).trim()); // 分管副省长: a person, not a unit
          break;
        case "unit":
          entries.push(entry(reading.display, original, shifted(reading, at), chunk.role, directory, prefix, place));
          break;
        case "unit-then-deadline": {
          // 省财政厅2017年底前
          const head: Range = [at + reading.start, at + reading.end];
          entries.push(entry(reading.display, original, head, chunk.role, directory, prefix, place));
          if (reading.restStart < reading.restEnd)
            deadlines.push(original.slice(at + reading.restStart, at + reading.restEnd).trim());
          break;
        }
        case "deadline":
          deadlines.push(original.slice(at + reading.start, at + reading.end).trim());
          break;
      }
    }
  }

  // What the notes say: a convention for this cell, units they name, and what governs the rows below.
  let firstLeads = false;
  let standing: StandingNote | null = null;
  // One instruction may take several clauses ("具体任务均涉及相关市（州）人民政府，不再做分工"): when any note of the
  // cell governs the rows below, all of them do.
  const governs = noted.notes.some((note) => note.following);
  for (const note of noted.notes) {
    if (note.firstLeads) firstLeads = true;
    const units: ParsedUnit[] = [];
    for (const name of note.units) {
      const display = displayName(name);
      const unit = resolveUnit(display, display, directory, { cell: null, list: undefined }, place);
      units.push(unit);
      entries.push({
        unit,
        role: note.unitsLead ? "lead" : "responsible",
        key: sameUnitKey(unit.name),
        fromNote: true,
      });
    }
    if (!governs) continue;
    standing ??= { text: "", firstLeads: false, units: [], unitsLead: false, sameAsAbove: false };
    // The instruction as written: from its first note to its last.
    const first = noted.notes[0].range[0];
    standing.text = original.slice(first, note.range[1]).trim();
    standing.firstLeads ||= note.firstLeads;
    standing.units.push(...units);
    standing.unitsLead ||= note.unitsLead;
    standing.sameAsAbove ||= note.sameAsAbove;
  }

  const parse = assignRoles(entries, column, marked.markers, marked.multipleLead, deadlines, firstLeads);
  parse.leaders = leaders.length > 0 ? leaders : NONE;
  parse.standing = standing;
  return parse;
}

function entry(
  display: string,
  original: string,
  range: Range,
  role: UnitRole | null,
  directory: UnitDirectory | null,
  prefix: PrefixState,
  place: Place,
): Entry {
  const unit = resolveUnit(display, original.slice(range[0], range[1]).trim(), directory, prefix, place);
  return { unit, role, key: sameUnitKey(unit.name) };
}

/** The role an entry of the cell takes in its kind of column. */
function roleOf(entry: Entry, index: number, column: UnitColumn, implicit: boolean, markers: boolean): UnitRole {
  if (entry.fromNote) return entry.role ?? "responsible";
  // A lead marker counts in any unit column: "X牵头，Y配合" in the 配合 column makes X the lead.
  if (column === "responsible") return entry.role === "lead" ? "lead" : "responsible";
  if (implicit) return index === 0 ? "lead" : "responsible";
  if (entry.role !== null) return entry.role;
  // No marker speaks for it: a lead column's units lead unless the cell has markers of its own;
  // after a marker, unmarked units are responsible (X牵头，Y -> Y responsible).
  return column === "lead" && !markers ? "lead" : "responsible";
}

function assignRoles(
  entries: Entry[],
  column: UnitColumn,
  markers: boolean,
  multipleLeadMarker: boolean,
  deadlines: string[],
  firstLeads: boolean,
): UnitCellParse {
  const deadlineText = deadlines.length > 0 ? deadlines.join("，") : null;
  const implicit = column === "mixed" && !markers;

  const lead: ParsedUnit[] = [];
  const responsible: Entry[] = [];
  // (A cell names a few units: arrays, not sets, over the tens of thousands of cells of a big plan.)
  const leadKeys: string[] = [];
  const responsibleKeys: string[] = [];
  const duplicates: string[] = [];
  const leadAlsoResponsible: string[] = [];
  const addOnce = (list: string[], name: string): void => {
    if (!list.includes(name)) list.push(name);
  };

  // Implicit: the first unit leads; a repeat of it later is a duplicate, not a lead listed as responsible.
  const firstKey = implicit && entries.length > 0 && !entries[0].fromNote ? entries[0].key : null;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (roleOf(entry, index, column, implicit, markers) === "lead") {
      if (leadKeys.includes(entry.key)) addOnce(duplicates, entry.unit.name);
      else {
        leadKeys.push(entry.key);
        lead.push(entry.unit);
      }
    } else if (entry.key === firstKey || responsibleKeys.includes(entry.key)) {
      addOnce(duplicates, entry.unit.name);
    } else {
      responsibleKeys.push(entry.key);
      responsible.push(entry);
    }
  }

  // A unit both leading and responsible stays in lead only.
  const kept: ParsedUnit[] = [];
  for (const entry of responsible) {
    if (!leadKeys.includes(entry.key)) kept.push(entry.unit);
    else addOnce(leadAlsoResponsible, entry.unit.name);
  }

  let leadSource: UnitCellParse["leadSource"] = "none";
  if (lead.length > 0) leadSource = implicit ? (firstLeads ? "note" : "implicit") : markers ? "marker" : "column";
  // The cell's note says the first listed unit leads: it does, when nothing else names a lead.
  if (lead.length === 0 && firstLeads) {
    const first = kept.findIndex((unit) => !entries.some((e) => e.fromNote && e.unit === unit));
    if (first >= 0) {
      lead.push(kept[first]);
      kept.splice(first, 1);
      leadSource = "note";
    }
  }
  return {
    lead,
    responsible: kept,
    leadSource,
    multipleLeadMarker,
    duplicates: duplicates.length > 0 ? duplicates : NONE,
    leadAlsoResponsible: leadAlsoResponsible.length > 0 ? leadAlsoResponsible : NONE,
    deadlineText,
    leaders: [],
    standing: null,
  };
}
