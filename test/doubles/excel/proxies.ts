/**
 * Proxies of the Excel double: the Office.js object model subset of src/excel/officeTypes.ts.
 *
 * - Reading a scalar property before load(...) + sync() throws PropertyNotLoaded; so does reading
 *   `items` of a collection that was not loaded, and `isNullObject` before a sync resolved the object.
 * - Methods and property writes queue operations that run at sync, in order.
 * - Objects returned by getItem/getRange/add are bound when their operation runs; conditional formats
 *   obtained from a loaded collection are positional (Office.js ids are positions), so deleting them in
 *   ascending order within one batch deletes the wrong ones — as it would risk doing in Excel.
 * - Writes to a protected sheet's cells and conditional formats throw AccessDenied; adding, deleting,
 *   renaming or hiding sheets under workbook structure protection throws AccessDenied.
 */
import type * as X from "../../../src/excel/officeTypes";
import { applyValueInput } from "./cellInput";
import { newProxyId, type ChangedHandler, type DoubleContext } from "./context";
import { notLoaded, officeError } from "./errors";
import {
  boundsAddress,
  cellCount,
  cellFor,
  cellsIn,
  checkBounds,
  checkSheetName,
  columnCount,
  contains,
  findSheetByKey,
  findSheetByName,
  getCell,
  intersects,
  liveSheets,
  MAX_COLUMNS,
  MAX_ROWS,
  newSheet,
  parseAddress,
  pruneCell,
  quoteSheet,
  rowCount,
  usedBounds as usedBoundsOf,
  visibleCount,
  type Bounds,
  type ConditionalFormatState,
  type NameState,
  type SheetState,
  type TableState,
  type Visibility,
  type WorkbookState,
} from "./state";

type Getters<T> = Record<string, (target: T) => unknown>;

function parseLoad(names: string, type: string): string[] {
  if (typeof names !== "string" || names.trim() === "") {
    // Office.js would load every property (slow, and a habit we forbid): the double refuses.
    throw officeError("InvalidArgument", `${type}.load() needs property names`, `${type}.load`);
  }
  return names
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

abstract class Proxy<T> {
  readonly proxyId = newProxyId();
  private _resolved = false;
  private _bound: T | null = null;
  private _nullKnown: boolean | undefined;
  protected readonly _loaded = new Map<string, unknown>();
  private _children = new Map<string, unknown>();

  constructor(
    readonly ctx: DoubleContext,
    readonly typeName: string,
    private readonly resolver: () => T | null,
    private readonly positional = false,
  ) {}

  protected abstract getters(): Getters<T>;

  /** True when a bound object has since been deleted. */
  protected gone(_target: T): boolean {
    return false;
  }

  get state(): WorkbookState {
    return this.ctx.host.state;
  }

  /** Resolve the object while a batch executes: bound once (positional items: every time). */
  resolve(): T | null {
    let value: T | null;
    if (this._resolved && !this.positional) value = this._bound;
    else {
      value = this.resolver();
      this._resolved = true;
      this._bound = value;
    }
    if (value !== null && this.gone(value)) {
      throw officeError("ItemNotFound", `The ${this.typeName} no longer exists.`, this.typeName);
    }
    const isNull = value === null;
    this.ctx.current?.add(null, () => {
      this._nullKnown = isNull;
    });
    return value;
  }

  target(location: string): T {
    const value = this.resolve();
    if (value === null) throw officeError("ItemNotFound", `The ${this.typeName} is a null object.`, location);
    return value;
  }

  get isNullObject(): boolean {
    if (this._nullKnown === undefined) throw notLoaded(this.typeName, "isNullObject");
    return this._nullKnown;
  }

  load(names: string): this {
    const props = parseLoad(names, this.typeName);
    const getters = this.getters();
    for (const prop of props) {
      if (!(prop in getters)) {
        throw officeError(
          "InvalidArgument",
          `The double cannot load '${prop}' of ${this.typeName}.`,
          `${this.typeName}.load`,
        );
      }
    }
    this.ctx.enqueue({
      wire: ["load", this.proxyId, props],
      run: (response) => {
        const target = this.resolve();
        if (target === null) return;
        const data: Record<string, unknown> = {};
        for (const prop of props) data[prop] = getters[prop](target);
        response.add(data, () => this.preload(data));
      },
    });
    return this;
  }

  /** Values of loaded properties (items of a loaded collection arrive this way). */
  preload(data: Record<string, unknown>, nullKnown?: boolean): void {
    for (const [key, value] of Object.entries(data)) this._loaded.set(key, value);
    if (nullKnown !== undefined) this._nullKnown = nullKnown;
  }

  protected read<V>(prop: string): V {
    if (!this._loaded.has(prop)) throw notLoaded(this.typeName, prop);
    return this._loaded.get(prop) as V;
  }

  /** Queue an operation on this object. */
  protected queue(what: string, args: unknown[], apply: (target: T) => void): void {
    const location = `${this.typeName}.${what}`;
    this.ctx.enqueue({ wire: [what, this.proxyId, ...args], run: () => apply(this.target(location)) });
  }

  /** Queue the operation that binds a proxy returned by a method (getItem, getRange, ...). */
  protected bind<P extends { resolve(): unknown }>(child: P, what: string, args: unknown[]): P {
    this.ctx.enqueue({ wire: [what, this.proxyId, ...args], run: () => void child.resolve() });
    return child;
  }

  /** The same navigation-property proxy on every access. */
  protected nav<P>(key: string, make: () => P): P {
    if (!this._children.has(key)) this._children.set(key, make());
    return this._children.get(key) as P;
  }
}

abstract class Collection<T, E, P extends Proxy<E>> extends Proxy<T> {
  private itemList: P[] | undefined;

  protected abstract elements(target: T): E[];
  protected abstract itemGetters(): Getters<E>;
  protected abstract makeItem(element: E, index: number): P;

  protected getters(): Getters<T> {
    return {};
  }

  get items(): P[] {
    if (!this.itemList) throw notLoaded(this.typeName, "items");
    return this.itemList;
  }

  override load(names: string): this {
    const props = parseLoad(names, this.typeName)
      .map((name) => (name.startsWith("items/") ? name.slice("items/".length) : name))
      .filter((name) => name !== "items");
    const getters = this.itemGetters();
    for (const prop of props) {
      if (!(prop in getters)) {
        throw officeError(
          "InvalidArgument",
          `The double cannot load 'items/${prop}' of ${this.typeName}.`,
          `${this.typeName}.load`,
        );
      }
    }
    this.ctx.enqueue({
      wire: ["load", this.proxyId, props],
      run: (response) => {
        const target = this.target(`${this.typeName}.load`);
        const elements = this.elements(target);
        const data = elements.map((element) => Object.fromEntries(props.map((prop) => [prop, getters[prop](element)])));
        response.add(data, () => {
          this.itemList = elements.map((element, index) => {
            const item = this.makeItem(element, index);
            item.preload(data[index], false);
            return item;
          });
        });
      },
    });
    return this;
  }
}

// ---- protection checks ----------------------------------------------------------------------------

function checkSheetWritable(sheet: SheetState, location: string): void {
  if (sheet.protected) throw officeError("AccessDenied", `The sheet "${sheet.name}" is protected.`, location);
}

function checkStructure(state: WorkbookState, location: string): void {
  if (state.structureProtected) throw officeError("AccessDenied", "The workbook structure is protected.", location);
}

function sheetRefPattern(name: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:'${escape(name.replace(/'/g, "''"))}'|${escape(name)})!`, "gi");
}

// ---- workbook -----------------------------------------------------------------------------------

export class WorkbookDouble extends Proxy<WorkbookState> implements X.WorkbookProxy {
  constructor(ctx: DoubleContext) {
    super(ctx, "Workbook", () => ctx.host.state);
  }
  protected getters(): Getters<WorkbookState> {
    return {};
  }
  get worksheets(): WorksheetCollectionDouble {
    return this.nav("worksheets", () => new WorksheetCollectionDouble(this.ctx));
  }
  get names(): NamedItemCollectionDouble {
    return this.nav("names", () => new NamedItemCollectionDouble(this.ctx));
  }
  get settings(): SettingCollectionDouble {
    this.ctx.host.requireApi("1.4", "Workbook.settings");
    return this.nav("settings", () => new SettingCollectionDouble(this.ctx));
  }
  get protection(): ProtectionDouble<WorkbookState> {
    this.ctx.host.requireApi("1.7", "Workbook.protection");
    return this.nav(
      "protection",
      () =>
        new ProtectionDouble<WorkbookState>(
          this.ctx,
          "WorkbookProtection",
          () => this.state,
          (s) => s.structureProtected,
        ),
    );
  }
  get tables(): TableCollectionDouble {
    return this.nav("tables", () => new TableCollectionDouble(this.ctx, () => liveSheets(this.state)));
  }
}

export class ProtectionDouble<T> extends Proxy<T> implements X.ProtectionProxy {
  constructor(
    ctx: DoubleContext,
    type: string,
    resolver: () => T | null,
    private readonly isProtected: (target: T) => boolean,
  ) {
    super(ctx, type, resolver);
  }
  protected getters(): Getters<T> {
    return { protected: this.isProtected };
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

// ---- worksheets ---------------------------------------------------------------------------------

export class WorksheetCollectionDouble
  extends Collection<WorkbookState, SheetState, WorksheetDouble>
  implements X.WorksheetCollectionProxy
{
  constructor(ctx: DoubleContext) {
    super(ctx, "WorksheetCollection", () => ctx.host.state);
  }
  protected elements(state: WorkbookState): SheetState[] {
    return liveSheets(state);
  }
  protected itemGetters(): Getters<SheetState> {
    return worksheetGetters(this.state);
  }
  protected makeItem(sheet: SheetState): WorksheetDouble {
    return new WorksheetDouble(this.ctx, () => sheet);
  }

  getItem(key: string): WorksheetDouble {
    const sheet = new WorksheetDouble(this.ctx, () => {
      const found = findSheetByKey(this.state, key);
      if (!found)
        throw officeError(
          "ItemNotFound",
          `The requested resource doesn't exist: ${key}`,
          "WorksheetCollection.getItem",
        );
      return found;
    });
    return this.bind(sheet, "getItem", [key]);
  }

  getItemOrNullObject(key: string): WorksheetDouble {
    const sheet = new WorksheetDouble(this.ctx, () => findSheetByKey(this.state, key) ?? null);
    return this.bind(sheet, "getItemOrNullObject", [key]);
  }

  /** worksheets.onChanged: handlers get { worksheetId, address, changeType, source } after a run that changed cells
   * returns (the add-in's own writes included, as Excel does) and on users' edits (ExcelDouble.userEdit). */
  get onChanged(): { add(handler: ChangedHandler): { context: DoubleContext; remove(): void } } {
    const ctx = this.ctx;
    return {
      add: (handler: ChangedHandler) => {
        ctx.enqueue({ wire: ["worksheets.onChanged.add"], run: () => ctx.host.changedHandlers.add(handler) });
        return { context: ctx, remove: () => void ctx.host.changedHandlers.delete(handler) };
      },
    };
  }

  getActiveWorksheet(): WorksheetDouble {
    const sheet = new WorksheetDouble(this.ctx, () => {
      const active = liveSheets(this.state).find((s) => s.id === this.state.activeSheetId);
      if (!active) throw officeError("ItemNotFound", "No active worksheet.", "WorksheetCollection.getActiveWorksheet");
      return active;
    });
    return this.bind(sheet, "getActiveWorksheet", []);
  }

  add(name?: string): WorksheetDouble {
    let created: SheetState | null = null;
    const sheet = new WorksheetDouble(this.ctx, () => {
      if (!created) throw officeError("ItemNotFound", "The sheet was not added.", "WorksheetCollection.add");
      return created;
    });
    this.queue("add", [name ?? null], (state) => {
      checkStructure(state, "WorksheetCollection.add");
      let sheetName = name;
      if (sheetName === undefined) {
        let n = liveSheets(state).length + 1;
        while (findSheetByName(state, `Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      checkSheetName(state, sheetName, "WorksheetCollection.add");
      created = newSheet(state, sheetName);
    });
    return sheet;
  }
}

function worksheetGetters(state: WorkbookState): Getters<SheetState> {
  return {
    name: (s) => s.name,
    id: (s) => s.id,
    visibility: (s) => s.visibility,
    position: (s) => liveSheets(state).indexOf(s),
  };
}

export class WorksheetDouble extends Proxy<SheetState> implements X.WorksheetProxy {
  constructor(ctx: DoubleContext, resolver: () => SheetState | null) {
    super(ctx, "Worksheet", resolver);
  }
  protected getters(): Getters<SheetState> {
    return worksheetGetters(this.state);
  }
  protected override gone(sheet: SheetState): boolean {
    return sheet.deleted;
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.queue("name", [value], (sheet) => {
      checkStructure(this.state, "Worksheet.name");
      checkSheetName(this.state, value, "Worksheet.name", sheet);
      const pattern = sheetRefPattern(sheet.name);
      for (const name of this.state.names) name.formula = name.formula.replace(pattern, `${quoteSheet(value)}!`);
      sheet.name = value;
    });
  }
  get id(): string {
    return this.read("id");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: string) {
    this.queue("visibility", [value], (sheet) => {
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") {
        throw officeError("InvalidArgument", `Bad visibility ${value}`, "Worksheet.visibility");
      }
      if (value === sheet.visibility) return;
      checkStructure(this.state, "Worksheet.visibility");
      if (sheet.visibility === "Visible" && visibleCount(this.state) <= 1) {
        throw officeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
          "Worksheet.visibility",
        );
      }
      sheet.visibility = value as Visibility;
      if (value !== "Visible" && this.state.activeSheetId === sheet.id) {
        this.state.activeSheetId = liveSheets(this.state).find((s) => s.visibility === "Visible")?.id ?? null;
      }
    });
  }
  get protection(): ProtectionDouble<SheetState> {
    return this.nav(
      "protection",
      () =>
        new ProtectionDouble<SheetState>(
          this.ctx,
          "WorksheetProtection",
          () => this.target("Worksheet.protection"),
          (s) => s.protected,
        ),
    );
  }
  get freezePanes(): { freezeRows(count?: number): void } {
    this.ctx.host.requireApi("1.7", "Worksheet.freezePanes");
    return {
      freezeRows: (count?: number) =>
        this.queue("freezeRows", [count ?? 1], (sheet) => {
          sheet.frozenRows = count ?? 1;
        }),
    };
  }
  get tables(): TableCollectionDouble {
    return this.nav("tables", () => new TableCollectionDouble(this.ctx, () => [this.target("Worksheet.tables")]));
  }

  private range(what: string, args: unknown[], bounds: (sheet: SheetState) => Bounds): RangeDouble {
    const range = new RangeDouble(this.ctx, () => {
      const sheet = this.target(`Worksheet.${what}`);
      const b = bounds(sheet);
      checkBounds(b, `Worksheet.${what}`);
      return { sheet, bounds: b };
    });
    return this.bind(range, what, args);
  }

  getRange(address?: string): RangeDouble {
    return this.range("getRange", [address ?? null], () =>
      address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS } : parseAddress(address),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rows: number, columns: number): RangeDouble {
    this.ctx.host.requireApi("1.7", "Worksheet.getRangeByIndexes");
    return this.range("getRangeByIndexes", [startRow, startColumn, rows, columns], () => ({
      top: startRow + 1,
      left: startColumn + 1,
      bottom: startRow + rows,
      right: startColumn + columns,
    }));
  }

  getUsedRange(valuesOnly?: boolean): RangeDouble {
    return this.range("getUsedRange", [valuesOnly ?? false], (sheet) => usedBoundsOf(sheet, valuesOnly ?? false));
  }

  delete(): void {
    this.queue("delete", [], (sheet) => {
      checkStructure(this.state, "Worksheet.delete");
      if (sheet.visibility === "Visible" && visibleCount(this.state) <= 1) {
        throw officeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
          "Worksheet.delete",
        );
      }
      sheet.deleted = true;
      this.state.sheets = this.state.sheets.filter((s) => s !== sheet);
      const pattern = sheetRefPattern(sheet.name);
      for (const name of this.state.names) {
        name.formula = name.formula.replace(
          new RegExp(`${pattern.source}\\$?[A-Z]*\\$?[0-9]*(:\\$?[A-Z]*\\$?[0-9]*)?`, "gi"),
          "#REF!",
        );
      }
      if (this.state.activeSheetId === sheet.id) {
        this.state.activeSheetId = liveSheets(this.state).find((s) => s.visibility === "Visible")?.id ?? null;
      }
    });
  }
}

// ---- ranges -------------------------------------------------------------------------------------

export interface RangeTarget {
  sheet: SheetState;
  bounds: Bounds;
}

function checkShape(input: unknown, bounds: Bounds, location: string): unknown[][] {
  const ok =
    Array.isArray(input) &&
    input.length === rowCount(bounds) &&
    input.every((row) => Array.isArray(row) && row.length === columnCount(bounds));
  if (!ok) {
    throw officeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      location,
    );
  }
  return input as unknown[][];
}

export class RangeDouble extends Proxy<RangeTarget> implements X.RangeProxy {
  constructor(ctx: DoubleContext, resolver: () => RangeTarget | null) {
    super(ctx, "Range", resolver);
  }
  protected override gone(target: RangeTarget): boolean {
    return target.sheet.deleted;
  }
  protected getters(): Getters<RangeTarget> {
    const limit = this.ctx.host.limits.cellsPerRead;
    const grid = <V>(t: RangeTarget, cell: (row: number, column: number) => V): V[][] => {
      if (cellCount(t.bounds) > limit)
        throw officeError("RangeExceedsLimit", "The range is too large to read.", "Range.load");
      const out: V[][] = [];
      for (let r = t.bounds.top; r <= t.bounds.bottom; r++) {
        const row: V[] = [];
        for (let c = t.bounds.left; c <= t.bounds.right; c++) row.push(cell(r, c));
        out.push(row);
      }
      return out;
    };
    return {
      values: (t) => grid(t, (r, c) => getCell(t.sheet, r, c)?.value ?? ""),
      numberFormat: (t) => grid(t, (r, c) => getCell(t.sheet, r, c)?.numberFormat ?? "General"),
      address: (t) => `${quoteSheet(t.sheet.name)}!${boundsAddress(t.bounds)}`,
      rowIndex: (t) => t.bounds.top - 1,
      columnIndex: (t) => t.bounds.left - 1,
      rowCount: (t) => rowCount(t.bounds),
      columnCount: (t) => columnCount(t.bounds),
      hyperlink: (t) => getCell(t.sheet, t.bounds.top, t.bounds.left)?.hyperlink ?? null,
    };
  }

  get values(): unknown[][] {
    return this.read("values");
  }
  set values(input: unknown[][]) {
    this.queue("values", [input], (t) => {
      checkSheetWritable(t.sheet, "Range.values");
      const rows = checkShape(input, t.bounds, "Range.values");
      this.ctx.host.noteChanged(t.sheet.id, boundsAddress(t.bounds));
      rows.forEach((row, i) =>
        row.forEach((value, j) => {
          const r = t.bounds.top + i;
          const c = t.bounds.left + j;
          applyValueInput(cellFor(t.sheet, r, c), value, "Range.values");
          pruneCell(t.sheet, r, c);
        }),
      );
    });
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this.queue("numberFormat", [input], (t) => {
      checkSheetWritable(t.sheet, "Range.numberFormat");
      const rows = checkShape(input, t.bounds, "Range.numberFormat");
      rows.forEach((row, i) =>
        row.forEach((format, j) => {
          if (format === null) return;
          if (typeof format !== "string")
            throw officeError("InvalidArgument", "A number format is a string.", "Range.numberFormat");
          const r = t.bounds.top + i;
          const c = t.bounds.left + j;
          const cell = cellFor(t.sheet, r, c);
          if (format === "General") delete cell.numberFormat;
          else cell.numberFormat = format;
          pruneCell(t.sheet, r, c);
        }),
      );
    });
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get hyperlink(): X.RangeHyperlinkValue {
    return this.read("hyperlink");
  }
  set hyperlink(link: X.RangeHyperlinkValue) {
    this.ctx.host.requireApi("1.7", "Range.hyperlink");
    this.queue("hyperlink", [link], (t) => {
      checkSheetWritable(t.sheet, "Range.hyperlink");
      if (cellCount(t.bounds) > 10_000)
        throw officeError("InvalidArgument", "Hyperlink on a huge range.", "Range.hyperlink");
      for (let r = t.bounds.top; r <= t.bounds.bottom; r++) {
        for (let c = t.bounds.left; c <= t.bounds.right; c++) {
          const cell = cellFor(t.sheet, r, c);
          cell.hyperlink = { ...link };
          if (link.textToDisplay !== undefined) {
            cell.value = link.textToDisplay;
            delete cell.formula;
          }
        }
      }
    });
  }
  get format(): { readonly font: { bold: boolean }; columnWidth: number } {
    return this.nav("format", () => new RangeFormatDouble(this.ctx, () => this.target("Range.format")));
  }
  get conditionalFormats(): ConditionalFormatCollectionDouble {
    this.ctx.host.requireApi("1.6", "Range.conditionalFormats");
    return this.nav(
      "conditionalFormats",
      () => new ConditionalFormatCollectionDouble(this.ctx, () => this.target("Range.conditionalFormats")),
    );
  }

  getMergedAreasOrNullObject(): RangeAreasDouble {
    this.ctx.host.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    const areas = new RangeAreasDouble(this.ctx, () => {
      const t = this.target("Range.getMergedAreasOrNullObject");
      // Only areas whose top-left cell lies in the range (office-js#3611: by design); whole or cut at the
      // range's edge (limits.clipMergedAreas: undocumented, #1590).
      const found = t.sheet.merges.filter((m) => contains(t.bounds, m.top, m.left));
      const { mergedAreas, mergedAreasErrorCode } = this.ctx.host.limits;
      if (found.length > mergedAreas) {
        throw officeError(
          mergedAreasErrorCode,
          `More than ${mergedAreas} merged areas.`,
          "Range.getMergedAreasOrNullObject",
        );
      }
      const clip = this.ctx.host.limits.clipMergedAreas;
      const areas = found.map((m) =>
        clip
          ? {
              top: m.top,
              left: m.left,
              bottom: Math.min(m.bottom, t.bounds.bottom),
              right: Math.min(m.right, t.bounds.right),
            }
          : { ...m },
      );
      return found.length === 0 ? null : { sheet: t.sheet, areas };
    });
    return this.bind(areas, "getMergedAreasOrNullObject", []);
  }

  private derived(what: string, args: unknown[], bounds: (b: Bounds) => Bounds): RangeDouble {
    const range = new RangeDouble(this.ctx, () => {
      const t = this.target(`Range.${what}`);
      const b = bounds(t.bounds);
      checkBounds(b, `Range.${what}`);
      return { sheet: t.sheet, bounds: b };
    });
    return this.bind(range, what, args);
  }

  getRow(row: number): RangeDouble {
    return this.derived("getRow", [row], (b) => {
      if (!Number.isInteger(row) || row < 0 || row >= rowCount(b)) {
        throw officeError("InvalidArgument", `Row ${row} is outside the range.`, "Range.getRow");
      }
      return { ...b, top: b.top + row, bottom: b.top + row };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeDouble {
    return this.derived("getResizedRange", [deltaRows, deltaColumns], (b) => ({
      ...b,
      bottom: b.bottom + deltaRows,
      right: b.right + deltaColumns,
    }));
  }

  clear(applyTo: "Contents"): void {
    this.queue("clear", [applyTo], (t) => {
      checkSheetWritable(t.sheet, "Range.clear");
      if (applyTo !== "Contents")
        throw officeError("InvalidArgument", "The double clears contents only.", "Range.clear");
      this.ctx.host.noteChanged(t.sheet.id, boundsAddress(t.bounds));
      for (const [r, c, cell] of cellsIn(t.sheet, t.bounds)) {
        cell.value = "";
        delete cell.formula;
        pruneCell(t.sheet, r, c);
      }
    });
  }
}

class RangeFormatDouble extends Proxy<RangeTarget> {
  constructor(ctx: DoubleContext, resolver: () => RangeTarget | null) {
    super(ctx, "RangeFormat", resolver);
  }
  protected getters(): Getters<RangeTarget> {
    return { columnWidth: (t) => t.sheet.columnWidths.get(t.bounds.left) ?? 48 };
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.queue("columnWidth", [points], (t) => {
      checkSheetWritable(t.sheet, "RangeFormat.columnWidth");
      if (typeof points !== "number" || !(points >= 0))
        throw officeError("InvalidArgument", "Bad width.", "RangeFormat.columnWidth");
      for (let c = t.bounds.left; c <= t.bounds.right; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  get font(): RangeFontDouble {
    return this.nav("font", () => new RangeFontDouble(this.ctx, () => this.target("RangeFormat.font")));
  }
}

class RangeFontDouble extends Proxy<RangeTarget> {
  constructor(ctx: DoubleContext, resolver: () => RangeTarget | null) {
    super(ctx, "RangeFont", resolver);
  }
  protected getters(): Getters<RangeTarget> {
    return { bold: (t) => !!getCell(t.sheet, t.bounds.top, t.bounds.left)?.bold };
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(on: boolean) {
    this.queue("bold", [on], (t) => {
      checkSheetWritable(t.sheet, "RangeFont.bold");
      if (cellCount(t.bounds) > 100_000)
        throw officeError("InvalidArgument", "The double bolds bounded ranges only.", "RangeFont.bold");
      for (let r = t.bounds.top; r <= t.bounds.bottom; r++) {
        for (let c = t.bounds.left; c <= t.bounds.right; c++) {
          const cell = cellFor(t.sheet, r, c);
          if (on) cell.bold = true;
          else delete cell.bold;
          pruneCell(t.sheet, r, c);
        }
      }
    });
  }
}

export class RangeAreasDouble extends Proxy<{ sheet: SheetState; areas: Bounds[] }> implements X.RangeAreasProxy {
  constructor(ctx: DoubleContext, resolver: () => { sheet: SheetState; areas: Bounds[] } | null) {
    super(ctx, "RangeAreas", resolver);
  }
  protected getters(): Getters<{ sheet: SheetState; areas: Bounds[] }> {
    return {
      address: (t) => t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${boundsAddress(a)}`).join(", "),
      areaCount: (t) => t.areas.length,
    };
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
}

// ---- conditional formats --------------------------------------------------------------------------

interface FormatTarget {
  sheet: SheetState;
  format: ConditionalFormatState;
}

export class ConditionalFormatCollectionDouble
  extends Collection<RangeTarget, FormatTarget, ConditionalFormatDouble>
  implements X.ConditionalFormatCollectionProxy
{
  constructor(ctx: DoubleContext, resolver: () => RangeTarget | null) {
    super(ctx, "ConditionalFormatCollection", resolver);
  }
  protected elements(t: RangeTarget): FormatTarget[] {
    return t.sheet.conditionalFormats
      .filter((f) => intersects(f.range, t.bounds))
      .map((format) => ({ sheet: t.sheet, format }));
  }
  protected itemGetters(): Getters<FormatTarget> {
    return formatGetters;
  }
  protected makeItem(_element: FormatTarget, index: number): ConditionalFormatDouble {
    // Positional: resolves to whatever format is at this index when an operation runs.
    return new ConditionalFormatDouble(
      this.ctx,
      () => {
        const list = this.elements(this.target("ConditionalFormat"));
        const found = list[index];
        if (!found) throw officeError("ItemNotFound", `No conditional format at ${index}.`, "ConditionalFormat");
        return found;
      },
      true,
    );
  }

  add(type: "Custom"): ConditionalFormatDouble {
    if (type !== "Custom")
      throw officeError("InvalidArgument", "The double adds custom formats only.", "ConditionalFormatCollection.add");
    let created: FormatTarget | null = null;
    const format = new ConditionalFormatDouble(this.ctx, () => {
      if (!created) throw officeError("ItemNotFound", "The format was not added.", "ConditionalFormatCollection.add");
      return created;
    });
    this.queue("add", [type], (t) => {
      checkSheetWritable(t.sheet, "ConditionalFormatCollection.add");
      const state: ConditionalFormatState = { type: "Custom", range: { ...t.bounds } };
      t.sheet.conditionalFormats.unshift(state); // top priority
      created = { sheet: t.sheet, format: state };
    });
    return format;
  }
}

const formatGetters: Getters<FormatTarget> = {
  type: (t) => t.format.type,
  id: (t) => String(t.sheet.conditionalFormats.indexOf(t.format)),
  priority: (t) => t.sheet.conditionalFormats.indexOf(t.format),
};

export class ConditionalFormatDouble extends Proxy<FormatTarget> implements X.ConditionalFormatProxy {
  constructor(ctx: DoubleContext, resolver: () => FormatTarget | null, positional = false) {
    super(ctx, "ConditionalFormat", resolver, positional);
  }
  protected override gone(t: FormatTarget): boolean {
    return t.sheet.deleted || !t.sheet.conditionalFormats.includes(t.format);
  }
  protected getters(): Getters<FormatTarget> {
    return formatGetters;
  }
  get type(): string {
    return this.read("type");
  }
  get custom(): CustomFormatDouble {
    return this.nav(
      "custom",
      () =>
        new CustomFormatDouble(this.ctx, () => {
          const t = this.target("ConditionalFormat.custom");
          if (t.format.type !== "Custom") {
            throw officeError(
              "GeneralException",
              `The format is of type ${t.format.type}, not Custom.`,
              "ConditionalFormat.custom",
            );
          }
          return t;
        }),
    );
  }
  get customOrNullObject(): CustomFormatDouble {
    return this.nav(
      "customOrNullObject",
      () =>
        new CustomFormatDouble(this.ctx, () => {
          const t = this.resolve();
          return t && t.format.type === "Custom" ? t : null;
        }),
    );
  }
  delete(): void {
    this.queue("delete", [], (t) => {
      checkSheetWritable(t.sheet, "ConditionalFormat.delete");
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((f) => f !== t.format);
    });
  }
}

export class CustomFormatDouble extends Proxy<FormatTarget> implements X.CustomConditionalFormatProxy {
  constructor(ctx: DoubleContext, resolver: () => FormatTarget | null) {
    super(ctx, "CustomConditionalFormat", resolver);
  }
  protected getters(): Getters<FormatTarget> {
    return {};
  }
  get rule(): RuleDouble {
    return this.nav("rule", () => new RuleDouble(this.ctx, () => this.resolve()));
  }
  get format(): { readonly fill: FillDouble } {
    return this.nav("format", () => ({ fill: new FillDouble(this.ctx, () => this.resolve()) }));
  }
}

export class RuleDouble extends Proxy<FormatTarget> {
  constructor(ctx: DoubleContext, resolver: () => FormatTarget | null) {
    super(ctx, "ConditionalFormatRule", resolver);
  }
  protected getters(): Getters<FormatTarget> {
    return { formula: (t) => t.format.formula ?? "" };
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(value: string) {
    this.queue("formula", [value], (t) => {
      checkSheetWritable(t.sheet, "ConditionalFormatRule.formula");
      if (typeof value !== "string" || !value.startsWith("=")) {
        throw officeError("InvalidArgument", "A rule formula starts with =.", "ConditionalFormatRule.formula");
      }
      t.format.formula = value;
    });
  }
}

export class FillDouble extends Proxy<FormatTarget> {
  constructor(ctx: DoubleContext, resolver: () => FormatTarget | null) {
    super(ctx, "ConditionalRangeFill", resolver);
  }
  protected getters(): Getters<FormatTarget> {
    return { color: (t) => t.format.fill ?? null };
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.queue("color", [value], (t) => {
      checkSheetWritable(t.sheet, "ConditionalRangeFill.color");
      t.format.fill = value;
    });
  }
}

// ---- names --------------------------------------------------------------------------------------

const NAME_PATTERN = /^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\\\u4e00-\u9fff]*$/;

export class NamedItemCollectionDouble
  extends Collection<WorkbookState, NameState, NamedItemDouble>
  implements X.NamedItemCollectionProxy
{
  constructor(ctx: DoubleContext) {
    super(ctx, "NamedItemCollection", () => ctx.host.state);
  }
  protected elements(state: WorkbookState): NameState[] {
    return state.names;
  }
  protected itemGetters(): Getters<NameState> {
    return nameGetters;
  }
  protected makeItem(name: NameState): NamedItemDouble {
    return new NamedItemDouble(this.ctx, () => name);
  }
  private find(name: string): NameState | undefined {
    return this.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
  getItem(name: string): NamedItemDouble {
    const item = new NamedItemDouble(this.ctx, () => {
      const found = this.find(name);
      if (!found) throw officeError("ItemNotFound", `No name ${name}.`, "NamedItemCollection.getItem");
      return found;
    });
    return this.bind(item, "getItem", [name]);
  }
  getItemOrNullObject(name: string): NamedItemDouble {
    return this.bind(new NamedItemDouble(this.ctx, () => this.find(name) ?? null), "getItemOrNullObject", [name]);
  }
  add(name: string, reference: string): NamedItemDouble {
    this.ctx.host.requireApi("1.4", "NamedItemCollection.add");
    let created: NameState | null = null;
    const item = new NamedItemDouble(this.ctx, () => {
      if (!created) throw officeError("ItemNotFound", "The name was not added.", "NamedItemCollection.add");
      return created;
    });
    this.queue("add", [name, reference], (state) => {
      if (!NAME_PATTERN.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name)) {
        throw officeError("InvalidArgument", `Invalid name ${name}.`, "NamedItemCollection.add");
      }
      if (this.find(name))
        throw officeError("ItemAlreadyExists", `The name ${name} already exists.`, "NamedItemCollection.add");
      if (typeof reference !== "string" || reference.trim() === "") {
        throw officeError(
          "InvalidArgument",
          "The double takes a formula string as reference.",
          "NamedItemCollection.add",
        );
      }
      created = { name, formula: reference.startsWith("=") ? reference : `=${reference}` };
      state.names.push(created);
    });
    return item;
  }
}

const nameGetters: Getters<NameState> = { name: (n) => n.name, formula: (n) => n.formula };

export class NamedItemDouble extends Proxy<NameState> implements X.NamedItemProxy {
  constructor(ctx: DoubleContext, resolver: () => NameState | null) {
    super(ctx, "NamedItem", resolver);
  }
  protected override gone(name: NameState): boolean {
    return !this.state.names.includes(name);
  }
  protected getters(): Getters<NameState> {
    return nameGetters;
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): unknown {
    return this.read("formula");
  }
  set formula(value: unknown) {
    this.ctx.host.requireApi("1.7", "NamedItem.formula");
    this.queue("formula", [value], (name) => {
      if (typeof value !== "string" || !value.startsWith("=")) {
        throw officeError("InvalidArgument", "A name's formula starts with =.", "NamedItem.formula");
      }
      name.formula = value;
    });
  }
  delete(): void {
    this.queue("delete", [], (name) => {
      this.state.names = this.state.names.filter((n) => n !== name);
    });
  }
}

// ---- settings -----------------------------------------------------------------------------------

export class SettingCollectionDouble implements X.SettingCollectionProxy {
  constructor(private readonly ctx: DoubleContext) {}
  add(key: string, value: string): SettingDouble {
    const setting = new SettingDouble(this.ctx, key, false);
    this.ctx.enqueue({
      wire: ["settings.add", key, value],
      run: () => {
        // Settings hold JSON-serialisable values; the double stores a copy.
        this.ctx.host.state.settings.set(key, JSON.parse(JSON.stringify(value ?? null)));
        setting.resolve();
      },
    });
    return setting;
  }
  getItemOrNullObject(key: string): SettingDouble {
    const setting = new SettingDouble(this.ctx, key, true);
    this.ctx.enqueue({ wire: ["settings.getItemOrNullObject", key], run: () => void setting.resolve() });
    return setting;
  }
}

export class SettingDouble extends Proxy<{ key: string }> implements X.SettingProxy {
  constructor(ctx: DoubleContext, key: string, orNull: boolean) {
    super(ctx, "Setting", () => {
      if (ctx.host.state.settings.has(key)) return { key };
      if (orNull) return null;
      throw officeError("ItemNotFound", `No setting ${key}.`, "SettingCollection.getItem");
    });
  }
  protected getters(): Getters<{ key: string }> {
    return {
      key: (t) => t.key,
      value: (t) => JSON.parse(JSON.stringify(this.state.settings.get(t.key) ?? null)),
    };
  }
  get value(): unknown {
    return this.read("value");
  }
  delete(): void {
    this.queue("delete", [], (t) => {
      this.state.settings.delete(t.key);
    });
  }
}

// ---- tables -------------------------------------------------------------------------------------

interface TableTarget {
  sheet: SheetState;
  table: TableState;
}

export class TableCollectionDouble
  extends Collection<SheetState[], TableTarget, TableDouble>
  implements X.TableCollectionProxy
{
  constructor(ctx: DoubleContext, resolver: () => SheetState[] | null) {
    super(ctx, "TableCollection", resolver);
  }
  protected elements(sheets: SheetState[]): TableTarget[] {
    return sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }
  protected itemGetters(): Getters<TableTarget> {
    return { name: (t) => t.table.name };
  }
  protected makeItem(element: TableTarget): TableDouble {
    return new TableDouble(this.ctx, () => element);
  }
}

export class TableDouble extends Proxy<TableTarget> implements X.TableProxy {
  constructor(ctx: DoubleContext, resolver: () => TableTarget | null) {
    super(ctx, "Table", resolver);
  }
  protected override gone(t: TableTarget): boolean {
    return t.sheet.deleted || !t.sheet.tables.includes(t.table);
  }
  protected getters(): Getters<TableTarget> {
    return { name: (t) => t.table.name };
  }
  get name(): string {
    return this.read("name");
  }
  get worksheet(): WorksheetDouble {
    return this.nav("worksheet", () => new WorksheetDouble(this.ctx, () => this.target("Table.worksheet").sheet));
  }
  getRange(): RangeDouble {
    const range = new RangeDouble(this.ctx, () => {
      const t = this.target("Table.getRange");
      return { sheet: t.sheet, bounds: { ...t.table.range } };
    });
    return this.bind(range, "getRange", []);
  }
}
