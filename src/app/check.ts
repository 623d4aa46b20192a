/** Use case "check": read the workbook, merge saved settings with the caller's options, analyse. */
import { analyze } from "../core/analyze";
import type { AnalyzeOptions, Grid, Report } from "../core/types";
import type { WorkbookPort, WorkbookSettings } from "./port";

export type CheckOptions = AnalyzeOptions;

/** Options given by the caller win over the workbook's saved settings. */
export function mergeSettings(settings: WorkbookSettings, options: CheckOptions): CheckOptions {
  return {
    ...options,
    published: options.published !== undefined ? options.published : (settings.published ?? null),
    dueSoonDays: options.dueSoonDays ?? settings.dueSoonDays ?? undefined,
    sheet: options.sheet ?? settings.planSheet ?? undefined,
    columns: options.columns ?? settings.columns ?? undefined,
    language: options.language ?? settings.language ?? undefined,
  };
}

export async function check(port: WorkbookPort, options: CheckOptions = {}): Promise<Report> {
  return (await checkWorkbook(port, options)).report;
}

/** Check, keeping the grids the report was made from (highlights key rows by the cells as the sheet holds them). */
export async function checkWorkbook(
  port: WorkbookPort,
  options: CheckOptions = {},
): Promise<{ report: Report; grids: Grid[] }> {
  const settings = await port.readSettings();
  const merged = mergeSettings(settings, options);
  const read = await port.readGrids({ sheet: merged.sheet ?? null, columns: merged.columns ?? null });
  // The plan grid comes first: without an explicit sheet the core takes the first grid holding a table.
  const grids = [read.plan, ...read.others];
  return { report: analyze(grids, merged), grids };
}
