/**
 * WorkbookPort: what the use cases need from a workbook. Implemented on Office.js (src/excel)
 * and on an .xlsx file via exceljs (src/xlsx). Adapters stay thin: no analysis here.
 */
import type { AssessmentWeights } from "../core/assessment";
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

/**
 * How both adapters encode highlights in a workbook (so a copy written by the CLI and a workbook
 * marked in Excel look the same, and either can clear the other's):
 * - a very hidden sheet OWNED_DATA_SHEET holds the lists, one per column: A overdue rows, B due-soon
 *   rows, C error cell keys (row * 16384 + column); row 1 of each column holds 0 as a sentinel so a
 *   list is never empty;
 * - workbook names OWNED_NAMES[category] refer to those columns, e.g. fengong_overdue =
 *   fengong_data!$A$1:$A$4;
 * - one custom conditional format per category over the table body, formula OWNED_FORMULAS[category]
 *   (relative to the body's top-left cell: ROW() and COLUMN() are absolute anyway), fill HIGHLIGHT_FILLS;
 * - ours are recognised by OWNED_MARKER in the formula / name / sheet name; clear removes exactly
 *   those rules, names and the data sheet, and nothing else.
 */
export const OWNED_MARKER = "fengong_";

export const OWNED_DATA_SHEET = "fengong_data";

/** Key of an error cell in the data sheet's column C. */
export const errorCellKey = (row: number, column: number): number => row * 16384 + column;

/** Workbook names our conditional formats refer to. */
export const OWNED_NAMES: Record<HighlightCategory, string> = {
  overdue: "fengong_overdue",
  dueSoon: "fengong_due_soon",
  error: "fengong_errors",
};

/** Conditional-format formulas (with the leading "="). */
export const OWNED_FORMULAS: Record<HighlightCategory, string> = {
  overdue: `=ISNUMBER(MATCH(ROW(),${OWNED_NAMES.overdue},0))`,
  dueSoon: `=ISNUMBER(MATCH(ROW(),${OWNED_NAMES.dueSoon},0))`,
  error: `=ISNUMBER(MATCH(ROW()*16384+COLUMN(),${OWNED_NAMES.error},0))`,
};

/** Column of each category's list in the data sheet. */
export const OWNED_DATA_COLUMNS: Record<HighlightCategory, string> = { overdue: "A", dueSoon: "B", error: "C" };

/** Settings key in the workbook (Office workbook.settings; in .xlsx copies, JSON in the very hidden sheet
 * fengong_settings, since exceljs drops workbook names that are not ranges). */
export const SETTINGS_KEY = "fengong.settings";

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
  kind: "findings" | "totals" | "assessment";
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
  /** The date by which reminded units report back (反馈时限), printed in the reminders. */
  feedbackDate?: IsoDate | null;
  /** Weights of the year-end assessment (src/core/assessment.ts); a missing weight takes its default. */
  assessment?: Partial<AssessmentWeights> | null;
}

export interface WorkbookGrids {
  /** The sheet that holds (or should hold) the plan: the settings' plan sheet, else the active sheet, else the first. */
  plan: Grid;
  /** Every other sheet (unit directory, earlier reports are skipped by the core). */
  others: Grid[];
}

export interface ReadGridsOptions {
  /** The plan sheet named by the user or the settings; default the active (or first) sheet. */
  sheet?: string | null;
  /** Column overrides (role -> letter), so an adapter that reads some columns only (number formats of the
   * deadline column) reads the right one. */
  columns?: Partial<Record<Role, string>> | null;
}

/** One value to write into a cell of a user's sheet (merging units' feedback into status cells). */
export interface CellWrite {
  /** 1-based sheet row and column. */
  row: number;
  column: number;
  /** Written as text: a string beginning with = + - @ never becomes a formula. */
  value: string;
}

export interface WorkbookPort {
  /** Read the plan sheet (named, or active/first) and the other sheets. */
  readGrids(options?: ReadGridsOptions): Promise<WorkbookGrids>;
  /** Replace our highlights on the plan sheet with these (removes ours elsewhere). */
  applyHighlights(plan: HighlightPlan): Promise<void>;
  /** Remove every highlight rule and name we own; nothing else. */
  clearHighlights(): Promise<void>;
  /** Write (replace) one of our report sheets. */
  writeReportSheet(sheet: ReportSheet): Promise<void>;
  readSettings(): Promise<WorkbookSettings>;
  writeSettings(settings: WorkbookSettings): Promise<void>;
  /**
   * The values of one of our very hidden data sheets (its name starts with OWNED_MARKER, e.g. fengong_history),
   * row by row from A1; null when the workbook has no such sheet. Optional: a port without it keeps no history.
   */
  readOwnedRows?(sheet: string): Promise<CellValue[][] | null>;
  /** Replace the values of one of our very hidden data sheets (created when missing). Strings stay text. */
  writeOwnedRows?(sheet: string, rows: CellValue[][]): Promise<void>;
  /**
   * Write these values into cells of a user's sheet (the plan's status cells, merging feedback), and nothing
   * else: no other cell, format, merge or sheet changes.
   */
  writeCells?(sheet: string, cells: readonly CellWrite[]): Promise<void>;
}
