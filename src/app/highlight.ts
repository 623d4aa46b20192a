/** Use cases "highlight overdue" and "clear highlights": owned conditional formats only. */
import { columnNumber } from "../core/address";
import type { Report } from "../core/types";
import type { HighlightPlan, WorkbookPort } from "./port";

/** What to highlight for a report: overdue and due-soon task rows, and the cells of error findings. */
export function highlightPlan(report: Report): HighlightPlan | null {
  const table = report.table;
  if (!table || table.lastDataRow < table.firstDataRow) return null;
  const rowsWith = (status: string) =>
    [...new Set(report.tasks.filter((task) => task.status === status).map((task) => task.row))].sort((a, b) => a - b);
  const errorCells = new Map<string, { row: number; column: number }>();
  for (const finding of report.findings) {
    if (finding.severity !== "error" || finding.row === null || finding.column === null) continue;
    if (finding.sheet !== table.sheet) continue;
    const column = columnNumber(finding.column);
    if (finding.row < table.firstDataRow || finding.row > table.lastDataRow) continue;
    errorCells.set(`${finding.row}:${column}`, { row: finding.row, column });
  }
  return {
    sheet: table.sheet,
    body: {
      firstRow: table.firstDataRow,
      lastRow: table.lastDataRow,
      firstColumn: table.firstColumn,
      lastColumn: table.lastColumn,
    },
    overdueRows: rowsWith("overdue"),
    dueSoonRows: rowsWith("due-soon"),
    errorCells: [...errorCells.values()].sort((a, b) => a.row - b.row || a.column - b.column),
  };
}

/** Replace our highlights with the ones this report calls for (or just clear them when there is no table). */
export async function highlight(port: WorkbookPort, report: Report): Promise<HighlightPlan | null> {
  const plan = highlightPlan(report);
  if (plan) await port.applyHighlights(plan);
  else await port.clearHighlights();
  return plan;
}

export async function clearHighlights(port: WorkbookPort): Promise<void> {
  await port.clearHighlights();
}
