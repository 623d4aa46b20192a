/** What each benchmark step measures (runners print these; the report is built from them). */
import type { PlanLayout } from "./generatePlan";
import type { Machine } from "./machine";
import type { ProfileSummary } from "./profile";

export interface AnalyzeResult {
  layout: PlanLayout;
  rows: number;
  /** Tasks read, and written by the generator, per plan (mean over the timed plans). */
  tasks: number;
  tasksExpected: number;
  findings: number;
  generateMs: number;
  /** One entry per timed run (after the warm-up). */
  wallMs: number[];
  cpuMs: number[];
  heapUsedMb: number;
}

export interface MakeXlsxResult {
  file: string;
  bytes: number;
  rows: number;
  tasks: number;
  merges: number;
  ms: number;
}

/** One child process, measured from outside (wall) and by the preload (bench/rss.cjs). */
export interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  maxRssKb: number;
}

/** What bench/run/read.ts read (printed once per size, to show it read the plan). */
export interface ReadResult {
  /** Rows and merged areas of the plan sheet's Grid. */
  rows: number;
  merges: number;
  otherSheets: number;
}

export interface CliResult {
  layout: PlanLayout;
  rows: number;
  fileBytes: number;
  merges: number;
  tasksExpected: number;
  /** Tasks in the CLI's --json output (checked once, untimed); null when not checked. */
  tasksRead: number | null;
  /** `fengong check FILE --json` to /dev/null. */
  cli: ProcessRun[];
  /** Reading alone (bench/run/read.ts: the package into grids, nothing else). */
  read: ProcessRun[];
  /** The floor: exceljs reading the file, its quadratic merged-cell check made linear (bench/linearMerges.cjs). */
  floor: ProcessRun[];
  /** Stock exceljs reading the file (quadratic in merged areas); empty when skipped (see stockSkipped). */
  floorStock: ProcessRun[];
  /** Why stock exceljs was not run at this size (too slow to be worth it), or null. */
  stockSkipped: string | null;
}

/** `fengong check FILE --out COPY` against exceljs reading and writing the file (bench/floorWrite.cjs). */
export interface OutResult {
  layout: PlanLayout;
  rows: number;
  fileBytes: number;
  out: ProcessRun[];
  /** exceljs read (linear merged-cell check) + writeFile. */
  floorWrite: ProcessRun[];
  /** Size of the copies written. */
  outBytes: number;
  floorWriteBytes: number;
}

export interface PhaseStats {
  phase: string;
  /** Excel.run batches. */
  runs: number;
  /** context.sync() round trips, as the double counts them (implicit final syncs included). */
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  /** Row blocks read (ExcelWorkbook only). */
  blocks: number;
  retries: number;
  /** Rounds that only follow merged areas cut at the edge of the last range read (ExcelWorkbook only). */
  follows: number;
  ms: number;
}

export interface GatewayResult {
  rows: number;
  tasks: number;
  overdueRows: number;
  merges: number;
  /** check, highlight, findings sheet. */
  fengong: PhaseStats[];
  /** check, highlight; null when skipped. */
  naive: PhaseStats[] | null;
  /** Tasks without a lead as each way reads them (the naive read ignores merged cells). */
  leadMissing: { fengong: number; naive: number | null };
}

export interface BundleFile {
  name: string;
  raw: number;
  gzip: number;
}

export interface BundleGroup {
  files: BundleFile[];
  raw: number;
  gzip: number;
}

export interface BundleResult {
  /** Built now (false: the previous build in bench/tmp/webpack was newer than every input). */
  built: boolean;
  buildMs: number | null;
  /** JS taskpane.html loads before it runs (the Office path). */
  initial: BundleGroup;
  /** Loaded by import() in standalone mode, on top of the initial JS. */
  standalone: BundleGroup;
}

export interface ProfileResult {
  /** What was profiled, in words. */
  subject: string;
  summary: ProfileSummary;
}

export interface BenchResults {
  machine: Machine;
  /** ISO timestamp. */
  started: string;
  elapsedMs: number;
  quick: boolean;
  analyze: AnalyzeResult[];
  cli: CliResult[];
  /** --out against exceljs read + write (absent in results written before this step existed). */
  out?: OutResult[];
  gateway: GatewayResult[];
  bundle: BundleResult | null;
  profile: ProfileResult[];
  /** The task pane in Chromium on a big plan (absent in results written before this step existed). */
  pane?: PaneResult | null;
  /** Steps that failed, with their message. */
  failures: { step: string; message: string }[];
}

/** The built task pane in Chromium, standalone, on a generated plan (bench/run/pane.ts). */
export interface PaneResult {
  rows: number;
  fileBytes: number;
  tasksExpected: number;
  /** Tasks the pane's plan line names after the check. */
  tasksShown: number | null;
  /** From choosing the file to the counts on screen (file read, Check clicked at once, analysis, render). */
  countsMs: number;
  /** Longest main-thread task (PerformanceObserver "longtask"), and of the long animation frames; 0 = none over 50 ms. */
  longestTaskMs: number;
  longestFrameMs: number;
  /** Long tasks (over 50 ms) and their total. */
  longTasks: number;
  longTasksTotalMs: number;
  /** Longest gap between the ticks of a 20 ms interval timer in the page: how long a click could wait. */
  longestStallMs: number;
  /** The progress labels seen while the check ran (e.g. "Analysing… 45%"). */
  progressSeen: string[];
  /** Where the build came from (bench/tmp/webpack unless --dist). */
  dist: string;
  /** When each of progressSeen first showed, from choosing the file (absent in older results). */
  progressAtMs?: number[];
  /** From choosing the file until the whole report is in (lists included; the long tasks are counted until
   * then); absent in older results. */
  reportMs?: number;
  /** From choosing the file until its name shows (the worker has read it); absent in older results. */
  openMs?: number;
  /** The longest animation frames (up to 10, longest first), with the scripts that ran in them. */
  frames?: PaneFrame[];
  /** With --profile: the main thread's busy stretches over 50 ms (CPU profile), with the functions in them. */
  busy?: PaneBusyStretch[];
}

/** A long animation frame of the pane's main thread (PerformanceObserver "long-animation-frame"). */
export interface PaneFrame {
  /** From choosing the file. */
  startMs: number;
  durationMs: number;
  blockingMs: number;
  /** Style and layout at the end of the frame. */
  renderMs: number;
  /** The scripts that ran, longest first: what called them (e.g. "MessagePort.onmessage"), where, how long. */
  scripts: { invoker: string; source: string; durationMs: number }[];
}

/** A stretch of the main thread's CPU profile without idle samples (one task, or tasks back to back). */
export interface PaneBusyStretch {
  /** From the start of the profile (just before the file is chosen). */
  startMs: number;
  durationMs: number;
  /** Functions with the most self time in the stretch ("name file:line share"), and of the project's own code
   * (src/) the outermost ones on the stack, with the share of the stretch they cover. */
  self: string[];
  ours: string[];
}
