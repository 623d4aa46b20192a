/**
 * Use case "has the plan changed since the check?": the check keeps a fingerprint of the plan table's cells
 * (core/fingerprint); reading the plan sheet again and comparing tells a user's edit (stale result: offer to
 * re-check) from our own writes (highlights, report and data sheets: the plan's cells are untouched).
 */
import { tableFingerprint } from "../core/fingerprint";
import type { Grid, Report } from "../core/types";
import type { WorkbookPort } from "./port";

/** The fingerprint of the report's plan table in the grids it was made from (null without a table). */
export function planFingerprint(report: Report, grids: readonly Grid[]): string | null {
  const table = report.table;
  const grid = table ? grids.find((g) => g.sheet === table.sheet) : undefined;
  return table && grid ? tableFingerprint(grid, table) : null;
}

/** Read the plan sheet again: true when its table cells differ from the fingerprint kept with the check. */
export async function planChangedSince(port: WorkbookPort, report: Report, fingerprint: string): Promise<boolean> {
  const table = report.table;
  if (!table) return false;
  const read = await port.readGrids({ sheet: table.sheet });
  const grid = [read.plan, ...read.others].find((g) => g.sheet === table.sheet);
  if (!grid) return true;
  return tableFingerprint(grid, table) !== fingerprint;
}
