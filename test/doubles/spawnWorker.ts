/** Stands in for src/worker/spawnWorker.ts under jest (see jest.config.js): no Worker here. */
import type { WorkerEndpoint } from "../../src/worker/client";

export function spawnAnalysisWorker(): WorkerEndpoint | null {
  return null;
}
