/**
 * Merging units' feedback (design §8): each unit returns a copy of the plan with its progress written in the
 * status cells of the tasks it leads or shares. This decides, without touching any workbook, which status
 * cells of the master change and to what, and which cannot be decided (conflicts: listed, never written).
 *
 * - Tasks are matched by id and text (matchTasks), so rows reordered, inserted or deleted in a copy are fine.
 * - A unit's text is taken only for the tasks it leads or shares in the master.
 * - Whether a unit changed a cell, and whether the master changed since the copy was sent, is judged against
 *   the baseline: the status text recorded by the last check before the copy was sent (the copy's own
 *   history, else the master's). Without any baseline, a copy whose other units' cells all read as the master's
 *   is taken as sent from the master as it is; otherwise its edits that differ from the master are conflicts.
 * - A task with several units gets their texts side by side: 【省财政厅】……；【省教育厅】……
 * - Units that disagree on done / not done are a conflict; so is a status cell merged over several rows.
 * Merging the same copies again changes nothing (a unit's text already there is left alone).
 */
import { columnLetter } from "./address";
import type { HistoryRecord } from "./history";
import { matchTasks } from "./matchTasks";
import { isDoneText } from "./status";
import { normalizeKey, toSimplified } from "./text";
import type { ComparisonEntry, Report, Task } from "./types";

export interface FeedbackCopy {
  /** The copy's file name (it may name the unit). */
  name: string;
  /** The unit that returned it (canonical name), or null when unknown. */
  unit: string | null;
  report: Report;
  /** The copy's own latest check record (it was sent after a check of the master), or null. */
  baseline: HistoryRecord | null;
}

export interface MergeChange {
  /** 1-based sheet row and column letter of the master's status cell. */
  row: number;
  column: string;
  old: string;
  new: string;
  /** The unit(s) whose text this is ("、" between several). */
  unit: string;
  id: string | null;
  text: string;
}

export type ConflictKind = "master-changed" | "disagree" | "merged-cell";

export interface MergeConflict {
  row: number;
  column: string;
  kind: ConflictKind;
  /** The master cell as it is (left as it is). */
  current: string;
  /** What the units returned. */
  proposed: { unit: string; text: string; file: string }[];
  id: string | null;
  text: string;
}

export type CopyProblem = "unit-unknown" | "unit-not-in-plan" | "no-table" | "no-status-column";

export interface CopyOutcome {
  file: string;
  unit: string | null;
  problem: CopyProblem | null;
  /** Tasks of the copy matched to a master task this unit leads or shares. */
  tasks: number;
  /** Tasks of the copy that match no task of the master (added or reworded there): not merged. */
  unmatched: ComparisonEntry[];
}

export interface MergePlan {
  sheet: string;
  /** 1-based column of the master's status cells. */
  statusColumn: number;
  changes: MergeChange[];
  conflicts: MergeConflict[];
  copies: CopyOutcome[];
}

export interface MergeOptions {
  /** The master's latest check record (the baseline when a copy holds none). */
  masterBaseline?: HistoryRecord | null;
  /** Rows whose status cell lies in an area merged over several rows: never written. */
  mergedStatusRows?: ReadonlySet<number>;
}

const LEVEL_PREFIX = /^(省|市|州|县|区|自治区|自治州)/u;
const FILE_FOLD = (s: string): string => normalizeKey(s).toLowerCase();

/**
 * The unit a returned file comes from, by its name: the longest unit of the plan whose name (or whose name
 * without its level prefix, 省财政厅 -> 财政厅) the file name contains. Null when none or a tie.
 */
export function unitFromFileName(fileName: string, units: readonly string[]): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const stem = FILE_FOLD(base.replace(/\.[^.]*$/, ""));
  let best: string | null = null;
  let bestLength = 0;
  let tie = false;
  for (const unit of new Set(units)) {
    const full = FILE_FOLD(unit);
    const short = full.replace(LEVEL_PREFIX, "");
    const length =
      full !== "" && stem.includes(full) ? full.length : short.length >= 2 && stem.includes(short) ? short.length : 0;
    if (length === 0) continue;
    if (length > bestLength) {
      best = unit;
      bestLength = length;
      tie = false;
    } else if (length === bestLength) tie = true;
  }
  return tie ? null : best;
}

/** The units a plan names (leads and responsible units). */
export function planUnits(report: Report): string[] {
  const units = new Set<string>();
  for (const task of report.tasks) for (const unit of [...task.lead, ...task.responsible]) units.add(unit);
  return [...units];
}

// ---- labelled cells: 【省财政厅】……；【省教育厅】……

const LABEL = /【([^【】]{1,60})】/gu;
const SEGMENT_END = /[\s；;。]+$/u;

interface Labelled {
  /** Unit -> its text, in order. Null when the cell is not in labelled form. */
  segments: Map<string, string> | null;
}

function parseLabelled(cell: string): Labelled {
  const text = cell.trim();
  if (!text.startsWith("【")) return { segments: null };
  const segments = new Map<string, string>();
  const marks = [...text.matchAll(LABEL)];
  if (marks.length === 0 || marks[0].index !== 0) return { segments: null };
  marks.forEach((mark, i) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = i + 1 < marks.length ? (marks[i + 1].index ?? text.length) : text.length;
    segments.set(mark[1], text.slice(start, end).replace(SEGMENT_END, ""));
  });
  return { segments };
}

const clean = (text: string): string => text.trim().replace(SEGMENT_END, "");
const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  a !== null && a !== undefined && b !== null && b !== undefined && normalizeKey(clean(a)) === normalizeKey(clean(b));

/** The unit's part of a cell: its labelled segment, or (not labelled) the whole cell; undefined: labelled, no segment. */
function partOf(cell: string, unit: string, several: boolean): string | undefined {
  if (!several) return cell.trim();
  const { segments } = parseLabelled(cell);
  return segments ? segments.get(unit) : cell.trim();
}

function joinLabelled(segments: Map<string, string>, order: readonly string[]): string {
  const units = [...segments.keys()];
  const rank = (unit: string): number => {
    const i = order.indexOf(unit);
    return i < 0 ? order.length + units.indexOf(unit) : i;
  };
  return units
    .sort((a, b) => rank(a) - rank(b))
    .map((unit) => `【${unit}】${clean(segments.get(unit) ?? "")}`)
    .join("；");
}

const isDone = (text: string): boolean => isDoneText(toSimplified(text));

// ---- the plan

interface Proposal {
  unit: string;
  text: string;
  file: string;
  /** The unit's part of the cell when the copy was sent; undefined when unknown. */
  base: string | undefined;
  /** No baseline, and the copy's other cells differ from the master: the master changed since it was sent. */
  stale: boolean;
}

/** For each task of `tasks`, its status text in a record (matched by id and text), or undefined. */
function baselineTexts(tasks: readonly Task[], record: HistoryRecord | null): (string | undefined)[] {
  if (!record) return tasks.map(() => undefined);
  const match = matchTasks(tasks, record.tasks);
  return match.map((index) => (index >= 0 ? record.tasks[index].statusText : undefined));
}

export function planMerge(master: Report, copies: readonly FeedbackCopy[], options: MergeOptions = {}): MergePlan {
  const table = master.table;
  const statusColumn = table?.columns.status;
  if (!table || statusColumn === undefined) {
    return { sheet: table?.sheet ?? "", statusColumn: statusColumn ?? 0, changes: [], conflicts: [], copies: [] };
  }
  const column = columnLetter(statusColumn);
  const units = new Set(planUnits(master));
  const masterBase = baselineTexts(master.tasks, options.masterBaseline ?? null);
  const proposals = new Map<number, Proposal[]>();
  const outcomes: CopyOutcome[] = [];

  for (const copy of copies) {
    const outcome: CopyOutcome = { file: copy.name, unit: copy.unit, problem: null, tasks: 0, unmatched: [] };
    outcomes.push(outcome);
    if (!copy.unit) outcome.problem = "unit-unknown";
    else if (!units.has(copy.unit)) outcome.problem = "unit-not-in-plan";
    else if (!copy.report.table) outcome.problem = "no-table";
    else if (copy.report.table.columns.status === undefined) outcome.problem = "no-status-column";
    if (outcome.problem || !copy.unit) continue;
    const unit = copy.unit;

    const match = matchTasks(copy.report.tasks, master.tasks);
    const copyBase = copy.baseline ? baselineTexts(master.tasks, copy.baseline) : null;
    // Without any baseline: is the copy as the master is now, in the cells this unit does not report on?
    let stale = false;
    if (!copyBase) {
      copy.report.tasks.forEach((task, i) => {
        const m = match[i];
        if (m < 0 || masterBase[m] !== undefined) return;
        const own = master.tasks[m];
        if (own.lead.includes(unit) || own.responsible.includes(unit)) return;
        if (!same(task.statusText, own.statusText)) stale = true;
      });
    }
    copy.report.tasks.forEach((task, i) => {
      const m = match[i];
      if (m < 0) {
        outcome.unmatched.push({ row: task.row, id: task.id, text: task.text });
        return;
      }
      const own = master.tasks[m];
      if (!own.lead.includes(unit) && !own.responsible.includes(unit)) return;
      outcome.tasks++;
      const several = new Set([...own.lead, ...own.responsible]).size > 1;
      // The unit's own text: its segment when the copy's cell holds several units' texts (as merged before).
      const text = clean(partOf(task.statusText, unit, several) ?? "");
      if (text === "") return; // a unit never clears the master's cell
      const baseCell = copyBase ? copyBase[m] : masterBase[m];
      const base = baseCell === undefined ? undefined : partOf(baseCell, unit, several);
      const list = proposals.get(m);
      const proposal: Proposal = { unit, text, file: copy.name, base, stale: baseCell === undefined && stale };
      if (list) list.push(proposal);
      else proposals.set(m, [proposal]);
    });
  }

  const changes: MergeChange[] = [];
  const conflicts: MergeConflict[] = [];
  for (const [index, list] of [...proposals].sort((a, b) => master.tasks[a[0]].row - master.tasks[b[0]].row)) {
    const task = master.tasks[index];
    const order = [...new Set([...task.lead, ...task.responsible])];
    const several = order.length > 1;
    const current = task.statusText;
    const conflict = (kind: ConflictKind, proposed: Proposal[]): void => {
      conflicts.push({
        row: task.row,
        column,
        kind,
        current,
        proposed: proposed.map(({ unit, text, file }) => ({ unit, text, file })),
        id: task.id,
        text: task.text,
      });
    };
    // What each unit would write: not what is already there, not what the unit left as it was sent.
    const writes: Proposal[] = [];
    const changed: Proposal[] = [];
    for (const proposal of list) {
      const part = partOf(current, proposal.unit, several);
      if (same(part, proposal.text)) continue;
      if (proposal.base !== undefined && same(proposal.text, proposal.base)) continue;
      const masterChanged =
        proposal.base !== undefined ? part !== undefined && !same(part, proposal.base) : proposal.stale && part !== "";
      if (masterChanged) changed.push(proposal);
      else writes.push(proposal);
    }
    if (changed.length > 0) {
      conflict("master-changed", [...changed, ...writes]);
      continue;
    }
    if (writes.length === 0) continue;
    if (options.mergedStatusRows?.has(task.row)) {
      conflict("merged-cell", writes);
      continue;
    }
    // One text per unit (two copies from one unit: the later wins only if they agree, else a conflict).
    const byUnit = new Map<string, Proposal>();
    let split = false;
    for (const proposal of writes) {
      const earlier = byUnit.get(proposal.unit);
      if (earlier && !same(earlier.text, proposal.text)) split = true;
      byUnit.set(proposal.unit, proposal);
    }
    let next: string;
    if (!several) {
      next = [...byUnit.values()][0].text;
    } else {
      const segments = parseLabelled(current).segments ?? new Map<string, string>();
      for (const [unit, proposal] of byUnit) segments.set(unit, proposal.text);
      next = joinLabelled(segments, order);
      const doneness = new Set([...segments.values()].map(isDone));
      if (doneness.size > 1) split = true;
    }
    if (split || (!several && byUnit.size > 1)) {
      conflict("disagree", writes);
      continue;
    }
    if (next === current) continue;
    changes.push({
      row: task.row,
      column,
      old: current,
      new: next,
      unit: order.filter((unit) => byUnit.has(unit)).join("、"),
      id: task.id,
      text: task.text,
    });
  }
  return { sheet: table.sheet, statusColumn, changes, conflicts, copies: outcomes };
}
