/**
 * The seam between adapters and the core: plain data only.
 * Adapters (src/excel, src/xlsx) produce Grids; the core turns them into a Report.
 */

/** A cell value as Excel's `range.values` gives it: strings, numbers (dates as serials), booleans,
 * error strings such as "#N/A". Empty cells are "" (null is tolerated too). */
export type CellValue = string | number | boolean | null;

/** A merged area, in 1-based sheet coordinates (inclusive). Only the top-left cell holds the value. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What one worksheet holds, as read by an adapter. */
export interface Grid {
  sheet: string;
  /** 1-based sheet row and column of values[0][0] (the used range may not start at A1). */
  origin: { row: number; column: number };
  /** Row-major; rows may be ragged. Merged areas hold their value in the top-left cell only. */
  values: CellValue[][];
  /** Same shape as values (may be shorter or sparse): the number format of cells that may hold dates,
   * e.g. "yyyy-mm-dd", "General", "@". Missing means unknown. */
  numberFormats?: (string | null | undefined)[][];
  /** Merged areas within the grid. */
  merges: MergedArea[];
  /** True when the adapter could not read merged areas (e.g. ExcelApi 1.13 missing). */
  mergesUnknown?: boolean;
  /** Hidden sheet rows (1-based), if the adapter knows them. Hidden rows are still read. */
  hiddenRows?: number[];
}

export type Language = "zh-CN" | "en-US";

/** Column roles of a plan table. */
export type Role =
  | "id"
  | "section"
  | "task"
  | "lead"
  | "responsible"
  | "deadline"
  | "status"
  | "note"
  /** People (分管领导 …), never units: read into Task.leaders. */
  | "leader"
  /** The date a task was actually done (办结时间 / 实际完成时间; 完成时间 beside another deadline column). */
  | "completed";

/** An ISO calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

export type DeadlineKind =
  | "date"
  | "month"
  | "part-of-month"
  | "quarter"
  | "half"
  | "year"
  | "relative"
  | "recurring"
  | "ongoing"
  | "multi"
  | "none"
  | "unparsed";

export interface Deadline {
  /** The text as written (an Excel date is rendered as YYYY-MM-DD). */
  text: string;
  kind: DeadlineKind;
  /** Last day by which the task is on time, or null (recurring, ongoing, none, unparsed, needs base). */
  due: IsoDate | null;
  /** Earlier stages of a staged deadline ("6月底前启动，年底前完成": 启动 by 06-30), in the order written;
   * due is the stage of completion. Empty (or absent) when the deadline has one stage. */
  milestones?: DeadlineMilestone[];
}

/** One earlier stage of a staged deadline: its clause as written and the day it is due (null: not dated). */
export interface DeadlineMilestone {
  text: string;
  due: IsoDate | null;
}

export type Status = "done" | "overdue" | "due-soon" | "open" | "ongoing" | "no-deadline";

export interface Task {
  /** 1-based sheet row. */
  row: number;
  id: string | null;
  section: string | null;
  text: string;
  /** Canonical unit names (simplified Chinese, aliases resolved). */
  lead: string[];
  responsible: string[];
  /** Leaders (posts and people: 分管副省长, 张三同志) from a leaders column or named in the unit cells; never units. */
  leaders: string[];
  deadline: Deadline;
  /** The status cell as written ("" if none). */
  statusText: string;
  status: Status;
  /** Days past due as of the as-of date, for overdue tasks; else null. */
  daysOverdue: number | null;
  /** The date the task was done, from the plan's completion-date column (办结时间); absent or null when unknown. */
  completed?: IsoDate | null;
}

export type Severity = "error" | "warning" | "info";

export type RuleId =
  | "table.not-found"
  | "table.no-lead-column"
  | "table.merges-unknown"
  | "table.empty"
  | "table.duplicate-column"
  | "table.header-repeated"
  | "table.second-table"
  | "lead.missing"
  | "lead.multiple"
  | "lead.collective"
  | "lead.implicit"
  | "responsible.includes-lead"
  | "unit.duplicate"
  | "unit.alias"
  | "unit.unknown"
  | "unit.unassigned"
  | "task.empty"
  | "task.duplicate-id"
  | "deadline.missing"
  | "deadline.unparsed"
  | "deadline.needs-base"
  | "deadline.outside-calendar"
  | "cell.error-value"
  | "unit.carried"
  | "deadline.from-task";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** 1-based sheet row, or null for table-wide findings. */
  row: number | null;
  /** Column letter ("C"), or null. */
  column: string | null;
  /** In the report's language: names the row, the cell and the fix. */
  message: string;
  /** A proposed fix (e.g. the closest directory name for unit.unknown), or null. */
  suggestion: string | null;
  /** Raw parameters the message was made from (unit names, texts), for front ends. */
  params: Record<string, string | number>;
}

export interface UnitTotals {
  unit: string;
  /** Tasks this unit leads. */
  lead: number;
  /** Tasks this unit is responsible for and does not lead (lead wins). */
  responsible: number;
  /** Overdue tasks, all roles. */
  overdue: number;
  overdueAsLead: number;
  dueSoon: number;
  done: number;
  /** done / (lead + responsible), 0..1; null when the unit has no task. */
  completionRate: number | null;
  /** Overdue now minus overdue at the earlier check compared against (all roles); absent or null without one. */
  overdueChange?: number | null;
}

export interface Summary {
  /** Circular-ready text in the report's language. */
  text: string;
  /** The per-unit table as an HTML table (pastes into Word). */
  html: string;
  /** The per-unit table as tab-separated text (formula-like text neutralised). */
  tsv: string;
}

export interface TableLocation {
  sheet: string;
  /** 1-based sheet row of the (first) header row. */
  headerRow: number;
  /** 1 or 2 (two-row header under merged parents). */
  headerRows: number;
  /** 1-based sheet rows of the body (inclusive). */
  firstDataRow: number;
  lastDataRow: number;
  /** 1-based sheet columns of the table (inclusive). */
  firstColumn: number;
  lastColumn: number;
  /** Role -> 1-based sheet column. */
  columns: Partial<Record<Role, number>>;
  /** The plan's year (first 20xx年 above the header), if found. */
  planYear: number | null;
  /** The plan's own place from its title (潍坊 in 潍坊市…方案), if found: names starting with it take no prefix. */
  place?: string | null;
}

export interface Report {
  language: Language;
  asOf: IsoDate;
  table: TableLocation | null;
  tasks: Task[];
  findings: Finding[];
  totals: UnitTotals[];
  summary: Summary;
  /** What changed since the latest earlier check (design §8 History); null (or absent) when there is none. */
  comparison?: Comparison | null;
  /** The due-soon window the report was made with, in days (optional: reports made before it was kept). */
  dueSoonDays?: number;
}

/** A task named in a comparison: row in the current plan (for removed tasks, in the earlier one). */
export interface ComparisonEntry {
  row: number;
  id: string | null;
  text: string;
}

/** Comparison of a check with the latest earlier one (by as-of). */
export interface Comparison {
  /** The earlier as-of compared against. */
  since: IsoDate;
  newlyDone: ComparisonEntry[];
  newlyOverdue: ComparisonEntry[];
  /** Overdue now and at the earlier check; periods = successive checks (this one included) that saw it overdue. */
  stillOverdue: (ComparisonEntry & { periods: number })[];
  added: ComparisonEntry[];
  removed: ComparisonEntry[];
}

/** Extra calendar adjustments on top of the official calendar (e.g. a year the package does not know). */
export interface CalendarAdjustments {
  holidays?: IsoDate[];
  workdays?: IsoDate[];
}

export interface AnalyzeOptions {
  /** Default: today (local date). */
  asOf?: IsoDate;
  /** Publication date of the plan: base of relative deadlines. */
  published?: IsoDate | null;
  /** Warning window in days (default 7). */
  dueSoonDays?: number;
  /** Report language; default follows the plan (Chinese headers -> zh-CN). */
  language?: Language;
  calendar?: CalendarAdjustments;
  /** Which grid holds the plan (sheet name): strict when given. Default: the first grid (in the order
   * given) where a table is found, skipping our own report sheets. */
  sheet?: string;
  /** Column overrides: role -> column letter. */
  columns?: Partial<Record<Role, string>>;
}
