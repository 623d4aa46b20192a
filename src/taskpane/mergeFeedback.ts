/**
 * The pane's "Merge feedback": the returned copies are read as .xlsx (the package reader, a lazy chunk)
 * and merged into the workbook open in the pane (Excel: its status cells; standalone: the open file, which the
 * user then downloads) through the same use case as `fengong merge`.
 */
import type { FeedbackMerge, FeedbackSource } from "../app/merge";
import type { WorkbookPort } from "../app/port";
import type { AnalyzeOptions } from "../core/types";
import type { MergePlan } from "../core/merge";
import { readFileBytes } from "./readFile";

export async function previewFeedbackMerge(
  port: WorkbookPort,
  files: readonly File[],
  units: readonly (string | null)[],
  options: AnalyzeOptions,
): Promise<FeedbackMerge> {
  const [{ XlsxWorkbook }, { planFeedbackMerge }] = await Promise.all([
    import(/* webpackChunkName: "xlsx" */ "../xlsx/XlsxWorkbook"),
    import(/* webpackChunkName: "engine" */ "../app/merge"),
  ]);
  const sources: FeedbackSource[] = [];
  for (const [index, file] of files.entries()) {
    sources.push({
      name: file.name,
      port: await XlsxWorkbook.fromBuffer(await readFileBytes(file), file.name),
      unit: units[index] || null,
    });
  }
  return planFeedbackMerge(port, sources, options);
}

export async function applyMergePlan(port: WorkbookPort, plan: MergePlan, options: AnalyzeOptions): Promise<number> {
  const { applyFeedbackMerge } = await import(/* webpackChunkName: "engine" */ "../app/merge");
  return applyFeedbackMerge(port, plan, options);
}
