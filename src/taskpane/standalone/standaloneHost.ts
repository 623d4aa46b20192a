/**
 * The pane outside Office: a browser tab working on an .xlsx file through the same WorkbookPort as the command
 * line (src/xlsx: the package read and patched directly). The file is read, checked and annotated in the analysis worker (src/worker): the page only
 * sends the File and receives the report and the copy's bytes, so a big plan never blocks it. This module is
 * loaded only in this mode, with import(), as its own chunk.
 */
import type { CheckOptions } from "../../app/check";
import { UserError } from "../../app/errors";
import type { WorkbookSettings } from "../../app/port";
import type { ProgressListener } from "../../app/progress";
import type { Report } from "../../core/types";
import type { AnalysisClient } from "../../worker/client";
import { pageAnalysis } from "../../worker/pageAnalysis";
import type { AnnotatedCopy, PaneHost } from "../host";
import { browserSettingsStorage, workbookKey, type SettingsStorage } from "../settingsStorage";

export { readFileBytes } from "../readFile";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export class StandaloneHost implements PaneHost {
  readonly mode = "standalone" as const;
  /** Settings are kept per workbook (settingsStorage.ts): the open file's key, null before one is open. */
  private settingsKey: string | null = null;

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

  checkFile(options: CheckOptions, onProgress: ProgressListener): Promise<Report> {
    return this.analysis.check(options, onProgress);
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
