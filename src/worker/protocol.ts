/**
 * Messages between the page and the analysis worker (analysis.worker.ts). Everything here is plain data
 * (structured clone): grids, options and reports go across as they are; the open file as a Blob.
 *
 * One request, many answers with the same id: any number of "progress", then one "done" or "failed".
 */
import { isUserError, UserError, type UserErrorCode } from "../app/errors";
import type { CheckOptions } from "../app/check";
import type { CheckProgress } from "../app/progress";
import type { Params } from "../core/i18n/format";
import type { Grid, Report } from "../core/types";
import type { FollowUpOptions } from "../taskpane/model/followUp";
import type { NoteDownload, NoteDownloadOptions } from "../taskpane/model/noteDownload";
import type { ReportDigest } from "../taskpane/model/reportDigest";

export type { CheckPhase, CheckProgress, ProgressListener } from "../app/progress";

export type WorkerRequest =
  /** Office mode: grids read through Office.js, analysed here. A big grid's rows come ahead in "rows" parts
   * with the same id; its values (and number formats) here are then empty. */
  | { id: number; kind: "analyze"; grids: Grid[]; options: CheckOptions }
  /** Rows of grid number `grid` of the analyze request with this id, in order. */
  | { id: number; kind: "rows"; grid: number; values: Grid["values"]; numberFormats?: Grid["numberFormats"] }
  /** The page has taken a "part" of request `id`'s report: the worker posts the next (see PARTS_AHEAD). */
  | { id: number; kind: "ack" }
  /** Standalone: the file to work on from now on (replaces any open one). */
  | { id: number; kind: "open"; file: Blob; fileName: string }
  /** Standalone: the check use case on the open file. */
  | { id: number; kind: "check"; options: CheckOptions }
  /** Standalone: the open file annotated for this report, as .xlsx bytes. `checked`: the report of the check
   * with that request id, which the worker kept (a big report is not posted back: the page would block while
   * copying it); the worker fails with "report.gone" if it has not got it, and the page sends the report. */
  | { id: number; kind: "annotate"; report: Report }
  | { id: number; kind: "annotate"; checked: number }
  /** Standalone: the Follow-up tab's reminders and assessment for the check with that request id (the report
   * the worker kept); fails with REPORT_GONE like annotate. */
  | { id: number; kind: "followUp"; checked: number; options: FollowUpOptions }
  /** Standalone: the Follow-up tab's Word download (a unit's reminder, the circular, or all in a zip) for the
   * check with that request id; the bytes are transferred back. Fails with REPORT_GONE like annotate. */
  | { id: number; kind: "noteDownload"; checked: number; download: NoteDownload; options: NoteDownloadOptions };

/** An error as data: a UserError keeps its code and parameters (so it is shown in the user's language). */
export interface WorkerError {
  code: UserErrorCode;
  params: Params;
}

/** The long lists of a report, sent ahead of it in parts (see REPORT_PART). */
export type ReportList = "tasks" | "findings";

/**
 * Items of a report's long lists per message. A report of a 100,000-row plan is tens of megabytes of objects:
 * taken from one message, the page's thread would spend seconds unpacking it in one go; in parts, each
 * message is a short task of its own and the page stays responsive between them.
 */
export const REPORT_PART = 500;

/**
 * Parts of a report posted ahead of the page's acknowledgements. Posted all at once, the page would take them
 * back to back for a second or two with no gap for its timers and rendering; with a small window each part is
 * a short task of its own between others.
 */
export const PARTS_AHEAD = 2;

/** The detail of the error an annotate request gets when the worker no longer has the check's report. */
export const REPORT_GONE = "report.gone";

/** Rows of a grid per "rows" message: posting 100,000 rows at once would block the page while it copies them. */
export const GRID_PART = 5000;

export type WorkerResponse =
  | { id: number; kind: "progress"; progress: CheckProgress }
  /** Part of the report's tasks or findings, in order; the "done" that follows has those lists empty. */
  | { id: number; kind: "part"; list: ReportList; items: unknown[] }
  /** The result. For a report (analyze, check): its lists came in "part"s before, and `digest` is what the
   * pane's views show of it (counts, sorted positions), computed here so the page never walks the lists. */
  | { id: number; kind: "done"; value: unknown; digest?: ReportDigest }
  | { id: number; kind: "failed"; error: WorkerError };

export function errorToData(error: unknown): WorkerError {
  if (isUserError(error)) return { code: error.code, params: { ...error.params } };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: "unexpected", params: { detail } };
}

export function errorFromData(error: WorkerError): UserError {
  return new UserError(error.code, error.params);
}

/** A request that a newer one (or a closed file) replaced: its result, if any, is never used. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled: a newer check replaced this one");
    this.name = "CancelledError";
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === "CancelledError";
}
