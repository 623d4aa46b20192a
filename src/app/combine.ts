/**
 * Combined figures across several checked plans (a provincial office merging its prefectures' ledgers).
 * Pure: the CLI prints it, the task pane may show it.
 */
import { combineTotals } from "../core/totals";
import type { Report, UnitTotals } from "../core/types";

export interface CombinedCounts {
  /** Reports that held a plan table. */
  plans: number;
  tasks: number;
  done: number;
  overdue: number;
  dueSoon: number;
  ongoing: number;
  open: number;
  noDeadline: number;
}

export interface Combined {
  counts: CombinedCounts;
  /** Per canonical unit, summed over the reports; rates recomputed; sorted like a single report's totals. */
  totals: UnitTotals[];
}

export function combineReports(reports: readonly Report[]): Combined {
  const withTable = reports.filter((report) => report.table !== null);
  const counts: CombinedCounts = {
    plans: withTable.length,
    tasks: 0,
    done: 0,
    overdue: 0,
    dueSoon: 0,
    ongoing: 0,
    open: 0,
    noDeadline: 0,
  };
  for (const report of withTable) {
    for (const task of report.tasks) {
      counts.tasks++;
      if (task.status === "done") counts.done++;
      else if (task.status === "overdue") counts.overdue++;
      else if (task.status === "due-soon") counts.dueSoon++;
      else if (task.status === "ongoing") counts.ongoing++;
      else if (task.status === "open") counts.open++;
      else counts.noDeadline++;
    }
  }
  return { counts, totals: combineTotals(withTable.map((report) => report.totals)) };
}
