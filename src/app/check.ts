/** Use case "check": read the workbook, merge saved settings with the caller's options, analyse. */
import { analyze } from "../core/analyze";
import { withComparison } from "../core/compare";
import type { HistoryRecord } from "../core/history";
import type { AnalyzeOptions, Grid, Report } from "../core/types";
import { readHistory } from "./history";
import type { WorkbookPort, WorkbookSettings } from "./port";

export interface CheckOptions extends AnalyzeOptions {
  /** Compare with these records instead of the workbook's own history (CLI --since: an earlier copy). */
  since?: readonly HistoryRecord[];
}

const DEFAULT_DUE_SOON_DAYS = 7;

/**
 * What analyses the grids read by check: the core in this thread (the default), or the same core in a Web
 * Worker (src/worker) so a big plan never blocks the task pane. Grids and options are plain data (structured
 * clone friendly); a worker-backed one may reject with a cancellation when a newer check replaces it.
 */
export type Analyzer = (grids: Grid[], options: CheckOptions) => Report | Promise<Report>;

/** The core, in this thread. */
export const analyzeHere: Analyzer = (grids, options) => analyze(grids, options);

/** Options given by the caller win over the workbook's saved settings. */
export function mergeSettings(settings: WorkbookSettings, options: CheckOptions): AnalyzeOptions {
  const { since: _since, ...analyzeOptions } = options;
  return {
    ...analyzeOptions,
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
  return (await checkWorkbook(port, options, analyzer)).report;
}

/** Check, keeping the grids the report was made from (highlights key rows by the cells as the sheet holds them). */
export async function checkWorkbook(
  port: WorkbookPort,
  options: CheckOptions = {},
  analyzer: Analyzer = analyzeHere,
): Promise<{ report: Report; grids: Grid[] }> {
  const settings = await port.readSettings();
  const merged = mergeSettings(settings, options);
  const read = await port.readGrids({ sheet: merged.sheet ?? null, columns: merged.columns ?? null });
  // The plan grid comes first: without an explicit sheet the core takes the first grid holding a table.
  const grids = [read.plan, ...read.others];
  const report = await analyzer(grids, merged);
  // Compared with the last check: the given records, else the workbook's history.
  const records = options.since ?? (report.table ? await readHistory(port) : []);
  return {
    report: withComparison(report, records, { dueSoonDays: merged.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS }),
    grids,
  };
}
