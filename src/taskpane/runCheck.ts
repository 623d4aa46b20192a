/**
 * The pane's Check: in Excel the same use case as the ribbon's Check (analyse, highlight, findings sheet), the
 * analysis in the page's worker; standalone, the check use case on the open file in the worker (the file is
 * annotated when the user downloads a copy). The result goes to the result store the ribbon also publishes to,
 * so the pane shows whichever ran last. Progress (reading, analysing with a percentage) goes to the store too.
 *
 * The newest check wins: a check started while another runs cancels it, and a cancelled or superseded run
 * never writes its result (or its error) to the store.
 * The use cases (and the core under them) are imported on first use: a lazy chunk, out of the initial JavaScript.
 */
import type { ActionResult } from "../app/actions";
import type { Analyzer } from "../app/check";
import { toUserError, UserError } from "../app/errors";
import type { CheckProgress } from "../app/progress";
import type { ResultStore } from "../app/resultStore";
import { writeLock } from "../app/writeLock";
import type { AnalyzeOptions } from "../core/types";
import { CancelledError, isCancelled } from "../worker/protocol";
import type { PaneHost } from "./host";

/** Number of the newest check started from the pane. */
let latest = 0;

export async function runCheck(host: PaneHost, store: ResultStore, options: AnalyzeOptions): Promise<void> {
  if (!host.checkFile && !host.port()) {
    store.set({ error: new UserError("office.unavailable"), source: "taskpane" });
    return;
  }
  const run = ++latest;
  const current = () => run === latest;
  if (store.get().running) host.cancelCheck?.();
  // Reading comes first in both modes (the file in the worker, or the sheets through Office.js).
  store.set({ running: true, error: null, progress: { phase: "reading", fraction: null } });
  const onProgress = (progress: CheckProgress): void => {
    if (current()) store.set({ progress });
  };
  try {
    // After any ribbon command still running: one writer at a time.
    const result: ActionResult = await writeLock.run(async () => {
      if (!current()) throw new CancelledError();
      if (host.checkFile) {
        const report = await host.checkFile(options, onProgress);
        return { action: "check", report, highlights: null, wroteSheets: [] };
      }
      const port = host.port();
      if (!port) throw new UserError("office.unavailable");
      const analyzer = withWriting(host.analyzer?.(onProgress), onProgress);
      if (host.mode === "office") {
        const { checkPlan } = await import(/* webpackChunkName: "engine" */ "../app/actions");
        return checkPlan(port, options, analyzer);
      }
      const { check } = await import(/* webpackChunkName: "engine" */ "../app/check");
      const report = await check(port, options, analyzer);
      return { action: "check", report, highlights: null, wroteSheets: [] };
    });
    if (current()) store.set({ running: false, progress: null, result, error: null, source: "taskpane" });
  } catch (error) {
    if (!current()) return;
    // Cancelled (the user, another file): nothing to report, the previous result stays.
    if (isCancelled(error)) store.set({ running: false, progress: null });
    else store.set({ running: false, progress: null, error: toUserError(error), source: "taskpane" });
  }
}

/** After the analysis, Excel's Check writes highlights and the findings sheet: say so. */
function withWriting(
  analyzer: Analyzer | undefined,
  onProgress: (progress: CheckProgress) => void,
): Analyzer | undefined {
  if (!analyzer) return undefined;
  return async (grids, options) => {
    const report = await analyzer(grids, options);
    onProgress({ phase: "writing", fraction: null });
    return report;
  };
}

/** Cancel the pane's running check (the Cancel button; another file opened): its result is never shown. */
export function cancelCheck(host: PaneHost, store: ResultStore): void {
  latest++;
  host.cancelCheck?.();
  if (store.get().running) store.set({ running: false, progress: null });
}
