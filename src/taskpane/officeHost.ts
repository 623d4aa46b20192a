/**
 * The pane inside Excel. Reading and writing the workbook go through the WorkbookPort (src/excel/excelWorkbook);
 * the few things only a pane does — select a cell, insert the circular at the selection, notice edits to the
 * plan — through ExcelPaneSupport (src/excel/paneSupport). No Office.js call here.
 */
import type { Analyzer } from "../app/check";
import { planChangedSince } from "../app/planChange";
import type { WorkbookPort, WorkbookSettings } from "../app/port";
import type { ProgressListener } from "../app/progress";
import type { Report } from "../core/types";
import type { ExcelPaneSupport } from "../excel/paneSupport";
import type { PaneHost } from "./host";

export type PaneSupport = Pick<ExcelPaneSupport, "selectCell" | "insertText" | "onPlanChanged">;

/** Where the grids read through Office.js are analysed: the page's analysis worker (src/worker/client). */
export interface GridAnalysis {
  analyzer(onProgress?: ProgressListener): Analyzer;
  cancel(): void;
}

export class OfficeHost implements PaneHost {
  readonly mode = "office" as const;

  constructor(
    private readonly workbook: WorkbookPort,
    private readonly support: PaneSupport,
    /** The pane can save files (Excel on the web). */
    readonly canDownload = false,
    /** Without one, the core runs in the page. */
    private readonly analysis?: GridAnalysis,
  ) {}

  analyzer(onProgress: ProgressListener): Analyzer | undefined {
    return this.analysis?.analyzer(onProgress);
  }

  cancelCheck(): void {
    this.analysis?.cancel();
  }

  port(): WorkbookPort {
    return this.workbook;
  }

  workbookName(): null {
    return null;
  }

  loadSettings(): Promise<WorkbookSettings> {
    return this.workbook.readSettings();
  }

  saveSettings(settings: WorkbookSettings): Promise<void> {
    return this.workbook.writeSettings(settings);
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.support.selectCell(sheet, address);
  }

  insertText(text: string): Promise<boolean> {
    return this.support.insertText(text);
  }

  onPlanChanged(listener: (sheet: string) => void): () => void {
    return this.support.onPlanChanged(listener);
  }

  planChanged(report: Report, fingerprint: string): Promise<boolean> {
    return planChangedSince(this.workbook, report, fingerprint);
  }
}
