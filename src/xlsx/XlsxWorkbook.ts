/**
 * WorkbookPort on an .xlsx file held in memory. Reading goes straight from the package's XML into Grids
 * (src/xlsx/scanSheet.ts, no object model); the package parts are inflated on demand within the limits
 * (src/xlsx/limits.ts). No file system here (the caller reads and writes bytes): it runs in Node and in the browser.
 */
import type { Workbook } from "exceljs";
import { isOwnedSheet } from "../core/reportNames";
import type { CellValue, Grid } from "../core/types";
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
import { sanitizeSettings } from "../app/settings";
import { SETTINGS_KEY } from "../app/port";
import { parseCsv } from "./csv";
import { XlsxPackage, type PackageOptions } from "./package";
import { scanSheet } from "./scanSheet";
import { parseSharedStrings } from "./sharedStrings";
import { sameSheetName } from "./sheetNames";
import { newWorkbookParts } from "./sheetWriter";
import { sniff, toBytes } from "./sniff";
import {
  readCellStyles,
  readWorkbookInfo,
  sharedStringsPartName,
  stylesPartName,
  type CellStyles,
  type SheetEntry,
  type WorkbookInfo,
} from "./workbookParts";

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

export const SETTINGS_SHEET = "fengong_settings";

/** A sheet of the workbook as listed in workbook.xml. */
export interface SheetInfo {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
}

export class XlsxWorkbook implements WorkbookPort {
  private infoCache: WorkbookInfo | null = null;
  private stylesCache: CellStyles | null = null;
  private stringsCache: string[] | null = null;
  /** Grids read so far, by sheet name (dropped on any write). */
  private readonly grids = new Map<string, Grid>();
  /** exceljs' model, loaded only when something is written (until the package writer replaces it). */
  private model: Workbook | null = null;

  private constructor(
    readonly pkg: XlsxPackage,
    readonly fileName: string,
  ) {}

  /** Open .xlsx bytes. Unusable input becomes a UserError: file.empty, file.encrypted, file.not-workbook, limits. */
  static async fromBuffer(
    data: ArrayBuffer | Uint8Array,
    fileName: string,
    options: PackageOptions = {},
  ): Promise<XlsxWorkbook> {
    const bytes = toBytes(data);
    const kind = sniff(bytes);
    if (kind === "empty") throw new UserError("file.empty", { file: fileName });
    if (kind === "encrypted") throw new UserError("file.encrypted", { file: fileName });
    if (kind !== "zip") throw new UserError("file.not-workbook", { file: fileName });
    const workbook = new XlsxWorkbook(XlsxPackage.open(bytes, fileName, options), fileName);
    let info: WorkbookInfo | null;
    try {
      info = workbook.info();
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError("file.not-workbook", { file: fileName }, error);
    }
    if (!info || !info.sheets.some((s) => s.part !== null))
      throw new UserError("file.not-workbook", { file: fileName });
    return workbook;
  }

  /** A one-sheet workbook from CSV text (the sheet is named after the file). */
  static fromCsv(text: string, fileName: string): XlsxWorkbook {
    const rows = parseCsv(text);
    return new XlsxWorkbook(
      XlsxPackage.fromParts(newWorkbookParts(sheetNameFromFileName(fileName), rows), fileName),
      fileName,
    );
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(options: { portableRules?: boolean } = {}): Promise<Uint8Array> {
    if (options.portableRules) await this.exceljs();
    if (this.model) {
      if (options.portableRules) (await import("./portableRules")).makeUserRulesPortable(this.model);
      const buffer = await this.model.xlsx.writeBuffer();
      return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
    }
    return this.pkg.toBytes();
  }

  private info(): WorkbookInfo {
    if (!this.infoCache) {
      const info = readWorkbookInfo(this.pkg);
      if (!info) throw new UserError("file.not-workbook", { file: this.fileName });
      this.infoCache = info;
    }
    return this.infoCache;
  }

  private styles(): CellStyles {
    if (!this.stylesCache) this.stylesCache = readCellStyles(this.pkg.text(stylesPartName(this.info())));
    return this.stylesCache;
  }

  private sharedStrings(): string[] {
    if (!this.stringsCache) {
      const xml = this.pkg.text(sharedStringsPartName(this.info()));
      this.stringsCache = xml === null ? [] : parseSharedStrings(xml);
    }
    return this.stringsCache;
  }

  /** The worksheets in workbook order (chart sheets left out). */
  sheets(): SheetInfo[] {
    return this.worksheets().map(({ name, state }) => ({ name, state }));
  }

  private worksheets(): SheetEntry[] {
    return this.info().sheets.filter((s) => s.part !== null);
  }

  private findWorksheet(name: string): SheetEntry | undefined {
    const sheets = this.worksheets();
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => sameSheetName(s.name, name));
  }

  /** One worksheet as a Grid. */
  readSheet(sheet: SheetEntry): Grid {
    const cached = this.grids.get(sheet.name);
    if (cached) return cached;
    const grid = this.scan(sheet);
    this.grids.set(sheet.name, grid);
    return grid;
  }

  /** A sheet by name as a Grid (null when there is no such worksheet). */
  readSheetNamed(name: string): Grid | null {
    const sheet = this.findWorksheet(name);
    return sheet ? this.readSheet(sheet) : null;
  }

  private scan(sheet: SheetEntry): Grid {
    const xml = this.pkg.text(sheet.part!);
    if (xml === null)
      return { sheet: sheet.name, origin: { row: 1, column: 1 }, values: [], merges: [], hiddenRows: [] };
    return scanSheet(xml, sheet.name, {
      sharedStrings: () => this.sharedStrings(),
      styles: this.styles(),
      date1904: this.info().date1904,
      limits: this.pkg.limits,
      file: this.pkg.context,
    });
  }

  /** The plan sheet: the named one, else the first visible sheet that is neither ours nor a unit directory. */
  private planSheet(candidates: SheetEntry[], name: string | null | undefined): SheetEntry {
    if (name) {
      const named = this.findWorksheet(name);
      if (!named || isOwnedSheet(named.name)) throw new UserError("sheet.not-found", { sheet: name });
      return named;
    }
    const plans = candidates.filter((s) => !isUnitDirectorySheet(s.name));
    return plans.find((s) => s.state === "visible") ?? plans[0] ?? candidates[0];
  }

  /** Every sheet is read whole (number formats of every column), so column overrides need nothing here. */
  async readGrids(options: ReadGridsOptions = {}): Promise<WorkbookGrids> {
    if (this.model) return (await this.exceljsPort()).readGrids(this.model, options);
    const candidates = this.worksheets().filter((s) => !isOwnedSheet(s.name));
    if (candidates.length === 0) throw new UserError("file.empty", { file: this.fileName });
    const plan = this.planSheet(candidates, options.sheet);
    const planGrid = this.readSheet(plan);
    const others = candidates.filter((s) => s !== plan).map((s) => this.readSheet(s));
    if (!hasValues(planGrid) && !others.some(hasValues)) {
      throw new UserError("file.empty", { file: this.fileName });
    }
    return { plan: planGrid, others };
  }

  async readSettings(): Promise<WorkbookSettings> {
    if (this.model) return (await import("./settings")).readSettings(this.model);
    const sheet = this.findWorksheet(SETTINGS_SHEET);
    if (!sheet) return {};
    const grid = this.readSheet(sheet);
    const at = (row: number, column: number): CellValue =>
      grid.values[row - grid.origin.row]?.[column - grid.origin.column] ?? "";
    if (at(1, 1) !== SETTINGS_KEY) return {};
    const json = at(1, 2);
    return typeof json === "string" ? sanitizeSettings(json) : {};
  }

  // ---- Writing (exceljs, loaded on first write) ----------------------------------------------------------

  private async exceljs(): Promise<Workbook> {
    if (!this.model) {
      const [{ default: ExcelJS }, { enableLinearMergeCheck }] = await Promise.all([
        import("exceljs"),
        import("./linearMerges"),
      ]);
      enableLinearMergeCheck();
      const workbook = new ExcelJS.Workbook();
      try {
        const bytes = this.pkg.toBytes();
        await workbook.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
      } catch (error) {
        throw new UserError("file.not-workbook", { file: this.fileName }, error);
      }
      this.model = workbook;
    }
    return this.model;
  }

  private async exceljsPort() {
    return import("./exceljsPort");
  }

  async applyHighlights(plan: HighlightPlan): Promise<void> {
    const model = await this.exceljs();
    (await import("./highlights")).applyOwnedHighlights(model, plan);
  }

  async clearHighlights(): Promise<void> {
    const model = await this.exceljs();
    (await import("./highlights")).clearOwnedHighlights(model);
  }

  async writeReportSheet(sheet: ReportSheet): Promise<void> {
    const model = await this.exceljs();
    (await import("./reportSheet")).writeReportSheet(model, sheet);
  }

  async writeSettings(settings: WorkbookSettings): Promise<void> {
    const model = await this.exceljs();
    (await import("./settings")).writeSettings(model, settings);
  }
}
