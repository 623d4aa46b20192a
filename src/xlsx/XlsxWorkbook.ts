/**
 * WorkbookPort on an .xlsx file held in memory. Reading goes straight from the package's XML into Grids
 * (src/xlsx/scanSheet.ts, no object model); the package parts are inflated on demand within the limits
 * (src/xlsx/limits.ts). No file system here (the caller reads and writes bytes): it runs in Node and in the browser.
 */
import { isOwnedSheet } from "../core/reportNames";
import type { CellValue, Grid } from "../core/types";
import { isReferenceSheet } from "../core/holidays";
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
import { OWNED_DATA_SHEET, OWNED_MARKER, SETTINGS_KEY, type CellLink } from "../app/port";
import { ownedHighlightParts, type OwnedHighlightParts } from "../app/highlightParts";
import { patchCellTexts, type CellTextPatch } from "./cellPatch";
import { PackageEditor } from "./editor";
import { dxfIdsIn, withOwnedRules, withoutOwnedRules } from "./sheetRules";
import { parseCsv } from "./csv";
import { XlsxPackage, type PackageOptions } from "./package";
import { scanSheet } from "./scanSheet";
import { parseSharedStrings } from "./sharedStrings";
import { quoteSheetName, sameSheetName } from "./sheetNames";
import { newWorkbookParts, worksheetXml } from "./sheetWriter";
import { sniff, toBytes } from "./sniff";
import {
  readCellStyles,
  readWorkbookInfo,
  sharedStringsPartName,
  stylesPartName,
  type CellStyles,
  type SheetEntry,
  type SheetState,
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

  /** The workbook as .xlsx bytes: the user's package with only our parts changed. */
  async toBuffer(): Promise<Uint8Array> {
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
    const bytes = this.pkg.bytes(sheet.part!);
    if (bytes === null)
      return { sheet: sheet.name, origin: { row: 1, column: 1 }, values: [], merges: [], hiddenRows: [] };
    return scanSheet(bytes, sheet.name, {
      sharedStrings: () => this.sharedStrings(),
      styles: this.styles(),
      date1904: this.info().date1904,
      limits: this.pkg.limits,
      file: this.pkg.context,
    });
  }

  /** The plan sheet: the named one, else the first visible sheet that is neither ours nor reference data (a unit
   * directory, a holiday schedule). */
  private planSheet(candidates: SheetEntry[], name: string | null | undefined): SheetEntry {
    if (name) {
      const named = this.findWorksheet(name);
      if (!named || isOwnedSheet(named.name)) throw new UserError("sheet.not-found", { sheet: name });
      return named;
    }
    const plans = candidates.filter((s) => !isReferenceSheet(s.name));
    return plans.find((s) => s.state === "visible") ?? plans[0] ?? candidates[0];
  }

  /** Every sheet is read whole (number formats of every column), so column overrides need nothing here. */
  async readGrids(options: ReadGridsOptions = {}): Promise<WorkbookGrids> {
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
    const sheet = this.findWorksheet(SETTINGS_SHEET);
    if (!sheet) return {};
    const grid = this.readSheet(sheet);
    const at = (row: number, column: number): CellValue =>
      grid.values[row - grid.origin.row]?.[column - grid.origin.column] ?? "";
    if (at(1, 1) !== SETTINGS_KEY) return {};
    const json = at(1, 2);
    return typeof json === "string" ? sanitizeSettings(json) : {};
  }

  // ---- Writing: the package is patched; only what we own changes ---------------------------------------

  private editor(): PackageEditor {
    return new PackageEditor(this.pkg);
  }

  /** After a write: what was read from the package may have changed. */
  private changed(): void {
    this.infoCache = null;
    this.stylesCache = null;
    this.grids.clear();
  }

  /** Replace our highlights with these parts (adapter-neutral, src/app/highlightParts.ts). */
  async writeHighlightParts(parts: OwnedHighlightParts): Promise<void> {
    const target = this.findWorksheet(parts.sheet);
    if (!target) throw new UserError("sheet.not-found", { sheet: parts.sheet });
    const editor = this.editor();
    this.removeOwnedRules();
    // The data sheet: rewritten in place when there is one, so re-running keeps the sheet order.
    this.writeOwnedSheetXml(parts.dataSheet, "veryHidden", worksheetXml({ rows: parts.data }));
    const dxfIds = parts.rules.map((rule) => editor.ensureDxf(dxfOf(rule.fill)));
    const planPart = this.findWorksheet(parts.sheet)!.part!;
    const xml = this.pkg.text(planPart)!;
    this.pkg.setText(
      planPart,
      withOwnedRules(
        xml,
        parts.ref,
        parts.rules.map((rule, i) => ({ formula: rule.formula, dxfId: dxfIds[i] })),
      ),
    );
    editor.setOwnedNames(parts.names);
    this.changed();
  }

  async applyHighlights(plan: HighlightPlan): Promise<void> {
    const { firstRow, lastRow, firstColumn, lastColumn } = plan.body;
    if (!(firstRow >= 1 && lastRow >= firstRow && firstColumn >= 1 && lastColumn >= firstColumn)) {
      throw new UserError("unexpected", { detail: `invalid highlight range ${JSON.stringify(plan.body)}` });
    }
    if (!this.findWorksheet(plan.sheet)) throw new UserError("sheet.not-found", { sheet: plan.sheet });
    await this.writeHighlightParts(ownedHighlightParts(plan));
  }

  /** Remove our rules from every sheet; the dxfs they used (if nothing else uses them). */
  private removeOwnedRules(): number[] {
    const dxfIds: number[] = [];
    for (const sheet of this.info().sheets) {
      if (!sheet.part) continue;
      const xml = this.pkg.text(sheet.part);
      if (xml === null || !xml.includes(OWNED_MARKER)) continue;
      const result = withoutOwnedRules(xml);
      if (result.removed > 0 || result.dxfIds.length > 0) {
        this.pkg.setText(sheet.part, result.xml);
        dxfIds.push(...result.dxfIds);
      }
    }
    return dxfIds;
  }

  async clearHighlights(): Promise<void> {
    const editor = this.editor();
    const stylesXml = this.pkg.text(stylesPartName(this.info())) ?? "";
    const removed = this.removeOwnedRules();
    editor.setOwnedNames([]);
    const data = this.findWorksheet(OWNED_DATA_SHEET);
    if (data && data.part) editor.removeSheet(data);
    this.changed();
    if (removed.length > 0) {
      // The dxfs our rules used, removed when they are the last ones and nothing else refers to them.
      const dxfs = [...stylesXml.matchAll(/<(?:[\w.-]+:)?dxf>[\s\S]*?<\/(?:[\w.-]+:)?dxf>/g)].map((m) => m[0]);
      const candidates = [...new Set(removed)].map((id) =>
        dxfs[id]?.replace(/^<(?:[\w.-]+:)?dxf>|<\/(?:[\w.-]+:)?dxf>$/g, ""),
      );
      editor.removeTrailingDxfs(
        candidates.filter((c): c is string => c !== undefined),
        this.referencedDxfIds(),
      );
    }
    this.changed();
  }

  /** dxfIds used by any part but the styles' own list (rules, tables, pivot tables, table styles). */
  private referencedDxfIds(): Set<number> {
    const ids = new Set<number>();
    for (const name of this.pkg.names()) {
      if (!/\.xml$/i.test(name)) continue;
      const xml = this.pkg.text(name);
      if (xml && xml.includes("dxfId")) for (const id of dxfIdsIn(xml)) ids.add(id);
    }
    return ids;
  }

  // ---- Owned sheets --------------------------------------------------------------------------------------

  /** Sheets we created, by sheetId -> kind (kept in the settings sheet, row 2). */
  private ownedRegistry(): Map<number, string> {
    const grid = this.readSheetNamed(SETTINGS_SHEET);
    const registry = new Map<number, string>();
    if (!grid) return registry;
    const at = (row: number, column: number): CellValue =>
      grid.values[row - grid.origin.row]?.[column - grid.origin.column] ?? "";
    if (at(2, 1) !== OWNED_SHEETS_KEY) return registry;
    try {
      const parsed = JSON.parse(String(at(2, 2))) as Record<string, unknown>;
      for (const [id, kind] of Object.entries(parsed)) {
        if (typeof kind === "string" && Number.isInteger(Number(id))) registry.set(Number(id), kind);
      }
    } catch {
      // A damaged registry: nothing is ours but what the names say.
    }
    return registry;
  }

  /** The settings sheet's rows: the settings as JSON (null: keep the saved ones), the owned-sheets marker. */
  private settingsRows(settingsJson: string | null, registry: Map<number, string>): CellValue[][] {
    const rows: CellValue[][] = [[SETTINGS_KEY, settingsJson ?? this.currentSettingsJson()]];
    if (registry.size > 0)
      rows.push([OWNED_SHEETS_KEY, JSON.stringify(Object.fromEntries([...registry].sort((a, b) => a[0] - b[0])))]);
    return rows;
  }

  private currentSettingsJson(): string {
    const grid = this.readSheetNamed(SETTINGS_SHEET);
    const value = grid && grid.origin.row === 1 && grid.origin.column === 1 ? grid.values[0]?.[1] : undefined;
    return typeof value === "string" ? value : JSON.stringify({});
  }

  /** Write (or rewrite in place) a sheet of ours known by its name (fengong_…). */
  private writeOwnedSheetXml(name: string, state: SheetState, xml: string): number {
    const editor = this.editor();
    const existing = this.findWorksheet(name);
    if (existing && existing.part) {
      editor.replaceSheet(existing, xml, name, state);
      this.changed();
      return existing.sheetId;
    }
    const id = editor.addSheet(name, state, xml);
    this.changed();
    return id;
  }

  /**
   * Write one sheet we own, whole: a very hidden fengong_… sheet (known by its name), or a visible sheet of a
   * kind (findings, totals, an assessment…), known by the marker we keep for the sheets we created. A user's
   * sheet with the same name is never touched: ours goes beside it as "name (2)".
   */
  async writeOwnedSheet(spec: OwnedSheetSpec): Promise<string> {
    const editor = this.editor();
    const styles = {
      header: spec.boldHeader ? () => editor.ensureCellStyle({ bold: true }) : null,
      link: () => editor.ensureCellStyle({ link: true }),
      text: () => editor.ensureCellStyle({ numberFormat: "@" }),
    };
    const cache = new Map<string, number>();
    const styleFor = (key: string, make: () => number) => {
      let id = cache.get(key);
      if (id === undefined) cache.set(key, (id = make()));
      return id;
    };
    const links = new Map<string, string>();
    for (const link of spec.links ?? [])
      links.set(`${link.row}:${link.column}`, `${quoteSheetName(link.sheet)}!${link.address}`);
    const xml = worksheetXml({
      rows: spec.rows,
      links,
      columnWidths: spec.columnWidths,
      freezeHeader: spec.boldHeader,
      styleOf: (r, c, value) => {
        if (links.has(`${r}:${c}`)) return styleFor("link", styles.link);
        if (r === 0 && styles.header) return styleFor("header", styles.header);
        const format = spec.numberFormats?.[r]?.[c];
        if (format) return styleFor(`fmt:${format}`, () => editor.ensureCellStyle({ numberFormat: format }));
        if (typeof value === "string" && FORMULA_LIKE.test(value)) return styleFor("text", styles.text);
        return undefined;
      },
    });
    if (isOwnedSheet(spec.name) && spec.name.startsWith(OWNED_MARKER)) {
      this.writeOwnedSheetXml(spec.name, spec.state ?? "veryHidden", xml);
      return spec.name;
    }
    const kind = spec.kind ?? spec.name;
    const registry = this.ownedRegistry();
    const sheets = this.info().sheets;
    const ours = sheets.find((s) => registry.get(s.sheetId) === kind && s.part);
    const state = spec.state ?? "visible";
    if (ours) {
      const name = freeSheetName(
        spec.name,
        sheets.filter((s) => s !== ours).map((s) => s.name),
      );
      editor.replaceSheet(ours, xml, name, state);
      this.changed();
      return name;
    }
    const name = freeSheetName(
      spec.name,
      sheets.map((s) => s.name),
    );
    const id = editor.addSheet(name, state, xml);
    this.changed();
    registry.set(id, kind);
    // Ours from now on: the marker, keyed by the new sheet's id.
    this.writeOwnedSheetXml(SETTINGS_SHEET, "veryHidden", worksheetXml({ rows: this.settingsRows(null, registry) }));
    return name;
  }

  async writeReportSheet(sheet: ReportSheet): Promise<string> {
    // ReportSheet.numberFormats is one format per column, for the rows below the header.
    const columnFormats = sheet.numberFormats;
    return this.writeOwnedSheet({
      kind: sheet.kind,
      name: sheet.name,
      state: "visible",
      rows: sheet.rows,
      links: sheet.links,
      columnWidths: sheet.columnWidths,
      numberFormats: columnFormats ? sheet.rows.map((_, r) => (r === 0 ? undefined : columnFormats)) : undefined,
      boldHeader: true,
    });
  }

  async writeSettings(settings: WorkbookSettings): Promise<void> {
    const rows = this.settingsRows(JSON.stringify(sanitizeSettings(settings)), this.ownedRegistry());
    this.writeOwnedSheetXml(SETTINGS_SHEET, "veryHidden", worksheetXml({ rows }));
  }

  /** The rows of a very hidden sheet of ours (fengong_…), from A1; null when there is none. */
  async readOwnedRows(sheet: string): Promise<CellValue[][] | null> {
    if (!sheet.startsWith(OWNED_MARKER)) return null;
    const grid = this.readSheetNamed(sheet);
    if (!grid) return null;
    const rows: CellValue[][] = [];
    grid.values.forEach((values, r) => {
      rows[grid.origin.row - 1 + r] = [...new Array<CellValue>(grid.origin.column - 1).fill(""), ...values];
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    // The rows as written: a grid is rectangular, our rows are not (trailing empty cells dropped).
    for (const row of rows)
      while (row.length > 0 && (row[row.length - 1] === "" || row[row.length - 1] === null)) row.pop();
    return rows;
  }

  /** Replace a very hidden sheet of ours (fengong_…) with these rows (strings stay text). */
  async writeOwnedRows(sheet: string, rows: CellValue[][]): Promise<void> {
    if (!sheet.startsWith(OWNED_MARKER)) throw new UserError("unexpected", { detail: `not an owned sheet: ${sheet}` });
    this.writeOwnedSheetXml(sheet, "veryHidden", worksheetXml({ rows }));
  }

  /** Write text into cells of a user's sheet (the merge's feedback cells): values only, styles kept. */
  async writeCells(sheet: string, cells: readonly CellTextPatch[]): Promise<void> {
    const entry = this.findWorksheet(sheet);
    if (!entry || !entry.part) throw new UserError("sheet.not-found", { sheet });
    const xml = this.pkg.text(entry.part)!;
    this.pkg.setText(entry.part, patchCellTexts(xml, cells));
    this.changed();
  }
}

/** Text that Excel would take for a formula if typed: kept as text, and marked as text ("@"). */
const FORMULA_LIKE = /^[=+\-@]/;

/** Key of the owned-sheets marker in the settings sheet (row 2). */
export const OWNED_SHEETS_KEY = "fengong.ownedSheets";

/** One sheet we own, written whole. */
export interface OwnedSheetSpec {
  /** Sheet name; "fengong_…" names are ours by name (very hidden by default). */
  name: string;
  /** The kind of a visible owned sheet ("findings", "totals", "assessment"…): one sheet per kind. */
  kind?: string;
  state?: SheetState;
  rows: readonly (readonly CellValue[])[];
  links?: readonly CellLink[];
  columnWidths?: readonly number[];
  /** Number formats by 0-based row and column ("0.0%", "yyyy-mm-dd"). */
  numberFormats?: readonly (readonly (string | null | undefined)[] | undefined)[];
  /** Bold, frozen first row. */
  boldHeader?: boolean;
}

/** "问题清单", else "问题清单 (2)", "问题清单 (3)"… (Excel's own way), within 31 characters. */
function freeSheetName(name: string, taken: readonly string[]): string {
  const used = (candidate: string) => taken.some((t) => sameSheetName(t, candidate));
  if (!used(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!used(candidate)) return candidate;
  }
}

/** A dxf that fills with a colour ("#F8CBAD"). */
function dxfOf(fill: string): string {
  const rgb = `FF${fill.replace(/^#/, "").toUpperCase()}`;
  return `<fill><patternFill patternType="solid"><bgColor rgb="${rgb}"/></patternFill></fill>`;
}
