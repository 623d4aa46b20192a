/**
 * Use case "merge feedback" (design §8): read the master and the units' returned copies, plan which status
 * cells change (src/core/merge.ts), and, on confirmation, write exactly those cells. Shared by the CLI
 * (`fengong merge`) and the task pane ("Merge feedback").
 */
import { analyze } from "../core/analyze";
import type { HistoryRecord } from "../core/history";
import { planMerge, planUnits, unitFromFileName, type FeedbackCopy, type MergePlan } from "../core/merge";
import type { Grid, Report } from "../core/types";
import { mergeSettings, type CheckOptions } from "./check";
import { UserError } from "./errors";
import { readHistory } from "./history";
import type { WorkbookPort } from "./port";

export interface FeedbackSource {
  /** File name (it may name the unit). */
  name: string;
  port: WorkbookPort;
  /** The unit that returned it, when the user said so (else taken from the file name). */
  unit?: string | null;
}

export interface FeedbackMerge {
  plan: MergePlan;
  master: Report;
}

async function readPlan(port: WorkbookPort, options: CheckOptions): Promise<{ report: Report; plan: Grid }> {
  const merged = mergeSettings(await port.readSettings(), options);
  const grids = await port.readGrids({ sheet: merged.sheet ?? null, columns: merged.columns ?? null });
  return { report: analyze([grids.plan, ...grids.others], merged), plan: grids.plan };
}

const latest = (records: readonly HistoryRecord[]): HistoryRecord | null => records[records.length - 1] ?? null;

/** Rows whose status cell is inside an area merged over several rows (writing one row's value is impossible). */
function mergedRows(grid: Grid, column: number): Set<number> {
  const rows = new Set<number>();
  for (const area of grid.merges) {
    if (area.bottom === area.top || column < area.left || column > area.right) continue;
    for (let row = area.top; row <= area.bottom; row++) rows.add(row);
  }
  return rows;
}

/** Plan the merge: nothing is written. The master needs a plan table with a status column. */
export async function planFeedbackMerge(
  master: WorkbookPort,
  feedback: readonly FeedbackSource[],
  options: CheckOptions = {},
): Promise<FeedbackMerge> {
  const { report, plan: grid } = await readPlan(master, options);
  const table = report.table;
  if (!table) {
    const notFound = report.findings.find((finding) => finding.rule === "table.not-found");
    throw new UserError("plan.not-found", { sheet: notFound?.sheet ?? "" });
  }
  const statusColumn = table.columns.status;
  if (statusColumn === undefined) throw new UserError("merge.no-status-column", { sheet: table.sheet });
  const units = planUnits(report);
  const copies: FeedbackCopy[] = [];
  // Copies are read one at a time (a dozen workbooks need not all be in memory while the next is read).
  for (const source of feedback) {
    // The copy's own sheet choice: a unit may have renamed or moved sheets; its settings travel with it.
    const { report: copyReport } = await readPlan(source.port, {
      asOf: report.asOf,
      language: report.language,
      published: options.published,
    });
    copies.push({
      name: source.name,
      unit: source.unit ?? unitFromFileName(source.name, units),
      report: copyReport,
      baseline: latest(await readHistory(source.port)),
    });
  }
  const plan = planMerge(report, copies, {
    masterBaseline: latest(await readHistory(master)),
    mergedStatusRows: mergedRows(grid, statusColumn),
  });
  return { plan, master: report };
}

/**
 * Write a planned merge into the master: exactly the changed status cells. The master is read again first:
 * when any of those cells no longer holds what the plan saw (someone edited it since the preview), nothing is
 * written and the user is asked to preview again.
 */
export async function applyFeedbackMerge(
  master: WorkbookPort,
  plan: MergePlan,
  options: CheckOptions = {},
): Promise<number> {
  if (plan.changes.length === 0) return 0;
  if (!master.writeCells) throw new UserError("merge.unsupported");
  const { report } = await readPlan(master, options);
  const byRow = new Map(report.tasks.map((task) => [task.row, task.statusText]));
  for (const change of plan.changes) {
    if (report.table?.sheet !== plan.sheet || byRow.get(change.row) !== change.old) {
      throw new UserError("merge.changed-since-preview", { row: change.row });
    }
  }
  await master.writeCells(
    plan.sheet,
    plan.changes.map((change) => ({ row: change.row, column: plan.statusColumn, value: change.new })),
  );
  return plan.changes.length;
}
