/**
 * The ribbon commands with the page's analysis worker (shared with the task pane): the analysis goes through
 * it, with progress in the store; a new check cancels an analysis still running, and a cancelled command
 * reports nothing.
 */
import type { Analyzer } from "../../src/app/check";
import type { CheckProgress } from "../../src/app/progress";
import { ResultStore, type ResultState } from "../../src/app/resultStore";
import { WriteLock } from "../../src/app/writeLock";
import { createCommandHandlers } from "../../src/commands/handlers";
import { analyze } from "../../src/core/analyze";
import type { Grid } from "../../src/core/types";
import { CancelledError } from "../../src/worker/protocol";
import { AS_OF, planWorkbook, workbookOn } from "../excel/helpers";

const event = () => ({ calls: 0, completed() {} });

function setup(analyzer: (onProgress?: (p: CheckProgress) => void) => Analyzer) {
  const excel = planWorkbook(6);
  const store = new ResultStore();
  const states: ResultState[] = [];
  store.subscribe((state) => states.push(state));
  const cancel = jest.fn();
  const handlers = createCommandHandlers({
    createPort: () => workbookOn(excel),
    store,
    showTaskpane: () => undefined,
    options: () => AS_OF,
    lock: new WriteLock(),
    analysis: { analyzer, cancel },
  });
  return { excel, store, states, cancel, handlers };
}

test("Check from the ribbon analyses through the page's analysis, progress shown while it runs", async () => {
  const seen: Grid[][] = [];
  const { store, states, cancel, handlers, excel } = setup((onProgress) => async (grids, options) => {
    seen.push(grids);
    onProgress?.({ phase: "analysing", fraction: 0.5 });
    return analyze(grids, options);
  });
  await handlers.checkPlan(event());
  expect(cancel).toHaveBeenCalledTimes(1);
  expect(seen).toHaveLength(1);
  expect(seen[0][0].values.flat()).toContain("牵头单位");
  expect(states.some((state) => state.running && state.progress?.fraction === 0.5)).toBe(true);
  expect(store.get()).toMatchObject({ running: false, progress: null, error: null, source: "ribbon" });
  expect(store.get().result?.report?.tasks).toHaveLength(6);
  // The use case went on as before: our findings sheet is written.
  expect(excel.sheetNames()).toContain("问题清单");
});

test("Clear highlights neither analyses nor cancels a running analysis", async () => {
  const analyzer = jest.fn();
  const { cancel, handlers } = setup(analyzer);
  await handlers.clearHighlights(event());
  expect(cancel).not.toHaveBeenCalled();
  expect(analyzer).not.toHaveBeenCalled();
});

test("a command whose analysis was cancelled by a newer check reports no error and writes nothing", async () => {
  const { store, handlers, excel } = setup(() => async () => {
    throw new CancelledError();
  });
  const before = excel.sheetNames();
  await handlers.totalsByUnit(event());
  expect(store.get()).toMatchObject({ running: false, error: null, result: null });
  expect(excel.sheetNames()).toEqual(before);
});
