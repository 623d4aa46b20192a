/** The Excel double: see excelDouble.ts. */
export {
  ExcelDouble,
  type ExcelDoubleOptions,
  type SheetInit,
  type UserConditionalFormat,
  type WorkbookSnapshot,
} from "./excelDouble";
export { DoubleOfficeError } from "./errors";
export { DEFAULT_LIMITS, type ChangedEvent, type DoubleLimits, type DoubleStats } from "./context";
export { dateSerial } from "./cellInput";
export { doubleFromXlsx, excelValue } from "./fromXlsx";
export { OfficeRuntimeDouble, type ClickOutcome, type OfficeRuntimeOptions, type RibbonEvent } from "./officeRuntime";
