/**
 * WorkbookPort: what the use cases need from a workbook. Implemented on Office.js (src/excel)
 * and on an .xlsx file by reading and patching its package (src/xlsx). Adapters stay thin: no analysis here.
 */
import type { AssessmentWeights } from "../core/assessment";
import type { CellValue, Grid, IsoDate, Language, Role } from "../core/types";

export type HighlightCategory = "overdue" | "dueSoon" | "error";

/**
 * Owned highlights: one conditional-format rule per category over the bounded table body. Rows are found by
 * their own content, never by row number, and overdue / due soon are live (TODAY() against the kept due date,
 * the row's own status cell): see highlightParts.ts for the encoding.
 */
export interface HighlightPlan {
  sheet: string;
  /** The table body, 1-based inclusive sheet coordinates. */
  body: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number };
  /** 1-based sheet columns whose cell keys a row: the task text column, then the id column. A row's key is
   * made from the first of them that is not empty (as the sheet holds it: a merged cell's lower rows are
   * empty). One or two columns. */
  keyColumns: number[];
  /** 1-based sheet column of the status cells, or null when the table has none (then nothing counts as done). */
  statusColumn: number | null;
  /** Due soon = due within this many days from today (the settings' window). */
  dueSoonDays: number;
  /** Each keyed task whose highlight may change by itself: its row key (rowKey) and due date as an Excel
   * serial. Keys are unique (case-insensitively, as Excel compares). */
  dues: { key: string; due: number }[];
  /** Error cells: the row key and the cell's column counted from the body's first column (0-based). */
  errors: { key: string; offset: number }[];
  /** What the check found as of its date (1-based sheet rows and cells): the rows the rules highlight that
   * day. For the pane and tests; the workbook keeps only keys. */
  overdueRows: number[];
  dueSoonRows: number[];
  errorCells: { row: number; column: number }[];
}

/**
 * How both adapters encode highlights in a workbook (so a copy written by the CLI and a workbook
 * marked in Excel look the same, and either can clear the other's): see OwnedHighlightParts
 * (highlightParts.ts): a very hidden sheet OWNED_DATA_SHEET with the row keys, due dates, error-cell keys
 * and status words; workbook names over its columns; one custom conditional format per category whose
 * formula computes the row's key from its own cells and reads TODAY() and the row's status cell.
 * Ours are recognised by OWNED_MARKER in the formula / name / sheet name; clear removes exactly
 * those rules, names and the data sheet, and nothing else.
 */
export const OWNED_MARKER = "fengong_";

export const OWNED_DATA_SHEET = "fengong_data";

/** Workbook names our conditional formats refer to (all start with OWNED_MARKER). */
export const OWNED_NAMES = {
  /** Two columns: row key, due date (Excel serial); row 1 is a header no key can equal. */
  dues: "fengong_due",
  /** One column: row key + "|" + column offset; row 1 is a header. */
  errors: "fengong_errors",
  /** Status words (core DONE_WORDS / NOT_DONE_WORDS and their traditional spellings) and their weights. */
  words: "fengong_words",
  weights: "fengong_weight",
} as const;

/** Settings key in the workbook (Office workbook.settings; in .xlsx copies, JSON in the very hidden sheet
 * fengong_settings: a sheet is what every spreadsheet program keeps; a non-range name is not always kept). */
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

/**
 * A report sheet we own: replaced on every run, never duplicated. Only a sheet we created is ours: Excel keeps the
 * ids of the sheets it wrote in the workbook's settings under REPORT_SHEETS_KEY ({ [kind]: worksheet id }); an
 * .xlsx copy keeps { [kind]: sheet name } as JSON beside the key in the very hidden fengong_settings sheet (row 2:
 * A2 = REPORT_SHEETS_KEY, B2 = JSON). A user's own sheet with the name is never touched: ours goes beside it under
 * the first free name from reportSheetName ("问题清单 (2)").
 */
export interface ReportSheet {
  kind: "findings" | "totals" | "assessment";
  /** Sheet name to write (language dependent); taken by a sheet not ours: see reportSheetName. */
  name: string;
  /** Every name this kind of sheet may have had (all languages). Informative: only our own sheet of this kind
   * (by id / marker) is replaced, whatever its name. */
  replaces: string[];
  /** Header row first; values only. Strings are written as text, never as formulas; numbers as numbers. */
  rows: CellValue[][];
  links: CellLink[];
  /** Column widths in characters, optional. */
  columnWidths?: number[];
  /** Number format of the number cells of each column below the header (e.g. "0.0%" for a rate kept as 0.429);
   * missing or null: General. Text cells are always "@". */
  numberFormats?: (string | null)[];
}

/** Settings key of the report sheets we created (Excel: workbook settings; .xlsx: fengong_settings row 2). */
export const REPORT_SHEETS_KEY = "fengong.reportSheets";

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
  /** Write (replace) one of our report sheets; resolves to the name it was written under when the adapter says
   * (a user's sheet may hold sheet.name: ours is then "name (2)"). */
  writeReportSheet(sheet: ReportSheet): Promise<string | void>;
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
