/**
 * WorkbookPort on an .xlsx file held in memory (exceljs). Used by the CLI and the standalone task pane:
 * no file system here (the caller reads and writes bytes), so it runs in Node and in the browser.
 */
import ExcelJS from "exceljs";
import type { Workbook, Worksheet } from "exceljs";
import { isOwnedSheet } from "../core/reportNames";
import type { Grid } from "../core/types";
import { isUnitDirectorySheet } from "../core/units";
import { UserError } from "../app/errors";
import type {
  HighlightPlan,
  ReadGridsOptions,
  ReportSheet,
  WorkbookGrids,
  WorkbookPort,
  WorkbookSettings,
} from "../app/port";
import { parseCsv } from "./csv";
import { makeUserRulesPortable } from "./portableRules";
import { applyOwnedHighlights, clearOwnedHighlights } from "./highlights";
import { readGrid } from "./readGrid";
import { writeReportSheet } from "./reportSheet";
import { readSettings, writeSettings } from "./settings";
import { findSheet } from "./sheets";
import { enableLinearMergeCheck } from "./linearMerges";
import { sniff, toBytes } from "./sniff";

/** A sheet name Excel accepts, from a file name: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetNameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const stem = base.replace(/\.[^.]*$/, "");
  const clean = stem
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31)
    .trim();
  return clean === "" || isOwnedSheet(clean) ? "Sheet1" : clean;
}

function hasValues(grid: Grid): boolean {
  return grid.values.some((row) => row.some((value) => value !== "" && value !== null));
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    readonly workbook: Workbook,
    readonly fileName: string,
  ) {}

  /** Open .xlsx bytes. Unusable input becomes a UserError: file.empty, file.encrypted, file.not-workbook. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array, fileName: string): Promise<XlsxWorkbook> {
    const bytes = toBytes(data);
    const kind = sniff(bytes);
    if (kind === "empty") throw new UserError("file.empty", { file: fileName });
    if (kind === "encrypted") throw new UserError("file.encrypted", { file: fileName });
    if (kind !== "zip") throw new UserError("file.not-workbook", { file: fileName });
    enableLinearMergeCheck();
    const workbook = new ExcelJS.Workbook();
    try {
      // exceljs' typings want a Node Buffer; JSZip underneath takes any Uint8Array or ArrayBuffer.
      await workbook.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
    } catch (error) {
      throw new UserError("file.not-workbook", { file: fileName }, error);
    }
    if (workbook.worksheets.length === 0) throw new UserError("file.not-workbook", { file: fileName });
    return new XlsxWorkbook(workbook, fileName);
  }

  /** A one-sheet workbook from CSV text (the sheet is named after the file). */
  static fromCsv(text: string, fileName: string): XlsxWorkbook {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(sheetNameFromFileName(fileName));
    parseCsv(text).forEach((values, r) => {
      if (values.length === 0) return;
      const row = sheet.getRow(r + 1);
      values.forEach((value, c) => {
        if (value !== "" && value !== null) row.getCell(c + 1).value = value;
      });
    });
    return new XlsxWorkbook(workbook, fileName);
  }

  /**
   * The workbook as .xlsx bytes. `portableRules`: rewrite the user's conditional formats that unpatched exceljs
   * would lose as equivalent expression rules (the browser, where the CLI's fidelity patch cannot reach exceljs).
   */
  async toBuffer(options: { portableRules?: boolean } = {}): Promise<Uint8Array> {
    if (options.portableRules) makeUserRulesPortable(this.workbook);
    const buffer = await this.workbook.xlsx.writeBuffer();
    return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
  }

  private get date1904(): boolean {
    return Boolean(this.workbook.properties?.date1904);
  }

  /** The plan sheet: the named one, else the first visible sheet that is neither ours nor a unit directory. */
  private planSheet(candidates: Worksheet[], name: string | null | undefined): Worksheet {
    if (name) {
      const named = findSheet(this.workbook, name);
      if (!named || isOwnedSheet(named.name)) throw new UserError("sheet.not-found", { sheet: name });
      return named;
    }
    const plans = candidates.filter((ws) => !isUnitDirectorySheet(ws.name));
    return plans.find((ws) => ws.state === "visible") ?? plans[0] ?? candidates[0];
  }

  /** Every sheet is read whole (number formats of every column), so column overrides need nothing here. */
  async readGrids(options: ReadGridsOptions = {}): Promise<WorkbookGrids> {
    const candidates = this.workbook.worksheets.filter((ws) => !isOwnedSheet(ws.name));
    if (candidates.length === 0) throw new UserError("file.empty", { file: this.fileName });
    const plan = this.planSheet(candidates, options.sheet);
    const planGrid = readGrid(plan, this.date1904);
    const others = candidates.filter((ws) => ws !== plan).map((ws) => readGrid(ws, this.date1904));
    if (!hasValues(planGrid) && !others.some(hasValues)) {
      throw new UserError("file.empty", { file: this.fileName });
    }
    return { plan: planGrid, others };
  }

  async applyHighlights(plan: HighlightPlan): Promise<void> {
    applyOwnedHighlights(this.workbook, plan);
  }

  async clearHighlights(): Promise<void> {
    clearOwnedHighlights(this.workbook);
  }

  async writeReportSheet(sheet: ReportSheet): Promise<string> {
    return writeReportSheet(this.workbook, sheet);
  }

  async readSettings(): Promise<WorkbookSettings> {
    return readSettings(this.workbook);
  }

  async writeSettings(settings: WorkbookSettings): Promise<void> {
    writeSettings(this.workbook, settings);
  }
}
