/**
 * What the analysis worker does with each request (analysis.worker.ts wires it to the worker's messages; without
 * Worker support the client runs the same service in the page). It holds the standalone pane's open workbook,
 * so the file is read once and every check and annotated copy after that works on it. The use cases are the
 * ones the CLI and Excel run (src/app): only where the core runs changes.
 */
import type { Analyzer } from "../app/check";
import { check } from "../app/check";
import { UserError } from "../app/errors";
import { analyze } from "../core/analyze";
import type { Grid, Report } from "../core/types";
import {
  errorToData,
  PARTS_AHEAD,
  REPORT_GONE,
  REPORT_PART,
  type ProgressListener,
  type ReportList,
  type WorkerRequest,
  type WorkerResponse,
} from "./protocol";
import { annotatedBytes, openWorkbookFile, readFileBytes, type WorkbookFile } from "./workbookFile";
import { followUpOf } from "../taskpane/model/followUp";
import { noteDownloadBuffers, noteDownloadOf, type NoteDownloadResult } from "../taskpane/model/noteDownload";
import { digestBuffers, reportCounts, reportDigest } from "../taskpane/model/reportDigest";

export type Post = (response: WorkerResponse, transfer?: Transferable[]) => void;

/** The core with its progress (rows of the table body) reported as the "analysing" phase. */
export function progressAnalyzer(onProgress: ProgressListener): Analyzer {
  return (grids, options) =>
    analyze(grids, options, ({ done, total }) =>
      onProgress({ phase: "analysing", fraction: total > 0 ? done / total : null }),
    );
}

export class AnalysisService {
  private workbook: Promise<WorkbookFile> | null = null;
  /** The last check's report and its request id: the annotated copy is usually made for it. */
  private checked: { id: number; report: Report } | null = null;
  /** Rows received ahead of an analyze request: request id -> grid number -> rows. */
  private readonly rows = new Map<
    number,
    Map<number, { values: Grid["values"]; numberFormats: Grid["numberFormats"] }>
  >();

  /** Reports being posted: request id -> parts the page has acknowledged, and the wait for the next one. */
  private readonly flows = new Map<number, { taken: number; wake: (() => void) | null }>();

  constructor(private readonly post: Post) {}

  /** Runs one request to its end: progress, then "done" or "failed" (never throws). */
  async handle(request: WorkerRequest): Promise<void> {
    const { id } = request;
    if (request.kind === "rows") {
      this.receiveRows(request);
      return;
    }
    if (request.kind === "ack") {
      const flow = this.flows.get(id);
      if (flow) {
        flow.taken++;
        flow.wake?.();
        flow.wake = null;
      }
      return;
    }
    try {
      const value = await this.run(request, (progress) => this.post({ id, kind: "progress", progress }));
      if (request.kind === "analyze" || request.kind === "check") {
        if (request.kind === "check") this.checked = { id, report: value as Report };
        await this.postReport(id, value as Report);
        return;
      }
      // The copy's (or the Word files') bytes move to the page instead of being copied.
      const transfer =
        value instanceof Uint8Array
          ? [value.buffer as ArrayBuffer]
          : request.kind === "noteDownload"
            ? noteDownloadBuffers(value as NoteDownloadResult)
            : [];
      this.post({ id, kind: "done", value }, transfer);
    } catch (error) {
      this.post({ id, kind: "failed", error: errorToData(error) });
    }
  }

  /** The report's tasks and findings in parts, at most PARTS_AHEAD of them ahead of the page's acknowledgements,
   * then the rest of it with its digest (arrays transferred). */
  private async postReport(id: number, report: Report): Promise<void> {
    const counts = reportCounts(report);
    const lists: Record<ReportList, readonly unknown[]> = { tasks: report.tasks, findings: report.findings };
    const flow: { taken: number; wake: (() => void) | null } = { taken: 0, wake: null };
    this.flows.set(id, flow);
    const parts = Math.ceil(report.tasks.length / REPORT_PART) + Math.ceil(report.findings.length / REPORT_PART);
    // The counts go first: the page shows them while the lists come (a second or two on a big plan).
    const receiving = (fraction: number) =>
      this.post({ id, kind: "progress", progress: { phase: "receiving", fraction, counts } });
    if (parts > PARTS_AHEAD) receiving(0);
    try {
      let posted = 0;
      for (const list of ["tasks", "findings"] as const) {
        const items = lists[list];
        for (let start = 0; start < items.length; start += REPORT_PART) {
          while (posted - flow.taken >= PARTS_AHEAD) await new Promise<void>((resolve) => (flow.wake = resolve));
          this.post({ id, kind: "part", list, items: items.slice(start, start + REPORT_PART) });
          posted++;
          // About every 5%.
          if (parts > PARTS_AHEAD && Math.floor((posted * 20) / parts) > Math.floor(((posted - 1) * 20) / parts))
            receiving(posted / parts);
        }
      }
    } finally {
      this.flows.delete(id);
    }
    // Sorted while the page took the last parts, not before the counts.
    const digest = reportDigest(report);
    this.post({ id, kind: "done", value: { ...report, tasks: [], findings: [] }, digest }, digestBuffers(digest));
  }

  private async run(request: WorkerRequest, onProgress: ProgressListener): Promise<unknown> {
    switch (request.kind) {
      case "analyze":
        onProgress({ phase: "analysing", fraction: 0 });
        return progressAnalyzer(onProgress)(this.withRows(request.id, request.grids), request.options);
      case "rows":
        return null;
      case "open":
        onProgress({ phase: "reading", fraction: null });
        this.checked = null;
        await this.open(request.file, request.fileName);
        return null;
      case "check": {
        const workbook = await this.openWorkbook();
        onProgress({ phase: "reading", fraction: null });
        return check(workbook, request.options, progressAnalyzer(onProgress));
      }
      case "followUp":
        if (this.checked?.id !== request.checked) throw new UserError("unexpected", { detail: REPORT_GONE });
        return followUpOf(this.checked.report, request.options);
      case "noteDownload":
        if (this.checked?.id !== request.checked) throw new UserError("unexpected", { detail: REPORT_GONE });
        return noteDownloadOf(this.checked.report, request.download, request.options);
      case "annotate": {
        const workbook = await this.openWorkbook();
        let report: Report;
        if ("report" in request) report = request.report;
        else if (this.checked?.id === request.checked) report = this.checked.report;
        else throw new UserError("unexpected", { detail: REPORT_GONE });
        onProgress({ phase: "writing", fraction: null });
        return annotatedBytes(workbook, report);
      }
    }
  }

  private receiveRows(part: Extract<WorkerRequest, { kind: "rows" }>): void {
    let grids = this.rows.get(part.id);
    if (!grids) this.rows.set(part.id, (grids = new Map()));
    let rows = grids.get(part.grid);
    if (!rows) grids.set(part.grid, (rows = { values: [], numberFormats: undefined }));
    for (const row of part.values) rows.values.push(row);
    if (part.numberFormats) {
      rows.numberFormats ??= [];
      for (const row of part.numberFormats) rows.numberFormats.push(row);
    }
  }

  /** The grids of an analyze request with the rows sent ahead of it put back. */
  private withRows(id: number, grids: Grid[]): Grid[] {
    const parts = this.rows.get(id);
    // Rows of this request, and of earlier ones a newer check replaced before they were complete, are done with.
    for (const key of [...this.rows.keys()]) if (key <= id) this.rows.delete(key);
    if (!parts) return grids;
    return grids.map((grid, index) => {
      const rows = parts.get(index);
      return rows ? { ...grid, values: rows.values, numberFormats: rows.numberFormats ?? grid.numberFormats } : grid;
    });
  }

  /** On failure the workbook open before stays open. */
  private async open(file: Blob, fileName: string): Promise<void> {
    const previous = this.workbook;
    const opening = (async () => {
      let bytes: Uint8Array;
      try {
        bytes = await readFileBytes(file);
      } catch (error) {
        throw new UserError("file.missing", { file: fileName }, error);
      }
      return openWorkbookFile(bytes, fileName);
    })();
    this.workbook = opening;
    try {
      await opening;
    } catch (error) {
      this.workbook = previous;
      throw error;
    }
  }

  private openWorkbook(): Promise<WorkbookFile> {
    if (!this.workbook) return Promise.reject(new UserError("office.unavailable"));
    return this.workbook;
  }
}
