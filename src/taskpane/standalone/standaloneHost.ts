/**
 * The pane outside Office: a browser tab working on an .xlsx file through the same WorkbookPort as the command
 * line (src/xlsx, exceljs). This module is loaded only in this mode, with import(), as its own chunk: exceljs
 * never weighs on the Office path.
 */
import { annotate } from "../../app/actions";
import { UserError } from "../../app/errors";
import type { WorkbookSettings } from "../../app/port";
import type { Report } from "../../core/types";
import { XlsxWorkbook } from "../../xlsx/XlsxWorkbook";
import type { AnnotatedCopy, PaneHost } from "../host";
import { browserSettingsStorage, workbookKey, type SettingsStorage } from "../settingsStorage";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

import { readFileBytes } from "../readFile";

export { readFileBytes };

export class StandaloneHost implements PaneHost {
  readonly mode = "standalone" as const;
  private workbook: XlsxWorkbook | null = null;
  private fileName: string | null = null;
  /** Settings are kept per workbook (settingsStorage.ts): the open file's key, null before one is open. */
  private settingsKey: string | null = null;

  constructor(private readonly settings: SettingsStorage = browserSettingsStorage()) {}

  port(): XlsxWorkbook | null {
    return this.workbook;
  }

  workbookName(): string | null {
    return this.fileName;
  }

  async loadSettings(): Promise<WorkbookSettings> {
    return this.settings.load(this.settingsKey);
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.settings.save(this.settingsKey, settings);
  }

  /** Opens the file; on failure the workbook open before stays open. */
  async openWorkbook(file: File): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(file);
    } catch (error) {
      throw new UserError("file.missing", { file: file.name }, error);
    }
    this.workbook = await XlsxWorkbook.fromBuffer(bytes, file.name);
    this.fileName = file.name;
    const key = workbookKey({ name: file.name, size: bytes.length });
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

  async annotatedCopy(report: Report, fileName: string): Promise<AnnotatedCopy> {
    const workbook = this.workbook;
    if (!workbook) throw new UserError("office.unavailable");
    await annotate(workbook, report);
    // exceljs' browser bundle would drop some of the user's conditional formats: keep them as expressions.
    const bytes = await workbook.toBuffer({ portableRules: true });
    // Copy into a plain ArrayBuffer-backed array: Blob wants ArrayBuffer, not a possibly shared buffer.
    return { data: new Blob([bytes.slice()], { type: XLSX_MIME }), fileName };
  }
}

export function createStandaloneHost(): PaneHost {
  return new StandaloneHost();
}
