/**
 * The pane's Check: in Excel the same use case as the ribbon's Check (analyse, highlight, findings sheet);
 * standalone, only the analysis (the file is annotated when the user downloads a copy). The result goes to
 * the result store the ribbon also publishes to, so the pane shows whichever ran last.
 * The use cases (and the core under them) are imported on first use: a lazy chunk, out of the initial JavaScript.
 */
import type { ActionResult } from "../app/actions";
import { toUserError, UserError } from "../app/errors";
import type { ResultStore } from "../app/resultStore";
import { writeLock } from "../app/writeLock";
import type { AnalyzeOptions } from "../core/types";
import type { PaneHost } from "./host";

export async function runCheck(host: PaneHost, store: ResultStore, options: AnalyzeOptions): Promise<void> {
  if (store.get().running) return;
  const port = host.port();
  if (!port) {
    store.set({ error: new UserError("office.unavailable"), source: "taskpane" });
    return;
  }
  store.set({ running: true, error: null });
  try {
    // After any ribbon command still running: one writer at a time.
    const result: ActionResult = await writeLock.run(async () => {
      if (host.mode === "office") {
        const { checkPlan } = await import(/* webpackChunkName: "engine" */ "../app/actions");
        return checkPlan(port, options);
      }
      const { check } = await import(/* webpackChunkName: "engine" */ "../app/check");
      const report = await check(port, options);
      return { action: "check", report, highlights: null, wroteSheets: [] };
    });
    store.set({ running: false, result, error: null, source: "taskpane" });
  } catch (error) {
    store.set({ running: false, error: toUserError(error), source: "taskpane" });
  }
}
