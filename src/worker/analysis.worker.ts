/**
 * The analysis Web Worker: reading (standalone), analysing and annotating off the page's thread, so the task
 * pane stays responsive on a big plan. Bundled by webpack from `new Worker(new URL(...))` in spawnWorker.ts.
 */
import type { WorkerRequest, WorkerResponse } from "./protocol";
import { AnalysisService } from "./service";

interface WorkerScope {
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

// The project's TypeScript library is "DOM" (no "WebWorker"): the worker's global scope, as far as used here.
const scope = self as unknown as WorkerScope;
const service = new AnalysisService((response, transfer = []) => scope.postMessage(response, transfer));
scope.onmessage = (event) => void service.handle(event.data);
