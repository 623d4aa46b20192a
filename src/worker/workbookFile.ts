/**
 * The .xlsx file behind the standalone pane, as the analysis worker uses it: the one place that opens a
 * file's bytes and writes the annotated copy, so a new reader (or a package patcher) behind the same API
 * changes nothing else. The package reader (src/xlsx) is imported on first use, as its own chunk.
 */
import { annotate } from "../app/actions";
import type { WorkbookPort } from "../app/port";
import type { Report } from "../core/types";

export interface WorkbookFile extends WorkbookPort {
  /** The workbook as .xlsx bytes (after annotate: with our highlights and report sheets). */
  toBuffer(): Promise<Uint8Array>;
}

/** Open .xlsx bytes; unusable input is a UserError (file.empty, file.encrypted, file.not-workbook). */
export async function openWorkbookFile(bytes: Uint8Array, fileName: string): Promise<WorkbookFile> {
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/XlsxWorkbook");
  return XlsxWorkbook.fromBuffer(bytes, fileName);
}

/** The workbook annotated for this report (highlights, findings and totals sheets), as .xlsx bytes. */
export async function annotatedBytes(workbook: WorkbookFile, report: Report): Promise<Uint8Array> {
  await annotate(workbook, report);
  // The user's package with only our parts changed (every other part byte for byte).
  return workbook.toBuffer();
}

export { readFileBytes } from "../taskpane/readFile";
