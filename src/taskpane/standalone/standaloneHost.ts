/**
 * The pane outside Office: a browser tab working on an .xlsx file through the same WorkbookPort as the command
 * line (src/xlsx: the package read and patched directly). This module is loaded only in this mode, with import(),
 * as its own chunk.
 */
import { annotate } from "../../app/actions";
import { UserError } from "../../app/errors";
import type { WorkbookSettings } from "../../app/port";
import type { Report } from "../../core/types";
import { XlsxWorkbook } from "../../xlsx/XlsxWorkbook";
import type { AnnotatedCopy, PaneHost } from "../host";
import { browserSettingsStorage, type SettingsStorage } from "../settingsStorage";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file's bytes (File.arrayBuffer where there is one, else FileReader). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

export class StandaloneHost implements PaneHost {
  readonly mode = "standalone" as const;
  private workbook: XlsxWorkbook | null = null;
  private fileName: string | null = null;

  constructor(private readonly settings: SettingsStorage = browserSettingsStorage()) {}

  port(): XlsxWorkbook | null {
    return this.workbook;
  }

  workbookName(): string | null {
    return this.fileName;
  }

  async loadSettings(): Promise<WorkbookSettings> {
    return this.settings.load();
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.settings.save(settings);
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
  }

  async annotatedCopy(report: Report, fileName: string): Promise<AnnotatedCopy> {
    const workbook = this.workbook;
    if (!workbook) throw new UserError("office.unavailable");
    await annotate(workbook, report);
    // The user's package with only our parts changed (every other part byte for byte).
    const bytes = await workbook.toBuffer();
    // Copy into a plain ArrayBuffer-backed array: Blob wants ArrayBuffer, not a possibly shared buffer.
    return { data: new Blob([bytes.slice()], { type: XLSX_MIME }), fileName };
  }
}

export function createStandaloneHost(): PaneHost {
  return new StandaloneHost();
}
