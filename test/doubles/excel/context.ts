/**
 * The request context of the Excel double: proxies queue operations; sync() sends them as one round trip,
 * executes them in order against the workbook state and only then makes loaded values readable.
 *
 * Faithful to Office.js where it matters to us (and stricter where unsure):
 * - a batch is not a transaction: operations before a failing one stay applied, the rest are dropped,
 *   and nothing loaded in that batch becomes readable;
 * - the request (queued operations, each with ~250 bytes of envelope like a real request) and the response
 *   (loaded data) are measured as JSON bytes and rejected above the limits (5 MB, Excel on the web) with
 *   Request/ResponsePayloadSizeLimitExceeded;
 *   a request that is too large is rejected before anything runs;
 * - cell-edit mode fails every sync with InvalidOperationInCellEditMode unless the run asked for
 *   delayForCellEdit, in which case the sync waits until the edit ends;
 * - a fault can be injected on the Nth sync (after K of its operations have run).
 */
import type { ExcelContext, RunOptions } from "../../../src/excel/officeTypes";
import { officeError, type DoubleOfficeError } from "./errors";
import type { WorkbookState } from "./state";

export interface DoubleLimits {
  requestBytes: number;
  responseBytes: number;
  /** getMergedAreasOrNullObject fails above this many areas. */
  mergedAreas: number;
  /** The code it fails with (the real one is not documented). */
  mergedAreasErrorCode: string;
  /** Cells one range read may return. */
  cellsPerRead: number;
  /**
   * Whether getMergedAreasOrNullObject cuts an area that crosses the range's edge at that edge. Excel returns
   * only the areas whose top-left cell lies in the range (office-js#3611); whether they come back whole or cut
   * is not documented (#1590), so the double does either and readers must be right with both.
   */
  clipMergedAreas: boolean;
  /**
   * Bytes a real request carries for each queued operation on top of its arguments (object paths, action ids,
   * property names): about 250 in Excel on the web's JSON requests.
   */
  operationOverheadBytes: number;
}

export const DEFAULT_LIMITS: DoubleLimits = {
  requestBytes: 5 * 1024 * 1024,
  responseBytes: 5 * 1024 * 1024,
  mergedAreas: 512,
  mergedAreasErrorCode: "GeneralException",
  cellsPerRead: 5_000_000,
  clipMergedAreas: false,
  operationOverheadBytes: 250,
};

export interface SyncRecord {
  operations: number;
  /** Operations that ran (all of them unless the batch failed part-way). */
  applied: number;
  requestBytes: number;
  responseBytes: number;
  error: string | null;
}

export interface DoubleStats {
  runs: number;
  syncs: number;
  /** Syncs made by the double at the end of a run for operations left queued. */
  implicitSyncs: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Runs that waited for the user to leave cell-edit mode. */
  cellEditWaits: number;
  log: SyncRecord[];
}

export const emptyStats = (): DoubleStats => ({
  runs: 0,
  syncs: 0,
  implicitSyncs: 0,
  requestBytes: 0,
  responseBytes: 0,
  maxRequestBytes: 0,
  maxResponseBytes: 0,
  cellEditWaits: 0,
  log: [],
});

export interface Fault {
  /** 1 = the next sync. */
  countdown: number;
  code: string;
  /** How many of the batch's operations run before the fault (0: none). */
  afterOperations: number;
}

/** What a worksheets.onChanged handler receives (the fields we use of Excel.WorksheetChangedEventArgs). */
export interface ChangedEvent {
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local" | "Remote";
  type: "WorksheetChanged";
}
export type ChangedHandler = (event: ChangedEvent) => Promise<void> | void;

/** What the context needs from the double that owns it. */
export interface DoubleHost {
  state: WorkbookState;
  limits: DoubleLimits;
  stats: DoubleStats;
  takeFault(): Fault | null;
  waitForCellEditEnd(): Promise<void>;
  requireApi(version: string, what: string): void;
  /** Co-authors' edits due before this sync (run before its operations). */
  takeCoAuthorEdits(): (() => void)[];
  /** A range's cell values were written (by the add-in): Excel raises onChanged for it once the run returns. */
  noteChanged(sheetId: string, address: string): void;
  /** Handlers registered with worksheets.onChanged. */
  readonly changedHandlers: Set<ChangedHandler>;
}

export interface Operation {
  /** What would go over the wire (its JSON size is the request size). */
  wire: unknown;
  run(response: Response): void;
}

/** Data loaded by a batch, made readable only when the whole batch succeeds. */
export class Response {
  readonly entries: { data: unknown; commit: () => void }[] = [];
  add(data: unknown, commit: () => void): void {
    this.entries.push({ data, commit });
  }
}

const encoder = new TextEncoder();
/** UTF-8 size of the JSON (TextEncoder: the double also runs in a browser). */
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value) ?? "").length;

let nextProxyId = 1;
export const newProxyId = (): number => nextProxyId++;

export class DoubleContext implements ExcelContext {
  private queue: Operation[] = [];
  private closed = false;
  /** The response of the batch being executed (proxies record what they resolved into it). */
  current: Response | null = null;
  // Set by the double right after construction (the workbook proxy needs the context).
  workbook!: ExcelContext["workbook"];

  constructor(
    readonly host: DoubleHost,
    readonly options: RunOptions,
  ) {}

  enqueue(operation: Operation): void {
    if (this.closed) {
      throw officeError(
        "InvalidRequestContext",
        "Cannot use the object across different request contexts (its Excel.run has ended).",
      );
    }
    this.queue.push(operation);
  }

  get pending(): number {
    return this.queue.length;
  }

  close(): void {
    this.closed = true;
  }

  async sync(): Promise<void> {
    if (this.closed) throw officeError("InvalidRequestContext", "The request context has ended.");
    const operations = this.queue;
    this.queue = [];
    const { host } = this;
    const record: SyncRecord = {
      operations: operations.length,
      applied: 0,
      requestBytes: 0,
      responseBytes: 0,
      error: null,
    };
    host.stats.syncs++;
    host.stats.log.push(record);
    const fail = (error: DoubleOfficeError): never => {
      record.error = error.code;
      throw error;
    };

    // What a real request weighs: the arguments, and the envelope of every operation around them.
    record.requestBytes =
      jsonBytes(operations.map((operation) => operation.wire)) + operations.length * host.limits.operationOverheadBytes;
    host.stats.requestBytes += record.requestBytes;
    host.stats.maxRequestBytes = Math.max(host.stats.maxRequestBytes, record.requestBytes);
    // A round trip is asynchronous: nothing runs before the caller awaits.
    await Promise.resolve();

    if (host.state.cellEditMode) {
      if (!this.options.delayForCellEdit) {
        fail(officeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.", "RequestContext.sync"));
      }
      host.stats.cellEditWaits++;
      await host.waitForCellEditEnd();
    }
    // A co-author's change saved between our previous request and this one.
    for (const edit of host.takeCoAuthorEdits()) edit();
    const fault = host.takeFault();
    if (record.requestBytes > host.limits.requestBytes) {
      fail(officeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit."));
    }

    const response = new Response();
    this.current = response;
    try {
      operations.forEach((operation, index) => {
        if (fault && index === fault.afterOperations) fail(officeError(fault.code, `Injected fault (${fault.code}).`));
        try {
          operation.run(response);
          record.applied++;
        } catch (error) {
          if (error && typeof error === "object" && "code" in error) fail(error as DoubleOfficeError);
          throw error;
        }
      });
      if (fault && fault.afterOperations >= operations.length)
        fail(officeError(fault.code, `Injected fault (${fault.code}).`));
    } finally {
      this.current = null;
    }

    record.responseBytes = jsonBytes(response.entries.map((entry) => entry.data));
    host.stats.responseBytes += record.responseBytes;
    host.stats.maxResponseBytes = Math.max(host.stats.maxResponseBytes, record.responseBytes);
    if (record.responseBytes > host.limits.responseBytes) {
      fail(officeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit."));
    }
    for (const entry of response.entries) entry.commit();
  }
}
