/**
 * Notes inside a unit cell (design §3b): a parenthesised clause that is not a list of units
 * ("（第一责任单位为牵头单位，下同）", "（以下均需各县市区落实，不再逐一列出）") and standing instructions
 * written as clauses ("具体任务均涉及相关市（州）人民政府，不再做分工", "……，下同"). A note is never a unit and
 * its role words are not markers: it is masked out of the cell before the cell is read. What it says is
 * kept: a convention (the first listed unit leads), units it names, and whether it governs the rows below.
 */
import type { Range } from "./split";

export interface CellNote {
  /** Where the note stands in the (simplified) cell text, brackets included. */
  range: Range;
  /** "列第一位的为牵头单位": the first listed unit leads. */
  firstLeads: boolean;
  /** 下同 / 以下 / 不再…: the note governs the following rows too. */
  following: boolean;
  /** Unit names the note gives (各县市区 in "以下均需各县市区落实"), as written in the simplified text. */
  units: string[];
  /** The role of those units: lead only when the note says they lead (以下由各县（市、区）政府牵头). */
  unitsLead: boolean;
  /** Nothing but 下同 (with the cell's units before it): the cell's units govern the following rows. */
  sameAsAbove: boolean;
}

export interface NotedCell {
  /** The text with every note replaced by commas (same length: ranges stay aligned with the original). */
  masked: string;
  notes: CellNote[];
}

/** Words that make a parenthesised clause a note. */
const NOTE_WORDS =
  /下同|除.{0,40}?外|列第一位|排第一位|排在第一|排名第一|排序第一|名列第一|第一位|首位|第一(?:责任)?单位|为牵头|不再|以下|下列|上述|均需|均涉及|均由|逐一|汇总|同上|以此类推/;
/** Stronger words for a clause without brackets: a standing instruction or convention, never a unit. */
const CLAUSE_NOTE_WORDS =
  /下同|列第一位|排第一位|排在第一|排名第一|排序第一|名列第一|第一(?:责任)?单位为|不再|以下均|以下各项|以下任务|均需|均涉及|逐一/;
const FIRST_LEADS = /(?:列|排|排在|排名|排序|名列)?第一位?|首位|第一(?:责任)?单位/;
const FOLLOWING = /下同|以下|下列|不再|此后|后同/;
const ONLY_SAME = /^(?:[，,；;。.、\s]|以下|下同|同|均|以下同)*$/;
/** Collectives a note may name: 各县市区, 相关市（州）人民政府, 各县（市、区）, 各乡镇, 有关部门 … */
const NOTE_UNIT =
  /(?:各|相关|有关)(?:[^，,；;。、（()）\s]|[（(][^（()）]{0,8}[）)]){0,14}?(?:人民政府|政府|部门|单位|县市区|县区|市县|州市|乡镇|街道|管委会|开发区|园区|县（市、区）|县（市）|市（州）|州（市）|市（县）|区县)(?:[（(][^（()）]{0,8}[）)])?(?:人民政府|政府)?/g;

const OPEN = "（(〔【[［";
const CLOSE = "）)〕】]］";
const CLAUSE_END = /[，,；;。\n\r]/;
const LIMIT = 2_000;

/** Finds the notes of a (simplified) unit cell and masks them. */
export function findNotes(text: string): NotedCell {
  if (text.length > LIMIT || !(NOTE_WORDS.test(text) || CLAUSE_NOTE_WORDS.test(text)))
    return { masked: text, notes: [] };
  const ranges: Range[] = [];

  // Parenthesised notes: the outermost bracket holding note words. When some of its clauses are units
  // ("（省发展改革委牵头，省直有关部门配合，下同）"), only the clauses holding note words are notes.
  const stack: number[] = [];
  const spans: Range[] = [];
  for (let i = 0; i < text.length; i++) {
    if (OPEN.includes(text[i])) stack.push(i);
    else if (CLOSE.includes(text[i]) && stack.length > 0) {
      const open = stack.pop()!;
      if (NOTE_WORDS.test(text.slice(open + 1, i))) {
        while (spans.length > 0 && spans[spans.length - 1][0] > open) spans.pop();
        spans.push([open, i + 1]);
      }
    }
  }
  for (const [open, close] of spans) {
    const clauses = clausesOf(text, open + 1, close - 1);
    const noteClauses = clauses.filter(([a, b]) => NOTE_WORDS.test(text.slice(a, b)));
    const filled = clauses.filter(([a, b]) => /[^\s，,；;。]/.test(text.slice(a, b)));
    if (noteClauses.length === filled.length) ranges.push([open, close]);
    else ranges.push(...noteClauses);
  }

  // Clauses without brackets (outside the notes found above): standing instructions and conventions.
  const partly = mask(text, ranges);
  for (const [a, b] of clausesOf(partly, 0, partly.length)) {
    if (CLAUSE_NOTE_WORDS.test(partly.slice(a, b))) ranges.push([a, b]);
  }
  if (ranges.length === 0) return { masked: text, notes: [] };
  ranges.sort((x, y) => x[0] - y[0]);
  return {
    masked: mask(text, ranges),
    notes: ranges.map((range) => readNote(text.slice(range[0], range[1]), range)),
  };
}

/** Clauses of text[start, end): between separators outside brackets. */
function clausesOf(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_END.test(ch)) {
      if (i > from) out.push([from, i]);
      from = i + 1;
    }
  }
  if (end > from) out.push([from, end]);
  return out;
}

/** The text with the ranges (sorted or not, not overlapping) replaced by full-width commas. */
function mask(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  const chars = text.split("");
  for (const [a, b] of ranges) for (let i = a; i < b; i++) chars[i] = "，";
  return chars.join("");
}

function readNote(note: string, range: Range): CellNote {
  const inner = note.replace(/^[（(〔【[［]|[）)〕】\]］]$/g, "");
  const firstLeads = FIRST_LEADS.test(inner) && /牵头/.test(inner);
  const units: string[] = [];
  if (!/除/.test(inner) && !firstLeads) {
    NOTE_UNIT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NOTE_UNIT.exec(inner)) !== null) units.push(m[0]);
  }
  return {
    range,
    firstLeads,
    following: FOLLOWING.test(inner),
    units,
    unitsLead: units.length > 0 && /牵头/.test(inner),
    sameAsAbove: ONLY_SAME.test(inner) && /下同|以下同/.test(inner),
  };
}
