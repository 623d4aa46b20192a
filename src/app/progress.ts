/** How far a check is, for the pane to show: the phase and, when known (big plans), the share done. */

/** Reading the file (standalone) or the grids, analysing them, writing the annotated copy; receiving: the
 * analysis is done and its report's long lists are on their way to the page (the analysis worker). */
export type CheckPhase = "reading" | "analysing" | "writing" | "receiving";

/** The four numbers the pane shows first. */
export interface ReportCounts {
  errors: number;
  warnings: number;
  overdue: number;
  dueSoon: number;
}

export interface CheckProgress {
  phase: CheckPhase;
  /** 0 to 1, or null when the phase cannot say. */
  fraction: number | null;
  /** Receiving: the report's counts, known before its lists arrive (shown at once). */
  counts?: ReportCounts;
}

export type ProgressListener = (progress: CheckProgress) => void;
