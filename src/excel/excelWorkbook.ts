/**
 * WorkbookPort on Office.js: the open workbook in Excel. Each method is one Excel.run (through the
 * gateway), re-reads what it needs (co-authors may have changed the workbook) and writes only what we own.
 * Round trips are counted in `stats` (the benchmark reads them).
 */
import { isUserError, toUserError } from "../app/errors";
import type {
  CellWrite,
  HighlightPlan,
  ReadGridsOptions,
  ReportSheet,
  WorkbookGrids,
  WorkbookPort,
  WorkbookSettings,
} from "../app/port";
import { locateTable } from "../core/table";
import { isReferenceSheet } from "../core/holidays";
import { DEFAULT_BLOCK_LIMITS, type BlockLimits } from "./blocks";
import { PartialWriteError } from "./errors";
import { officeExcelRun, runExcel, type ErrorHints } from "./gateway";
import { applyOwnedHighlights, clearOwnedHighlightsIn, type WriteProgress } from "./highlights";
import type { ExcelContext, ExcelRun, IsSetSupported } from "./officeTypes";
import { readWorkbookGrids, type LocateTable } from "./readGrids";
import { removeTemporarySheet, writeReport } from "./reportSheet";
import { emptyExcelStats, Session, type ExcelStats } from "./session";
import { readWorkbookSettings, writeWorkbookSettings } from "./settings";
import { readOwnedRowsIn, writeCellsIn, writeOwnedRowsIn } from "./ownedRows";
import type { CellValue } from "../core/types";

export interface ExcelWorkbookOptions {
  /** Excel.run, or the double's run in tests. */
  run: ExcelRun;
  /** Office.context.requirements.isSetSupported (default: everything supported). */
  isSetSupported?: IsSetSupported;
  /** Block sizes and byte targets (tests make them small to force several blocks). */
  limits?: Partial<BlockLimits>;
  /** Seams for tests; default the core's. */
  locateTable?: LocateTable;
  isUnitDirectorySheet?: (name: string) => boolean;
  /** Name of the temporary sheet a report is built in (default: fengong_tmp_ and a random suffix). */
  temporarySheetName?: () => string;
}

/** How long the sheets seen by readGrids are trusted (a big plan's analysis runs in between). */
const SHEETS_SEEN_MS = 60_000;

const randomTemporaryName = (): string => `fengong_tmp_${Math.random().toString(36).slice(2, 10)}`;

export class ExcelWorkbook implements WorkbookPort {
  readonly stats: ExcelStats = emptyExcelStats();
  private readonly run: ExcelRun;
  private readonly isSetSupported: IsSetSupported;
  private readonly limits: BlockLimits;
  private readonly locate: LocateTable;
  private readonly isDirectory: (name: string) => boolean;
  private readonly temporaryName: () => string;
  /**
   * The sheets the last readGrids saw, kept for the one port call that follows it: a check reads its history
   * right after the grids, and when the history sheet was not there, that costs no round trip. Any other call
   * forgets them (we are the only writer of our sheets, and a check runs its calls in that order); so does time.
   */
  private sheetsSeen: { names: ReadonlySet<string>; at: number } | null = null;
  /** Batches started: a readGrids that another batch overlapped (the shared runtime) keeps nothing. */
  private batchesStarted = 0;

  constructor(options: ExcelWorkbookOptions) {
    this.run = options.run;
    this.isSetSupported = options.isSetSupported ?? (() => true);
    this.limits = { ...DEFAULT_BLOCK_LIMITS, ...options.limits };
    this.locate = options.locateTable ?? locateTable;
    // Reference sheets (unit directory, holiday schedule) are read beside the plan, never as the plan.
    this.isDirectory = options.isUnitDirectorySheet ?? isReferenceSheet;
    this.temporaryName = options.temporarySheetName ?? randomTemporaryName;
  }

  /** The workbook open in Excel (office.js loaded and ready). */
  static forOffice(): ExcelWorkbook {
    const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
    return new ExcelWorkbook({
      run: officeExcelRun(),
      isSetSupported: (name, version) => requirements?.isSetSupported(name, version) ?? false,
    });
  }

  resetStats(): void {
    Object.assign(this.stats, emptyExcelStats());
  }

  private batch<T>(work: (session: Session) => Promise<T>, hints: ErrorHints = {}): Promise<T> {
    this.sheetsSeen = null;
    this.batchesStarted++;
    this.stats.runs++;
    return runExcel(
      this.run,
      (context: ExcelContext) => work(new Session(context, this.stats, this.isSetSupported)),
      hints,
    );
  }

  async readGrids(options: ReadGridsOptions = {}): Promise<WorkbookGrids> {
    const sheet = options.sheet ?? null;
    let seen: { names: Set<string>; at: number } | null = null;
    const batch = this.batchesStarted + 1;
    const grids = await this.batch(
      (session) =>
        readWorkbookGrids(session, {
          sheet,
          columns: options.columns ?? null,
          locateTable: this.locate,
          isUnitDirectorySheet: this.isDirectory,
          limits: this.limits,
          onSheetNames: (names) => {
            seen = { names: new Set(names), at: Date.now() };
          },
        }),
      { sheet },
    );
    if (this.batchesStarted === batch) this.sheetsSeen = seen;
    return grids;
  }

  async applyHighlights(plan: HighlightPlan): Promise<void> {
    const progress: WriteProgress = { writing: false };
    try {
      await this.batch((session) => applyOwnedHighlights(session, plan, this.limits.targetBytes, progress), {
        sheet: plan.sheet,
      });
    } catch (error) {
      throw await this.afterFailedHighlights(error, progress);
    }
  }

  async clearHighlights(): Promise<void> {
    const progress: WriteProgress = { writing: false };
    try {
      await this.batch((session) => clearOwnedHighlightsIn(session, progress));
    } catch (error) {
      throw await this.afterFailedHighlights(error, progress);
    }
  }

  /** A highlight write that failed part-way: remove what of ours is there, and say so. */
  private async afterFailedHighlights(error: unknown, progress: WriteProgress): Promise<unknown> {
    if (!progress.writing) return error;
    const cause = toUserError(error);
    try {
      await this.batch((session) => clearOwnedHighlightsIn(session));
      return new PartialWriteError(cause, "cleanup.highlights-removed");
    } catch {
      return new PartialWriteError(cause, "cleanup.highlights-left");
    }
  }

  async writeReportSheet(sheet: ReportSheet): Promise<string> {
    const progress: WriteProgress = { writing: false };
    let attempt = 0;
    let targetBytes = this.limits.targetBytes;
    for (;;) {
      const temporary = this.temporaryName();
      try {
        return await this.batch((session) => writeReport(session, sheet, temporary, targetBytes, progress), {
          accessDenied: "workbook.protected",
        });
      } catch (error) {
        if (!progress.writing) throw error;
        const cause = toUserError(error);
        let removed: boolean;
        try {
          removed = await this.batch((session) => removeTemporarySheet(session, temporary));
        } catch {
          throw new PartialWriteError(cause, "cleanup.report-left", { sheet: temporary });
        }
        // Too big even in parts: try again with requests half the size (twice at most).
        if (isUserError(cause) && cause.code === "payload.too-large" && attempt < 2) {
          attempt++;
          targetBytes = Math.floor(targetBytes / 2);
          this.stats.retries++;
          progress.writing = false;
          continue;
        }
        throw removed ? new PartialWriteError(cause, "cleanup.report-removed") : cause;
      }
    }
  }

  async readSettings(): Promise<WorkbookSettings> {
    return this.batch((session) => readWorkbookSettings(session));
  }

  async writeSettings(settings: WorkbookSettings): Promise<void> {
    return this.batch((session) => writeWorkbookSettings(session, settings));
  }

  async readOwnedRows(sheet: string): Promise<CellValue[][] | null> {
    const seen = this.sheetsSeen;
    if (seen !== null && Date.now() - seen.at <= SHEETS_SEEN_MS && !seen.names.has(sheet)) {
      this.sheetsSeen = null;
      return null;
    }
    return this.batch((session) => readOwnedRowsIn(session, sheet));
  }

  async writeOwnedRows(sheet: string, rows: CellValue[][]): Promise<void> {
    return this.batch((session) => writeOwnedRowsIn(session, sheet, rows, this.limits.targetBytes), {
      accessDenied: "workbook.protected",
    });
  }

  async writeCells(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    return this.batch((session) => writeCellsIn(session, sheet, cells, this.limits.targetBytes), { sheet });
  }
}
