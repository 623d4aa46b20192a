/**
 * The analysis worker of this page (webpack 5 bundles analysis.worker.ts as its own file from this
 * `new Worker(new URL(...))`; the page's Content-Security-Policy allows it with worker-src 'self').
 * Jest runs CommonJS, where import.meta does not parse: jest.config.js maps this module to
 * test/doubles/spawnWorker.ts.
 */
import type { WorkerEndpoint } from "./client";

/** A new analysis worker, or null where the browser has no Worker. */
export function spawnAnalysisWorker(): WorkerEndpoint | null {
  if (typeof Worker === "undefined") return null;
  return new Worker(new URL("./analysis.worker.ts", import.meta.url), { name: "fengong-analysis" }) as WorkerEndpoint;
}
