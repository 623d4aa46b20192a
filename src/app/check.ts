/** Use case "check": read the workbook, merge saved settings with the caller's options, analyse. */
import { analyze } from "../core/analyze";
import { withComparison } from "../core/compare";
import type { HistoryRecord } from "../core/history";
import type { AnalyzeOptions, Report } from "../core/types";
import { readHistory } from "./history";
import type { WorkbookPort, WorkbookSettings } from "./port";

export interface CheckOptions extends AnalyzeOptions {
  /** Compare with these records instead of the workbook's own history (CLI --since: an earlier copy). */
  since?: readonly HistoryRecord[];
}

const DEFAULT_DUE_SOON_DAYS = 7;

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

export async function check(port: WorkbookPort, options: CheckOptions = {}): Promise<Report> {
  const settings = await port.readSettings();
  const merged = mergeSettings(settings, options);
  const grids = await port.readGrids({ sheet: merged.sheet ?? null, columns: merged.columns ?? null });
  // The plan grid comes first: without an explicit sheet the core takes the first grid holding a table.
  const report = analyze([grids.plan, ...grids.others], merged);
  // Compared with the last check: the given records, else the workbook's history.
  const records = options.since ?? (report.table ? await readHistory(port) : []);
  return withComparison(report, records, { dueSoonDays: merged.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS });
}
