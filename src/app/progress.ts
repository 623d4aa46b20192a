/** How far a check is, for the pane to show: the phase and, when known (big plans), the share done. */

/** Reading the file (standalone) or the grids, analysing them, writing the annotated copy. */
export type CheckPhase = "reading" | "analysing" | "writing";

export interface CheckProgress {
  phase: CheckPhase;
  /** 0 to 1, or null when the phase cannot say. */
  fraction: number | null;
}

export type ProgressListener = (progress: CheckProgress) => void;
