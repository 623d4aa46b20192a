/**
 * A batch's view of the request context: every round trip goes through sync(), which counts it.
 * The counts are what the benchmark reads (ExcelWorkbook.stats).
 */
import type { ExcelContext, IsSetSupported, WorkbookProxy } from "./officeTypes";

export interface ExcelStats {
  /** Excel.run batches started. */
  runs: number;
  /** context.sync() round trips. */
  syncs: number;
  /** Row blocks read (all sheets). */
  blocks: number;
  /** Batches repeated with smaller blocks or merged-area ranges after a size error. */
  retries: number;
  /**
   * Rounds that only follow merged areas cut at the bottom edge of the last block (or merged-area range) read:
   * Excel answers an area whose top-left cell lies in the range asked, cut at its edge, so one that goes on
   * below is asked again from its top-left cell (one round per 1,022 rows of the area past the edge).
   */
  follows: number;
}

export const emptyExcelStats = (): ExcelStats => ({ runs: 0, syncs: 0, blocks: 0, retries: 0, follows: 0 });

export class Session {
  constructor(
    readonly context: ExcelContext,
    readonly stats: ExcelStats,
    readonly isSetSupported: IsSetSupported,
  ) {}

  get workbook(): WorkbookProxy {
    return this.context.workbook;
  }

  async sync(): Promise<void> {
    this.stats.syncs++;
    await this.context.sync();
  }

  /** ExcelApi requirement set check (e.g. "1.13" for merged areas). */
  supports(version: string): boolean {
    try {
      return this.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }
}
