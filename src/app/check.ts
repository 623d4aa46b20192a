/** Use case "check": read the workbook, merge saved settings with the caller's options, analyse. */
import { analyze } from "../core/analyze";
import type { AnalyzeOptions, Grid, Report } from "../core/types";
import type { WorkbookPort, WorkbookSettings } from "./port";

export type CheckOptions = AnalyzeOptions;

/**
 * What analyses the grids read by check: the core in this thread (the default), or the same core in a Web
 * Worker (src/worker) so a big plan never blocks the task pane. Grids and options are plain data (structured
 * clone friendly); a worker-backed one may reject with a cancellation when a newer check replaces it.
 */
export type Analyzer = (grids: Grid[], options: CheckOptions) => Report | Promise<Report>;

/** The core, in this thread. */
export const analyzeHere: Analyzer = (grids, options) => analyze(grids, options);

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

export async function check(
  port: WorkbookPort,
  options: CheckOptions = {},
  analyzer: Analyzer = analyzeHere,
): Promise<Report> {
  const settings = await port.readSettings();
  const merged = mergeSettings(settings, options);
  const grids = await port.readGrids({ sheet: merged.sheet ?? null, columns: merged.columns ?? null });
  // The plan grid comes first: without an explicit sheet the core takes the first grid holding a table.
  return analyzer([grids.plan, ...grids.others], merged);
}
