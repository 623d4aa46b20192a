/**
 * The subset of the Office.js Excel object model that Fengong uses, as structural interfaces.
 * ExcelWorkbook is written against these, so production passes the real Excel.RequestContext and
 * tests pass the in-memory double (test/doubles/excel). `RealContextFits` below proves at compile time
 * that the real Office.js types satisfy this subset: a method or property we use that Office.js does not
 * have (or types differently) fails `tsc`.
 */

/** A proxy: properties are readable only after load(...) and context.sync(). */
export interface Loadable {
  load(propertyNames: string): unknown;
}

export interface ExcelContext {
  readonly workbook: WorkbookProxy;
  sync(): Promise<unknown>;
}

export interface WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly settings: SettingCollectionProxy;
  /** ExcelApi 1.7. */
  readonly protection: ProtectionProxy;
  readonly tables: TableCollectionProxy;
}

export interface ProtectionProxy extends Loadable {
  readonly protected: boolean;
}

export interface WorksheetCollectionProxy extends Loadable {
  readonly items: WorksheetProxy[];
  getItem(key: string): WorksheetProxy;
  getItemOrNullObject(key: string): WorksheetProxy;
  getActiveWorksheet(): WorksheetProxy;
  add(name?: string): WorksheetProxy;
}

export interface WorksheetProxy extends Loadable {
  readonly isNullObject: boolean;
  name: string;
  readonly id: string;
  /** "Visible" | "Hidden" | "VeryHidden" (Office.js types it as an enum or those strings). */
  visibility: string;
  readonly protection: ProtectionProxy;
  readonly freezePanes: { freezeRows(count?: number): void };
  /** Whole sheet without an address. */
  getRange(address?: string): RangeProxy;
  /** 0-based (ExcelApi 1.7). */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy;
  getUsedRange(valuesOnly?: boolean): RangeProxy;
  delete(): void;
}

export interface RangeHyperlinkValue {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface RangeProxy extends Loadable {
  /** Office.js types cell values as any[][]: strings, numbers, booleans, error strings. */
  values: unknown[][];
  numberFormat: unknown[][];
  readonly address: string;
  /** 0-based. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  hyperlink: RangeHyperlinkValue;
  readonly format: { readonly font: { bold: boolean }; columnWidth: number };
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  /** ExcelApi 1.13: merged areas whose top-left cell lies in this range; fails above 512 areas. */
  getMergedAreasOrNullObject(): RangeAreasProxy;
  getRow(row: number): RangeProxy;
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy;
  clear(applyTo: "Contents"): void;
}

export interface RangeAreasProxy extends Loadable {
  readonly isNullObject: boolean;
  /** "Sheet1!A1:B2, Sheet1!C3:C5" */
  readonly address: string;
}

export interface ConditionalFormatCollectionProxy extends Loadable {
  readonly items: ConditionalFormatProxy[];
  add(type: "Custom"): ConditionalFormatProxy;
}

export interface ConditionalFormatProxy extends Loadable {
  /** "Custom", "DataBar", "CellValue", ... */
  readonly type: string;
  /** Throws for a format of another type: use customOrNullObject on collections of mixed types. */
  readonly custom: CustomConditionalFormatProxy;
  readonly customOrNullObject: CustomConditionalFormatProxy;
  delete(): void;
}

export interface CustomConditionalFormatProxy extends Loadable {
  readonly isNullObject: boolean;
  readonly rule: Loadable & { formula: string };
  readonly format: { readonly fill: { color: string } };
}

export interface NamedItemCollectionProxy extends Loadable {
  readonly items: NamedItemProxy[];
  add(name: string, reference: string): NamedItemProxy;
  getItem(name: string): NamedItemProxy;
  getItemOrNullObject(name: string): NamedItemProxy;
}

export interface NamedItemProxy extends Loadable {
  readonly isNullObject: boolean;
  readonly name: string;
  /** Office.js types it as any; a string starting with "=". Settable (ExcelApi 1.7). */
  formula: unknown;
  delete(): void;
}

export interface SettingCollectionProxy {
  add(key: string, value: string): SettingProxy;
  getItemOrNullObject(key: string): SettingProxy;
}

export interface SettingProxy extends Loadable {
  readonly isNullObject: boolean;
  /** Office.js types it as any. */
  readonly value: unknown;
  delete(): void;
}

export interface TableCollectionProxy extends Loadable {
  readonly items: TableProxy[];
}

export interface TableProxy extends Loadable {
  readonly name: string;
  readonly worksheet: WorksheetProxy;
  getRange(): RangeProxy;
}

export interface RunOptions {
  delayForCellEdit?: boolean;
}

/** `Excel.run(options, batch)` or the double's equivalent. */
export type ExcelRun = <T>(options: RunOptions, batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

type Satisfies<T extends U, U> = T;
/** Compile-time proof that the real Office.js request context offers everything this subset declares. */
export type RealContextFits = Satisfies<Excel.RequestContext, ExcelContext>;
