/** Sorting the totals table and picking the bars of the overdue chart. */
import type { UnitTotals } from "../../core/types";

export type TotalsColumn = keyof UnitTotals;
export type SortDirection = "ascending" | "descending";

export const TOTALS_COLUMNS: TotalsColumn[] = [
  "unit",
  "lead",
  "responsible",
  "overdue",
  "overdueChange",
  "overdueAsLead",
  "dueSoon",
  "done",
  "completionRate",
];

const collator = new Intl.Collator("zh-CN");

/** A sorted copy. Units compare in Chinese collation; units without a rate always come last; ties keep the given order. */
export function sortTotals(
  totals: readonly UnitTotals[],
  column: TotalsColumn,
  direction: SortDirection,
): UnitTotals[] {
  const sign = direction === "ascending" ? 1 : -1;
  return totals
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[column];
      const y = b.row[column];
      if (x === null || y === null) {
        if (x === y) return a.index - b.index;
        return x === null ? 1 : -1;
      }
      const order = typeof x === "string" && typeof y === "string" ? collator.compare(x, y) : Number(x) - Number(y);
      return sign * order || a.index - b.index;
    })
    .map(({ row }) => row);
}

export interface ChartBars {
  bars: { unit: string; overdue: number }[];
  /** Units with overdue tasks left out of the chart. */
  more: number;
  max: number;
}

/** The units with overdue tasks, most first (ties keep the given order), at most `limit` of them. */
export function overdueBars(totals: readonly UnitTotals[], limit = 10): ChartBars {
  const withOverdue = totals.filter((row) => row.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  const bars = withOverdue.slice(0, limit).map((row) => ({ unit: row.unit, overdue: row.overdue }));
  return {
    bars,
    more: withOverdue.length - bars.length,
    max: bars.reduce((max, bar) => Math.max(max, bar.overdue), 0),
  };
}
