/**
 * The one analysis client of the page: the task pane and the ribbon commands (shared runtime) use the same
 * worker, so a newer check from either cancels an older one still analysing.
 */
import { AnalysisClient } from "./client";
import { inThreadEndpoint } from "./inThread";
import { spawnAnalysisWorker } from "./spawnWorker";

let client: AnalysisClient | null = null;

export function pageAnalysis(): AnalysisClient {
  client ??= new AnalysisClient(() => spawnAnalysisWorker() ?? inThreadEndpoint(), inThreadEndpoint);
  return client;
}
