/**
 * The pane outside Office: a browser tab working on an .xlsx file through the same WorkbookPort as the command
 * line (src/xlsx: the package read and patched directly). The file is read, checked and annotated in the analysis worker (src/worker): the page only
 * sends the File and receives the report and the copy's bytes, so a big plan never blocks it. This module is
 * loaded only in this mode, with import(), as its own chunk.
 */
import type { CheckOptions } from "../../app/check";
import { UserError } from "../../app/errors";
import type { WorkbookPort, WorkbookSettings } from "../../app/port";
import type { ProgressListener } from "../../app/progress";
import type { Report } from "../../core/types";
import type { AnalysisClient } from "../../worker/client";
import { pageAnalysis } from "../../worker/pageAnalysis";
import type { AnnotatedCopy, PaneHost } from "../host";
import type { FollowUp, FollowUpOptions } from "../model/followUp";
import type { NoteDownload, NoteDownloadOptions, NoteDownloadResult } from "../model/noteDownload";
import { browserSettingsStorage, workbookKey, type SettingsStorage } from "../settingsStorage";

import { readFileBytes } from "../readFile";

export { readFileBytes };

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export class StandaloneHost implements PaneHost {
  readonly mode = "standalone" as const;
  /** Settings are kept per workbook (settingsStorage.ts): the open file's key, null before one is open. */
  private settingsKey: string | null = null;
  /** The open file, for "Merge feedback" (read in the page only when the user merges). */
  private file: File | null = null;

  constructor(
    private readonly settings: SettingsStorage = browserSettingsStorage(),
    private readonly analysis: AnalysisClient = pageAnalysis(),
  ) {}

  /** No port in the page: the workbook lives in the worker (checkFile, annotatedCopy). */
  port(): null {
    return null;
  }

  workbookName(): string | null {
    return this.analysis.fileName();
  }

  async loadSettings(): Promise<WorkbookSettings> {
    return this.settings.load(this.settingsKey);
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.settings.save(this.settingsKey, settings);
  }

  /** Opens the file (a check still running on the previous one is cancelled); on failure the workbook open
   * before stays open, and so do its settings. */
  async openWorkbook(file: File, onProgress?: ProgressListener): Promise<void> {
    await this.analysis.open(file, file.name, onProgress);
    this.file = file;
    const key = workbookKey({ name: file.name, size: file.size });
    // Settings entered before any file was open go with the first file that has none of its own.
    if (this.settingsKey === null) {
      const pending = this.settings.load(null);
      if (Object.keys(pending).length > 0 && Object.keys(this.settings.load(key)).length === 0) {
        this.settings.save(key, pending);
        this.settings.save(null, {});
      }
    }
    this.settingsKey = key;
  }

  /** The open file as an .xlsx port in the page (the package code is loaded here only when the user merges). */
  async feedbackPort(): Promise<WorkbookPort | null> {
    if (!this.file) return null;
    const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../../xlsx/XlsxWorkbook");
    return XlsxWorkbook.fromBuffer(await readFileBytes(this.file), this.file.name);
  }

  /** The merged workbook becomes the open file: the worker re-opens it, so Check and the download see the merge. */
  async feedbackMerged(port: WorkbookPort): Promise<void> {
    const file = this.file;
    if (!file || !("toBuffer" in port) || typeof port.toBuffer !== "function") return;
    const bytes = (await (port as { toBuffer(): Promise<Uint8Array> }).toBuffer()).slice();
    const merged = new File([bytes], file.name, { type: XLSX_MIME });
    await this.analysis.open(merged, merged.name);
    this.file = merged;
  }

  checkFile(options: CheckOptions, onProgress: ProgressListener): Promise<Report> {
    return this.analysis.check(options, onProgress);
  }

  followUp(report: Report, options: FollowUpOptions): Promise<FollowUp | null> {
    return this.analysis.followUp(report, options);
  }

  noteDownload(
    report: Report,
    download: NoteDownload,
    options: NoteDownloadOptions,
  ): Promise<NoteDownloadResult | null> {
    return this.analysis.noteDownload(report, download, options);
  }

  cancelCheck(): void {
    this.analysis.cancel();
  }

  async annotatedCopy(report: Report, fileName: string): Promise<AnnotatedCopy> {
    if (this.analysis.fileName() === null) throw new UserError("office.unavailable");
    const bytes = await this.analysis.annotatedCopy(report);
    // Copy into a plain ArrayBuffer-backed array: Blob wants ArrayBuffer, not a possibly shared buffer.
    return { data: new Blob([bytes.slice()], { type: XLSX_MIME }), fileName };
  }
}

export function createStandaloneHost(): PaneHost {
  return new StandaloneHost();
}
