/**
 * The pane outside Office: a browser tab working on an .xlsx file through the same WorkbookPort as the command
 * line (src/xlsx). The file is read, checked and annotated in the analysis worker (src/worker): the page only
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
import { browserSettingsStorage, type SettingsStorage } from "../settingsStorage";

export { readFileBytes } from "../../worker/workbookFile";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export class StandaloneHost implements PaneHost {
  readonly mode = "standalone" as const;

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
    return this.settings.load();
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.settings.save(settings);
  }

  /** Opens the file (a check still running on the previous one is cancelled); on failure the workbook open
   * before stays open. */
  openWorkbook(file: File, onProgress?: ProgressListener): Promise<void> {
    return this.analysis.open(file, file.name, onProgress);
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
