/**
 * What the task pane needs from where it runs. Two implementations: Excel (officeHost.ts, Office.js behind
 * a WorkbookPort) and a browser tab on an .xlsx file (standalone/standaloneHost.ts, loaded as its own chunk).
 * Components receive a PaneHost, so tests use a fake.
 */
import type { Analyzer, CheckOptions } from "../app/check";
import type { WorkbookPort, WorkbookSettings } from "../app/port";
import type { ProgressListener } from "../app/progress";
import type { Report } from "../core/types";
import type { FollowUp, FollowUpOptions } from "./model/followUp";
import type { NoteDownload, NoteDownloadOptions, NoteDownloadResult } from "./model/noteDownload";

export type HostMode = "office" | "standalone";

export interface AnnotatedCopy {
  data: Blob;
  fileName: string;
}

export interface PaneHost {
  readonly mode: HostMode;
  /** The workbook to check, or null while none is open (standalone before a file is chosen). */
  port(): WorkbookPort | null;
  /** The open file's name (standalone), or null (Excel: the open workbook). */
  workbookName(): string | null;
  loadSettings(): Promise<WorkbookSettings>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /** Excel only: select a cell of the plan ("C14") and bring it into view. */
  selectCell?(sheet: string, address: string): Promise<void>;
  /**
   * Excel only: write text from the selected cell down, one line per cell, as text. Only into empty cells:
   * resolves false (and writes nothing) when any of those cells holds something.
   */
  insertText?(text: string): Promise<boolean>;
  /** Excel only: call back with the sheet's name whenever a worksheet's cells change. Returns unsubscribe. */
  onPlanChanged?(listener: (sheet: string) => void): () => void;
  /** Excel: whether the pane may save files (Word notes); the standalone page always may. */
  readonly canDownload?: boolean;
  /** Excel only: read the plan again; true when its table differs from the check's fingerprint (our own writes
   * never change it). Without it, any change to the plan sheet marks the result stale. */
  planChanged?(report: Report, fingerprint: string): Promise<boolean>;
  /** Standalone only: open a workbook file (replaces the open one). */
  openWorkbook?(file: File): Promise<void>;
  /** Standalone: the open file as a port in the page, for "Merge feedback" (the worker holds its own copy). */
  feedbackPort?(): Promise<WorkbookPort | null>;
  /** Standalone: after a merge wrote into feedbackPort(), the merged file is the one open (checked, downloaded). */
  feedbackMerged?(port: WorkbookPort): Promise<void>;
  /** Standalone only: the open workbook annotated for this report (highlights and report sheets). */
  annotatedCopy?(report: Report, fileName: string): Promise<AnnotatedCopy>;
  /** Standalone: the Follow-up tab's reminders and assessment made off the page (null: make them here). */
  followUp?(report: Report, options: FollowUpOptions): Promise<FollowUp | null>;
  /** Standalone: the Follow-up tab's Word download written off the page (null: write it here). */
  noteDownload?(
    report: Report,
    download: NoteDownload,
    options: NoteDownloadOptions,
  ): Promise<NoteDownloadResult | null>;
  /** Standalone only: the check use case on the open file, read and analysed off the page's thread. */
  checkFile?(options: CheckOptions, onProgress: ProgressListener): Promise<Report>;
  /** Excel: where the check use case analyses the grids it read (a worker); default: in the page. */
  analyzer?(onProgress: ProgressListener): Analyzer | undefined;
  /** Stop the check still running (its result is never shown): a newer check or another file replaces it. */
  cancelCheck?(): void;
}
