/**
 * ExcelDouble: an in-memory Excel for tests, benchmarks and browser tests. It offers
 * - `run`, with the signature of Excel.run(options, batch), handing out a strict RequestContext;
 * - `office`, an `Office` stub whose `context.requirements.isSetSupported` follows the configured ExcelApi;
 * - setup helpers (sheets, values, merges, users' conditional formats and fills, tables, names,
 *   protection, cell-edit mode), fault injection on the Nth sync, round-trip and byte counts,
 * - `snapshot()`: the whole workbook as plain data, for equality assertions.
 */
import { columnLetter } from "../../../src/core/address";
import type { ExcelContext, ExcelRun, IsSetSupported, RunOptions } from "../../../src/excel/officeTypes";
import {
  DEFAULT_LIMITS,
  DoubleContext,
  emptyStats,
  type ChangedEvent,
  type ChangedHandler,
  type DoubleHost,
  type DoubleLimits,
  type DoubleStats,
  type Fault,
} from "./context";
import { officeError } from "./errors";
import { WorkbookDouble } from "./proxies";
import {
  boundsAddress,
  cellFor,
  checkSheetName,
  emptyWorkbook,
  findSheetByName,
  getCell,
  liveSheets,
  newSheet,
  parseAddress,
  pruneCell,
  usedBounds,
  type Bounds,
  type CellScalar,
  type CellState,
  type ConditionalFormatState,
  type SheetState,
  type Visibility,
  type WorkbookState,
} from "./state";

export interface ExcelDoubleOptions {
  /** Highest ExcelApi requirement set supported, e.g. "1.12" (no merged areas). Default "1.17". */
  excelApi?: string;
  limits?: Partial<DoubleLimits>;
  displayLanguage?: string;
}

export interface SheetInit {
  /** Values from `at` (default A1): strings, numbers (dates as serials), booleans; "" or null = empty. */
  values?: (CellScalar | null)[][];
  at?: string;
  /** Merged areas, e.g. ["A1:F1"]; cells other than the top-left are cleared, as in Excel. */
  merges?: string[];
  visibility?: Visibility;
  protected?: boolean;
}

export interface UserConditionalFormat {
  type: string;
  range: string;
  formula?: string;
  fill?: string;
  config?: Record<string, unknown>;
}

export interface CellSnapshot {
  v: CellScalar;
  f?: string;
  nf?: string;
  fill?: string;
  bold?: true;
  link?: Record<string, string>;
}

export interface SheetSnapshot {
  name: string;
  visibility: Visibility;
  protected: boolean;
  frozenRows: number;
  columnWidths: Record<string, number>;
  cells: Record<string, CellSnapshot>;
  merges: string[];
  conditionalFormats: {
    type: string;
    range: string;
    formula?: string;
    fill?: string;
    config?: Record<string, unknown>;
  }[];
  tables: { name: string; range: string }[];
}

export interface WorkbookSnapshot {
  activeSheet: string | null;
  structureProtected: boolean;
  sheets: SheetSnapshot[];
  names: { name: string; formula: string }[];
  settings: Record<string, unknown>;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class ExcelDouble implements DoubleHost {
  state: WorkbookState = emptyWorkbook();
  limits: DoubleLimits;
  stats: DoubleStats = emptyStats();
  readonly excelApi: string;
  private faults: Fault[] = [];
  private cellEditWaiters: (() => void)[] = [];
  private coAuthorEdits: { countdown: number; edit: () => void }[] = [];
  /** Cells the add-in's current run changed: onChanged is raised for them once the run returns. */
  private pendingChanges: ChangedEvent[] = [];
  readonly changedHandlers = new Set<ChangedHandler>();
  /** Every onChanged event raised, in order (the add-in's writes and users' edits). */
  readonly changeEvents: ChangedEvent[] = [];

  constructor(options: ExcelDoubleOptions = {}) {
    this.excelApi = options.excelApi ?? "1.17";
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.office = {
      context: {
        requirements: { isSetSupported: this.isSetSupported },
        displayLanguage: options.displayLanguage ?? "zh-CN",
      },
    };
  }

  /** `Office`-shaped stub: `office.context.requirements.isSetSupported("ExcelApi", "1.13")`. */
  readonly office: {
    context: { requirements: { isSetSupported: IsSetSupported }; displayLanguage: string };
  };

  readonly isSetSupported: IsSetSupported = (name, minVersion = "1.1") =>
    name === "ExcelApi" && compareVersions(this.excelApi, minVersion) >= 0;

  requireApi(version: string, what: string): void {
    if (compareVersions(this.excelApi, version) < 0) {
      throw officeError(
        "ApiNotFound",
        `${what} needs ExcelApi ${version}; this Excel supports ${this.excelApi}.`,
        what,
      );
    }
  }

  /** Excel.run(options, batch). Operations left queued when the batch resolves are sent in a final sync. */
  readonly run: ExcelRun = async <T>(options: RunOptions, batch: (context: ExcelContext) => Promise<T>): Promise<T> => {
    this.stats.runs++;
    const ctx = new DoubleContext(this, { ...options });
    ctx.workbook = new WorkbookDouble(ctx);
    try {
      const result = await batch(ctx);
      if (ctx.pending > 0) {
        this.stats.implicitSyncs++;
        await ctx.sync();
      }
      return result;
    } finally {
      ctx.close();
      // Excel raises onChanged for the add-in's own writes too, after its request returned.
      const changes = this.pendingChanges;
      this.pendingChanges = [];
      if (changes.length > 0) setTimeout(() => this.raise(changes), 0);
    }
  };

  // ---- events, co-authors -------------------------------------------------------------------------

  noteChanged(sheetId: string, address: string): void {
    this.pendingChanges.push({
      worksheetId: sheetId,
      address,
      changeType: "RangeEdited",
      source: "Local",
      type: "WorksheetChanged",
    });
  }

  private raise(events: ChangedEvent[]): void {
    for (const event of events) {
      this.changeEvents.push(event);
      for (const handler of [...this.changedHandlers]) void handler(event);
    }
  }

  /** A user types values into a sheet (not through the add-in): the cells change and onChanged is raised. */
  userEdit(sheetName: string, at: string, values: (CellScalar | null)[][]): void {
    this.setValues(sheetName, at, values);
    const sheet = this.sheet(sheetName);
    this.raise([
      { worksheetId: sheet.id, address: at, changeType: "RangeEdited", source: "Local", type: "WorksheetChanged" },
    ]);
  }

  /** onChanged for a sheet with no change to its values (Excel raises it for formats, merges, our own writes…). */
  raiseChanged(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    this.raise([
      { worksheetId: sheet.id, address, changeType: "RangeEdited", source: "Local", type: "WorksheetChanged" },
    ]);
  }

  /** Wait until the onChanged events queued by finished runs have been raised. */
  async settleEvents(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /**
   * A co-author's edit that reaches the workbook just before the nth sync from now (1 = the next): `edit` changes
   * the state, e.g. () => excel.addConditionalFormat(...). Between two of our requests, as in co-authoring.
   */
  coAuthorBeforeSync(nth: number, edit: () => void): void {
    this.coAuthorEdits.push({ countdown: nth, edit });
  }

  takeCoAuthorEdits(): (() => void)[] {
    const due: (() => void)[] = [];
    for (const entry of this.coAuthorEdits) if (--entry.countdown === 0) due.push(entry.edit);
    this.coAuthorEdits = this.coAuthorEdits.filter((entry) => entry.countdown > 0);
    return due;
  }

  /**
   * Excel.run for ExcelPaneSupport (the `Excel` global's shape): run(batch), or run(context, batch) to remove an
   * event handler in the context it was added in (here: a new context; removal needs none).
   */
  paneRunner(): { run: (...args: unknown[]) => Promise<unknown> } {
    return {
      run: (...args: unknown[]) => {
        const batch = (args.length > 1 ? args[1] : args[0]) as (context: ExcelContext) => Promise<unknown>;
        return this.run({}, batch);
      },
    };
  }

  // ---- faults, cell edit ------------------------------------------------------------------------

  /** Fail the nth sync from now (1 = the next) with `code`, after `afterOperations` of its operations ran. */
  failSync(nth: number, code = "ConnectionFailure", afterOperations = 0): void {
    this.faults.push({ countdown: nth, code, afterOperations });
  }

  takeFault(): Fault | null {
    let hit: Fault | null = null;
    for (const fault of this.faults) {
      fault.countdown--;
      if (fault.countdown === 0 && !hit) hit = fault;
    }
    this.faults = this.faults.filter((fault) => fault.countdown > 0);
    return hit;
  }

  /** A user is typing in a cell: syncs fail (or wait, with delayForCellEdit) until endCellEdit(). */
  setCellEditMode(on: boolean): void {
    this.state.cellEditMode = on;
    if (!on) this.endCellEdit();
  }

  endCellEdit(): void {
    this.state.cellEditMode = false;
    const waiters = this.cellEditWaiters;
    this.cellEditWaiters = [];
    for (const resolve of waiters) resolve();
  }

  waitForCellEditEnd(): Promise<void> {
    if (!this.state.cellEditMode) return Promise.resolve();
    return new Promise((resolve) => this.cellEditWaiters.push(resolve));
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  // ---- setup --------------------------------------------------------------------------------------

  sheet(name: string): SheetState {
    const sheet = findSheetByName(this.state, name);
    if (!sheet) throw new Error(`ExcelDouble: no sheet ${name}`);
    return sheet;
  }

  addSheet(name: string, init: SheetInit = {}): SheetState {
    checkSheetName(this.state, name, "ExcelDouble.addSheet");
    const sheet = newSheet(this.state, name);
    if (init.values) this.setValues(name, init.at ?? "A1", init.values);
    for (const merge of init.merges ?? []) this.merge(name, merge);
    if (init.visibility) sheet.visibility = init.visibility;
    if (init.protected) sheet.protected = true;
    return sheet;
  }

  /** Values as Excel holds them (no parsing: strings stay strings). */
  setValues(sheetName: string, at: string, values: (CellScalar | null)[][]): void {
    const sheet = this.sheet(sheetName);
    const origin = parseAddress(at);
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        const r = origin.top + i;
        const c = origin.left + j;
        if (value === null || value === "") {
          const cell = getCell(sheet, r, c);
          if (cell) {
            cell.value = "";
            delete cell.formula;
            pruneCell(sheet, r, c);
          }
          return;
        }
        cellFor(sheet, r, c).value = value;
      }),
    );
  }

  setNumberFormat(sheetName: string, address: string, format: string): void {
    this.eachCell(sheetName, address, (cell) => {
      cell.numberFormat = format;
    });
  }

  setFill(sheetName: string, address: string, color: string): void {
    this.eachCell(sheetName, address, (cell) => {
      cell.fill = color;
    });
  }

  setFormula(sheetName: string, address: string, formula: string, value: CellScalar): void {
    this.eachCell(sheetName, address, (cell) => {
      cell.formula = formula;
      cell.value = value;
    });
  }

  private eachCell(sheetName: string, address: string, apply: (cell: CellState) => void): void {
    const sheet = this.sheet(sheetName);
    const b = parseAddress(address);
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) apply(cellFor(sheet, r, c));
  }

  merge(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const area = parseAddress(address);
    sheet.merges.push(area);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === area.top && c === area.left) continue;
        const cell = getCell(sheet, r, c);
        if (cell) {
          cell.value = "";
          delete cell.formula;
          pruneCell(sheet, r, c);
        }
      }
    }
  }

  addConditionalFormat(sheetName: string, format: UserConditionalFormat): void {
    const state: ConditionalFormatState = { type: format.type, range: parseAddress(format.range) };
    if (format.formula !== undefined) state.formula = format.formula;
    if (format.fill !== undefined) state.fill = format.fill;
    if (format.config !== undefined) state.config = { ...format.config };
    this.sheet(sheetName).conditionalFormats.unshift(state);
  }

  addTable(sheetName: string, name: string, address: string): void {
    this.sheet(sheetName).tables.push({ name, range: parseAddress(address) });
  }

  addName(name: string, formula: string): void {
    this.state.names.push({ name, formula });
  }

  setSetting(key: string, value: unknown): void {
    this.state.settings.set(key, value);
  }

  protectSheet(sheetName: string, on = true): void {
    this.sheet(sheetName).protected = on;
  }

  protectStructure(on = true): void {
    this.state.structureProtected = on;
  }

  activate(sheetName: string): void {
    this.state.activeSheetId = this.sheet(sheetName).id;
  }

  // ---- inspection ---------------------------------------------------------------------------------

  sheetNames(): string[] {
    return liveSheets(this.state).map((sheet) => sheet.name);
  }

  /** Values of a range ("" for empty), for assertions. */
  values(sheetName: string, address?: string): CellScalar[][] {
    const sheet = this.sheet(sheetName);
    const b: Bounds = address ? parseAddress(address) : usedBounds(sheet, true);
    const out: CellScalar[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: CellScalar[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(getCell(sheet, r, c)?.value ?? "");
      out.push(row);
    }
    return out;
  }

  cell(sheetName: string, address: string): CellState | undefined {
    const b = parseAddress(address);
    return getCell(this.sheet(sheetName), b.top, b.left);
  }

  snapshot(): WorkbookSnapshot {
    const sheets = liveSheets(this.state).map((sheet): SheetSnapshot => {
      const cells: Record<string, CellSnapshot> = {};
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell) return;
          const snap: CellSnapshot = { v: cell.value };
          if (cell.formula !== undefined) snap.f = cell.formula;
          if (cell.numberFormat !== undefined && cell.numberFormat !== "General") snap.nf = cell.numberFormat;
          if (cell.fill !== undefined) snap.fill = cell.fill;
          if (cell.bold) snap.bold = true;
          if (cell.hyperlink)
            snap.link = Object.fromEntries(Object.entries(cell.hyperlink).filter(([, v]) => v !== undefined));
          cells[`${columnLetter(c + 1)}${r + 1}`] = snap;
        }),
      );
      return {
        name: sheet.name,
        visibility: sheet.visibility,
        protected: sheet.protected,
        frozenRows: sheet.frozenRows,
        columnWidths: Object.fromEntries(
          [...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetter(c), w]),
        ),
        cells,
        merges: sheet.merges.map(boundsAddress),
        conditionalFormats: sheet.conditionalFormats.map((f) => {
          const snap: SheetSnapshot["conditionalFormats"][number] = { type: f.type, range: boundsAddress(f.range) };
          if (f.formula !== undefined) snap.formula = f.formula;
          if (f.fill !== undefined) snap.fill = f.fill;
          if (f.config !== undefined) snap.config = JSON.parse(JSON.stringify(f.config));
          return snap;
        }),
        tables: sheet.tables.map((t) => ({ name: t.name, range: boundsAddress(t.range) })),
      };
    });
    const active = liveSheets(this.state).find((sheet) => sheet.id === this.state.activeSheetId);
    return {
      activeSheet: active?.name ?? null,
      structureProtected: this.state.structureProtected,
      sheets,
      names: this.state.names
        .map((n) => ({ name: n.name, formula: n.formula }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      settings: Object.fromEntries(
        [...this.state.settings].map(([k, v]) => [k, JSON.parse(JSON.stringify(v ?? null))]),
      ),
    };
  }
}
