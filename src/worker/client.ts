/**
 * The page's side of the analysis worker: requests with ids, progress routed to the request's listener,
 * results and errors back as promises. The newest check wins: starting a check (or opening another file)
 * cancels what is still running — the worker is terminated, since a running analysis cannot be interrupted
 * otherwise — and the cancelled requests reject with CancelledError; nothing from a terminated worker is
 * ever delivered. The next request starts a fresh worker, which re-opens the file first.
 */
import type { Analyzer, CheckOptions } from "../app/check";
import { UserError } from "../app/errors";
import type { Grid, Report } from "../core/types";
import type { FollowUp, FollowUpOptions } from "../taskpane/model/followUp";
import type { NoteDownload, NoteDownloadOptions, NoteDownloadResult } from "../taskpane/model/noteDownload";
import { attachDigest } from "../taskpane/model/reportDigest";
import {
  CancelledError,
  errorFromData,
  type ProgressListener,
  GRID_PART,
  REPORT_GONE,
  type ReportList,
  type WorkerRequest,
  type WorkerResponse,
} from "./protocol";

/** Request without its id (the client numbers them). */
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, "id"> : never) : never;

/** A Worker as far as the client uses one (a test's fake, or the in-thread fallback, look the same). */
export interface WorkerEndpoint {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  onmessage: ((event: { data: WorkerResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

interface Pending {
  kind: WorkerRequest["kind"];
  /** A report's lists received in parts so far. */
  parts?: Record<ReportList, unknown[]>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: ProgressListener;
}

/** After the tasks queued now (input, rendering): the page stays responsive between parts. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Kinds of request a newer check replaces. */
const CHECKS: readonly WorkerRequest["kind"][] = ["analyze", "check"];

export class AnalysisClient {
  private endpoint: WorkerEndpoint | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** The standalone file, kept to re-open it in a fresh worker. */
  private file: { blob: Blob; name: string } | null = null;
  /** The current worker has the file open (or is opening it). */
  private opened: Promise<unknown> | null = null;
  /** Bumped by every cancel and every new check: a check between two of its steps stops at the next one. */
  private epoch = 0;
  /** The last standalone check's report (its task list), the request id and the worker that keeps it. */
  private checked: { tasks: Report["tasks"]; id: number; endpoint: WorkerEndpoint } | null = null;

  /**
   * @param spawn a new worker (or endpoint); called again after a cancel.
   * @param fallback an endpoint running in this thread, used when spawn fails or the worker cannot start.
   */
  constructor(
    private readonly spawn: () => WorkerEndpoint,
    private readonly fallback?: () => WorkerEndpoint,
  ) {}

  private broken = false;

  /** Office mode: analyse grids read in the page (the newest call cancels an earlier one still running). */
  async analyze(grids: Grid[], options: CheckOptions, onProgress?: ProgressListener): Promise<Report> {
    this.cancelChecks();
    const epoch = this.epoch;
    const id = this.nextId++;
    // A big grid's rows go ahead in parts, the page free between them; the request then carries the rest.
    const heads: Grid[] = [];
    for (const [index, grid] of grids.entries()) {
      if (grid.values.length <= GRID_PART) {
        heads.push(grid);
        continue;
      }
      for (let start = 0; start < grid.values.length; start += GRID_PART) {
        const end = start + GRID_PART;
        const numberFormats = grid.numberFormats?.slice(start, end);
        this.worker().postMessage({
          id,
          kind: "rows",
          grid: index,
          values: grid.values.slice(start, end),
          numberFormats,
        });
        await nextTask();
        if (epoch !== this.epoch) throw new CancelledError();
      }
      heads.push({ ...grid, values: [], numberFormats: grid.numberFormats ? [] : undefined });
    }
    return (await this.request({ kind: "analyze", grids: heads, options }, onProgress, id)) as Report;
  }

  /** The check use case's analyzer, backed by the worker. */
  analyzer(onProgress?: ProgressListener): Analyzer {
    return (grids, options) => this.analyze(grids, options, onProgress);
  }

  /** Standalone: read this file in the worker; it replaces the open one, cancelling what ran on that. On
   * failure the file open before stays open. */
  async open(blob: Blob, name: string, onProgress?: ProgressListener): Promise<void> {
    this.cancel();
    this.checked = null;
    const opening = this.request({ kind: "open", file: blob, fileName: name }, onProgress);
    this.opened = opening;
    try {
      await opening;
    } catch (error) {
      // The fresh worker has nothing open: the previous file is opened again on the next request.
      if (this.opened === opening) this.opened = null;
      throw error;
    }
    this.file = { blob, name };
  }

  /** The open file's name, or null. */
  fileName(): string | null {
    return this.file?.name ?? null;
  }

  /** Standalone: the check use case on the open file (cancels an earlier check still running). */
  async check(options: CheckOptions, onProgress?: ProgressListener): Promise<Report> {
    this.cancelChecks();
    const epoch = this.epoch;
    await this.ensureOpen(onProgress);
    if (epoch !== this.epoch) throw new CancelledError();
    const id = this.nextId++;
    const endpoint = this.worker();
    const report = (await this.request({ kind: "check", options }, onProgress, id)) as Report;
    this.checked = { tasks: report.tasks, id, endpoint };
    return report;
  }

  /** Standalone: the open file annotated for this report, as .xlsx bytes. The report of the last check stays in
   * the worker and is not posted back (a big one would block the page while it is copied). */
  async annotatedCopy(report: Report, onProgress?: ProgressListener): Promise<Uint8Array> {
    await this.ensureOpen(onProgress);
    const checked = this.checked;
    if (checked && checked.tasks === report.tasks && checked.endpoint === this.endpoint) {
      try {
        return (await this.request({ kind: "annotate", checked: checked.id }, onProgress)) as Uint8Array;
      } catch (error) {
        // The worker no longer has it (it re-opened the file): send the report after all.
        if (!(error instanceof UserError && error.params.detail === REPORT_GONE)) throw error;
      }
    }
    return (await this.request({ kind: "annotate", report }, onProgress)) as Uint8Array;
  }

  /** Standalone: the Follow-up tab's reminders and assessment, made in the worker from the report it kept; null
   * when it has not got this report (the page then makes them itself). */
  async followUp(report: Report, options: FollowUpOptions): Promise<FollowUp | null> {
    const checked = this.checked;
    if (!checked || checked.tasks !== report.tasks || checked.endpoint !== this.endpoint) return null;
    try {
      return (await this.request({ kind: "followUp", checked: checked.id, options })) as FollowUp;
    } catch (error) {
      if (error instanceof UserError && error.params.detail === REPORT_GONE) return null;
      throw error;
    }
  }

  /** Standalone: the Follow-up tab's Word download, written in the worker from the report it kept (the bytes are
   * transferred, not copied); null when it has not got this report (the page then writes them itself). */
  async noteDownload(
    report: Report,
    download: NoteDownload,
    options: NoteDownloadOptions,
  ): Promise<NoteDownloadResult | null> {
    const checked = this.checked;
    if (!checked || checked.tasks !== report.tasks || checked.endpoint !== this.endpoint) return null;
    try {
      return (await this.request({
        kind: "noteDownload",
        checked: checked.id,
        download,
        options,
      })) as NoteDownloadResult;
    } catch (error) {
      if (error instanceof UserError && error.params.detail === REPORT_GONE) return null;
      throw error;
    }
  }

  /** Stop everything running: the worker is terminated and every pending request rejects with CancelledError.
   * Nothing running: nothing happens (the worker, and the file it holds, stay). */
  cancel(): void {
    this.epoch++;
    if (this.pending.size === 0) return;
    const endpoint = this.endpoint;
    this.endpoint = null;
    this.opened = null;
    if (endpoint) {
      endpoint.onmessage = null;
      endpoint.onerror = null;
      endpoint.terminate();
    }
    this.rejectAll(new CancelledError());
  }

  /** Forget the file (and cancel what runs on it). */
  close(): void {
    this.cancel();
    this.file = null;
    this.checked = null;
  }

  /** True while a request is pending. */
  busy(): boolean {
    return this.pending.size > 0;
  }

  private cancelChecks(): void {
    this.epoch++;
    if ([...this.pending.values()].some((pending) => CHECKS.includes(pending.kind))) this.cancel();
  }

  private ensureOpen(onProgress?: ProgressListener): Promise<unknown> {
    if (this.opened) return this.opened;
    if (!this.file) return Promise.reject(new UserError("office.unavailable"));
    const opening = this.request({ kind: "open", file: this.file.blob, fileName: this.file.name }, onProgress);
    this.opened = opening;
    opening.catch(() => {
      if (this.opened === opening) this.opened = null;
    });
    return opening;
  }

  private worker(): WorkerEndpoint {
    if (this.endpoint) return this.endpoint;
    let endpoint: WorkerEndpoint;
    try {
      endpoint = this.broken && this.fallback ? this.fallback() : this.spawn();
    } catch (error) {
      if (!this.fallback) throw error;
      this.broken = true;
      endpoint = this.fallback();
    }
    endpoint.onmessage = (event) => {
      if (this.endpoint === endpoint) this.receive(event.data);
    };
    endpoint.onerror = (event) => {
      if (this.endpoint !== endpoint) return;
      // The worker could not start or died: what it was doing is lost; the next request runs in this thread.
      this.endpoint = null;
      this.opened = null;
      endpoint.terminate();
      if (this.fallback) this.broken = true;
      this.rejectAll(new UserError("unexpected", { detail: event.message ?? "analysis worker failed" }));
    };
    this.endpoint = endpoint;
    return endpoint;
  }

  private request(request: Request, onProgress?: ProgressListener, id = this.nextId++): Promise<unknown> {
    const endpoint = this.worker();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { kind: request.kind, resolve, reject, onProgress });
      try {
        endpoint.postMessage({ ...request, id } as WorkerRequest);
      } catch (error) {
        // Data that cannot be cloned: a programming error, reported as such.
        this.pending.delete(id);
        reject(error);
      }
    });
  }

  private receive(response: WorkerResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    if (response.kind === "progress") {
      pending.onProgress?.(response.progress);
      return;
    }
    if (response.kind === "part") {
      pending.parts ??= { tasks: [], findings: [] };
      const list = pending.parts[response.list];
      for (const item of response.items) list.push(item);
      // Taken: the worker may post the next part.
      this.endpoint?.postMessage({ id: response.id, kind: "ack" });
      return;
    }
    this.pending.delete(response.id);
    if (response.kind === "failed") {
      pending.reject(errorFromData(response.error));
      return;
    }
    const value = response.value as Record<string, unknown>;
    if (pending.parts) Object.assign(value, pending.parts);
    if (response.digest) attachDigest(value as unknown as Report, response.digest);
    pending.resolve(value);
  }

  private rejectAll(error: unknown): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const pending of all) pending.reject(error);
  }
}
