/** Use cases "highlight overdue" and "clear highlights": owned conditional formats only. */
import { columnNumber } from "../core/address";
import { isoToExcelSerial } from "../core/dates";
import type { CellValue, Grid, Report } from "../core/types";
import { excelText, keyIdentity, ruleSaysDone, rowKeyOf } from "./highlightParts";
import type { HighlightPlan, WorkbookPort } from "./port";

/** Default due-soon window of a report made without one (the core's default). */
const DEFAULT_DUE_SOON_DAYS = 7;

/** A cell of a grid as the sheet holds it (1-based sheet coordinates); "" outside the grid. */
export function gridCell(grid: Grid, row: number, column: number): CellValue {
  const value = grid.values[row - grid.origin.row]?.[column - grid.origin.column];
  return value === undefined || value === null ? "" : value;
}

/**
 * What to highlight for a report: keys of every task with a due date and of the rows holding error cells,
 * made from the plan grid's cells as the sheet holds them (not the core's merge-filled values, since the
 * rules read the sheet). `grid` is the plan sheet's grid the report was made from.
 */
export function highlightPlan(report: Report, grid: Grid): HighlightPlan | null {
  const table = report.table;
  if (!table || table.lastDataRow < table.firstDataRow) return null;
  // The task text keys a row; the id only where some task's own text cell is empty (the lower rows of a merged
  // text, a missing text): the rules then read the id when the text cell is empty. Without either column, the
  // table's first column.
  const textColumn = table.columns.task;
  const idColumn = table.columns.id;
  const textMissing =
    textColumn === undefined || report.tasks.some((task) => excelText(gridCell(grid, task.row, textColumn)) === "");
  const keyColumns = [textColumn, textMissing ? idColumn : undefined].filter((c): c is number => c !== undefined);
  if (keyColumns.length === 0) keyColumns.push(table.firstColumn);
  const statusColumn = table.columns.status ?? null;
  const keyOf = (row: number): string | null => rowKeyOf(keyColumns.map((column) => gridCell(grid, row, column)));

  const rowsWith = (status: string) =>
    [...new Set(report.tasks.filter((task) => task.status === status).map((task) => task.row))].sort((a, b) => a - b);

  // Due dates by key; a key two tasks share with different due dates is dropped (the rules could not tell the
  // rows apart: neither is highlighted rather than one wrongly).
  const dues = new Map<string, { key: string; due: number } | null>();
  for (const task of report.tasks) {
    if (!task.deadline.due || !["overdue", "due-soon", "open", "done"].includes(task.status)) continue;
    // A task the core counts done only through a merged status cell: the rule sees the row's own (empty) cell,
    // so it is left out rather than shown overdue.
    if (task.status === "done" && (statusColumn === null || !ruleSaysDone(gridCell(grid, task.row, statusColumn))))
      continue;
    const key = keyOf(task.row);
    if (key === null) continue;
    let due: number;
    try {
      due = isoToExcelSerial(task.deadline.due);
    } catch {
      continue;
    }
    const id = keyIdentity(key);
    const seen = dues.get(id);
    if (seen === undefined) dues.set(id, { key, due });
    else if (seen !== null && seen.due !== due) dues.set(id, null);
  }

  const errorCells = new Map<string, { row: number; column: number }>();
  for (const finding of report.findings) {
    if (finding.severity !== "error" || finding.row === null || finding.column === null) continue;
    if (finding.sheet !== table.sheet) continue;
    const column = columnNumber(finding.column);
    if (finding.row < table.firstDataRow || finding.row > table.lastDataRow) continue;
    if (column < table.firstColumn || column > table.lastColumn) continue;
    errorCells.set(`${finding.row}:${column}`, { row: finding.row, column });
  }
  const sortedErrors = [...errorCells.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  const errors = new Map<string, { key: string; offset: number }>();
  for (const cell of sortedErrors) {
    const key = keyOf(cell.row);
    if (key === null) continue;
    const offset = cell.column - table.firstColumn;
    errors.set(`${keyIdentity(key)}|${offset}`, { key, offset });
  }

  return {
    sheet: table.sheet,
    body: {
      firstRow: table.firstDataRow,
      lastRow: table.lastDataRow,
      firstColumn: table.firstColumn,
      lastColumn: table.lastColumn,
    },
    keyColumns,
    statusColumn,
    dueSoonDays: report.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    dues: [...dues.values()].filter((entry): entry is { key: string; due: number } => entry !== null),
    errors: [...errors.values()],
    overdueRows: rowsWith("overdue"),
    dueSoonRows: rowsWith("due-soon"),
    errorCells: sortedErrors,
  };
}

/** The grid of the report's plan sheet: from the grids given, else read afresh. */
async function planGrid(port: WorkbookPort, report: Report, grids?: readonly Grid[]): Promise<Grid | null> {
  const sheet = report.table?.sheet;
  if (!sheet) return null;
  const given = grids?.find((grid) => grid.sheet === sheet);
  if (given) return given;
  const read = await port.readGrids({ sheet });
  return [read.plan, ...read.others].find((grid) => grid.sheet === sheet) ?? null;
}

/** Replace our highlights with the ones this report calls for (or just clear them when there is no table).
 * `grids`: the grids the report was made from (else the plan sheet is read again). */
export async function highlight(
  port: WorkbookPort,
  report: Report,
  grids?: readonly Grid[],
): Promise<HighlightPlan | null> {
  const grid = await planGrid(port, report, grids);
  const plan = grid ? highlightPlan(report, grid) : null;
  if (plan) await port.applyHighlights(plan);
  else await port.clearHighlights();
  return plan;
}

export async function clearHighlights(port: WorkbookPort): Promise<void> {
  await port.clearHighlights();
}
