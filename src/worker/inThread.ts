/**
 * The analysis service in the page's own thread, behind the same messages as the worker: for browsers (and
 * jsdom tests) without Worker, or a worker that could not start. The page is blocked while it runs — as it was
 * before the worker — but results, progress and cancellation behave the same (a terminated endpoint drops
 * whatever the service still posts). The service is loaded on first use.
 */
import type { WorkerEndpoint } from "./client";
import type { WorkerRequest, WorkerResponse } from "./protocol";

export function inThreadEndpoint(): WorkerEndpoint {
  let terminated = false;
  const service = import(/* webpackChunkName: "engine" */ "./service").then(
    ({ AnalysisService }) =>
      new AnalysisService((response: WorkerResponse) => {
        // Asynchronous like a worker's message; nothing after terminate().
        queueMicrotask(() => {
          if (!terminated) endpoint.onmessage?.({ data: response });
        });
      }),
  );
  const endpoint: WorkerEndpoint = {
    onmessage: null,
    onerror: null,
    postMessage(message: WorkerRequest) {
      void service.then((s) => (terminated ? undefined : s.handle(message)));
    },
    terminate() {
      terminated = true;
    },
  };
  return endpoint;
}
