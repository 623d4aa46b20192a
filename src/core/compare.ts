/**
 * Comparison with the last check (design §8): newly done, newly overdue, overdue for several checks in a
 * row, added and removed tasks, and each unit's change in overdue count. Pure.
 */
import type { HistoryRecord, HistoryTask } from "./history";
import { matchTasks, type Keyed } from "./matchTasks";
import { buildSummary } from "./summary";
import type { Comparison, ComparisonEntry, IsoDate, Report, Task, UnitTotals } from "./types";

const entry = (task: Task | HistoryTask): ComparisonEntry => ({ row: task.row, id: task.id, text: task.text });

/** The latest record with an as-of before `asOf`, and the records before it (latest first). */
function earlierRecords(records: readonly HistoryRecord[], asOf: IsoDate): HistoryRecord[] {
  return records
    .filter((record) => record.asOf < asOf)
    .sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0));
}

/** Compare the tasks of a check (as of `asOf`) with the latest earlier record; null when there is none. */
export function compareWithHistory(
  tasks: readonly Task[],
  asOf: IsoDate,
  records: readonly HistoryRecord[],
): Comparison | null {
  const earlier = earlierRecords(records, asOf);
  const last = earlier[0];
  if (!last) return null;
  const match = matchTasks(tasks, last.tasks);
  const comparison: Comparison = {
    since: last.asOf,
    newlyDone: [],
    newlyOverdue: [],
    stillOverdue: [],
    added: [],
    removed: [],
  };
  // For the periods of a task still overdue: its match in each older record, one step at a time.
  const chain: { record: HistoryRecord; match: number[] | null }[] = earlier.slice(1).map((record) => ({
    record,
    match: null,
  }));
  const matchIn = (step: number, from: readonly HistoryTask[]): number[] => {
    const link = chain[step];
    link.match ??= matchTasks(from, link.record.tasks);
    return link.match;
  };

  const seen = new Array<boolean>(last.tasks.length).fill(false);
  tasks.forEach((task, index) => {
    const found = match[index];
    if (found < 0) {
      comparison.added.push(entry(task));
      return;
    }
    seen[found] = true;
    const before = last.tasks[found];
    if (task.status === "done" && before.status !== "done") comparison.newlyDone.push(entry(task));
    if (task.status !== "overdue") return;
    if (before.status !== "overdue") {
      comparison.newlyOverdue.push(entry(task));
      return;
    }
    let periods = 2;
    let position = found;
    let from = last.tasks;
    for (let step = 0; step < chain.length; step++) {
      const next = matchIn(step, from)[position];
      if (next === undefined || next < 0) break;
      const older = chain[step].record.tasks[next];
      if (older.status !== "overdue") break;
      periods++;
      position = next;
      from = chain[step].record.tasks;
    }
    comparison.stillOverdue.push({ ...entry(task), periods });
  });
  last.tasks.forEach((task, index) => {
    if (!seen[index]) comparison.removed.push(entry(task));
  });
  return comparison;
}

/** Overdue tasks per unit (all roles, each unit once per task) in a record. */
function overdueByUnit(tasks: readonly HistoryTask[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of tasks) {
    if (task.status !== "overdue") continue;
    for (const unit of new Set([...task.lead, ...task.responsible])) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return counts;
}

/** Each unit's totals with its change in overdue count since the record compared against. */
export function totalsWithChange(totals: readonly UnitTotals[], earlier: HistoryRecord | null): UnitTotals[] {
  if (!earlier) return totals.map((t) => ({ ...t }));
  const before = overdueByUnit(earlier.tasks);
  return totals.map((t) => ({ ...t, overdueChange: t.overdue - (before.get(t.unit) ?? 0) }));
}

export interface ComparisonOptions {
  /** The warning window the report was made with (the circular names it). */
  dueSoonDays: number;
}

/**
 * The report compared with the history: `comparison`, each unit's change in overdue count, and the
 * circular's text saying what changed. A report without a table is returned as it is (comparison null).
 */
export function withComparison(report: Report, records: readonly HistoryRecord[], options: ComparisonOptions): Report {
  if (!report.table) return { ...report, comparison: null };
  const comparison = compareWithHistory(report.tasks, report.asOf, records);
  if (!comparison) return { ...report, comparison: null };
  const earlier = earlierRecords(records, report.asOf)[0] ?? null;
  const totals = totalsWithChange(report.totals, earlier);
  const summary = buildSummary({
    tasks: report.tasks,
    totals,
    asOf: report.asOf,
    dueSoonDays: options.dueSoonDays,
    language: report.language,
    comparison,
  });
  return { ...report, totals, summary, comparison };
}

/**
 * For each task, the as-of of the first check that saw it done, within its latest unbroken run of records
 * seeing it done (the completion date the records vouch for); null when the latest record does not see it
 * done. Tasks are matched by id and text from one record to the one before.
 */
export function firstSeenDone(tasks: readonly Keyed[], records: readonly HistoryRecord[]): (IsoDate | null)[] {
  const latestFirst = [...records].sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0));
  const out: (IsoDate | null)[] = tasks.map(() => null);
  // Where each task is in the record looked at last (-1: its run has ended).
  let positions = tasks.map((_, i) => i);
  let from: readonly Keyed[] = tasks;
  for (const record of latestFirst) {
    const links = matchTasks(from, record.tasks);
    positions = positions.map((position, i) => {
      const found = position >= 0 ? links[position] : -1;
      if (found < 0 || record.tasks[found].status !== "done") return -1;
      out[i] = record.asOf;
      return found;
    });
    if (positions.every((position) => position < 0)) break;
    from = record.tasks;
  }
  return out;
}
