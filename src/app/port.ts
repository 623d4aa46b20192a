/**
 * WorkbookPort: what the use cases need from a workbook. Implemented on Office.js (src/excel)
 * and on an .xlsx file via exceljs (src/xlsx). Adapters stay thin: no analysis here.
 */
import type { CellValue, Grid, IsoDate, Language, Role } from "../core/types";

export type HighlightCategory = "overdue" | "dueSoon" | "error";

/** Owned highlights: one conditional-format rule per category over the bounded table body. */
export interface HighlightPlan {
  sheet: string;
  /** The table body, 1-based inclusive sheet coordinates. */
  body: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number };
  /** 1-based sheet rows to highlight as overdue / due soon (whole table row within the body). */
  overdueRows: number[];
  dueSoonRows: number[];
  /** Error cells (1-based sheet row and column). */
  errorCells: { row: number; column: number }[];
}

/** Marker that identifies everything we own in a workbook (names, rule formulas, helper sheet). */
export const OWNED_MARKER = "fengong_";

/** Workbook names our conditional formats refer to. */
export const OWNED_NAMES: Record<HighlightCategory, string> = {
  overdue: "fengong_overdue",
  dueSoon: "fengong_due_soon",
  error: "fengong_errors",
};

/** Fill colours of our highlight categories. */
export const HIGHLIGHT_FILLS: Record<HighlightCategory, string> = {
  overdue: "#F8CBAD",
  dueSoon: "#FFE699",
  error: "#F4B6C2",
};

/** A link from a report cell to a cell of the plan. */
export interface CellLink {
  /** 0-based row and column inside ReportSheet.rows. */
  row: number;
  column: number;
  /** Target sheet and A1 address. */
  sheet: string;
  address: string;
}

/** A sheet we own: replaced on every run, never duplicated. */
export interface ReportSheet {
  kind: "findings" | "totals";
  /** Sheet name to write (language dependent). */
  name: string;
  /** Every name this kind of sheet may have had (all languages): any of them is replaced. */
  replaces: string[];
  /** Header row first; values only. Strings are written as text, never as formulas. */
  rows: CellValue[][];
  links: CellLink[];
  /** Column widths in characters, optional. */
  columnWidths?: number[];
}

/** Settings saved in the workbook, shared by every coordinator of it. */
export interface WorkbookSettings {
  published?: IsoDate | null;
  dueSoonDays?: number | null;
  planSheet?: string | null;
  columns?: Partial<Record<Role, string>> | null;
  language?: Language | null;
}

export interface WorkbookGrids {
  /** The sheet that holds (or should hold) the plan: the settings' plan sheet, else the active sheet, else the first. */
  plan: Grid;
  /** Every other sheet (unit directory, earlier reports are skipped by the core). */
  others: Grid[];
}

export interface WorkbookPort {
  /** Read the plan sheet (named, or active/first) and the other sheets. */
  readGrids(options?: { sheet?: string | null }): Promise<WorkbookGrids>;
  /** Replace our highlights on the plan sheet with these (removes ours elsewhere). */
  applyHighlights(plan: HighlightPlan): Promise<void>;
  /** Remove every highlight rule and name we own; nothing else. */
  clearHighlights(): Promise<void>;
  /** Write (replace) one of our report sheets. */
  writeReportSheet(sheet: ReportSheet): Promise<void>;
  readSettings(): Promise<WorkbookSettings>;
  writeSettings(settings: WorkbookSettings): Promise<void>;
}
