/**
 * The commands entry (src/commands/commands.ts) in the Office runtime double, which behaves as Office does:
 * the click that starts the runtime is delivered as soon as Office has initialised it; a repeat click comes
 * only after the previous one completed; showAsTaskpane while the pane is up is counted as redundant.
 */
import type { ResultState } from "../../src/app/resultStore";
import { REPEAT_WINDOW_MS } from "../../src/commands/handlers";
import { OfficeRuntimeDouble } from "../doubles/excel";
import { planWorkbook } from "../excel/helpers";

const globals = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
  delete globals.fengongStartup;
  jest.restoreAllMocks();
});

/** The page loads in `runtime`: the entry module runs with a fresh module registry. */
function loadCommands(runtime: OfficeRuntimeDouble): { resultStore: { get(): ResultState } } {
  globals.Office = runtime.office;
  globals.Excel = { run: runtime.excel.run };
  globals.fengongStartup = { legacy: false, insideOffice: true };
  jest.spyOn(Date, "now").mockImplementation(runtime.clock.now);
  let store: { resultStore: { get(): ResultState } } | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry per test
    require("../../src/commands/commands");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    store = require("../../src/app/resultStore");
  });
  return store!;
}

/** Runs (Excel.run batches) a check makes on the double: any number > 0; counted to tell one check from two. */
const runsOf = (runtime: OfficeRuntimeDouble) => runtime.excel.stats.runs;

describe("first click", () => {
  test("the click that starts the runtime (pane never opened) reaches its command: it is not lost", async () => {
    const runtime = new OfficeRuntimeDouble(planWorkbook(6));
    const click = runtime.click("totalsByUnit"); // Office starts the runtime for this click
    const { resultStore } = loadCommands(runtime);
    runtime.initialize();
    expect(await click).toBe("completed");
    expect(runtime.lost).toEqual([]);
    expect(resultStore.get()).toMatchObject({ running: false, error: null, source: "ribbon" });
    expect(runtime.excel.sheetNames()).toContain("按单位汇总");
  });

  test("all four functions are registered before Office.onReady resolves", () => {
    const runtime = new OfficeRuntimeDouble(planWorkbook(3));
    const clicks = ["checkPlan", "highlightOverdue", "totalsByUnit", "clearHighlights"].map((name) =>
      runtime.click(name),
    );
    loadCommands(runtime);
    runtime.initialize();
    expect(runtime.lost).toEqual([]);
    expect(runtime.delivered.map((d) => d.name)).toEqual([
      "checkPlan",
      "highlightOverdue",
      "totalsByUnit",
      "clearHighlights",
    ]);
    return Promise.all(clicks);
  });

  test("in a browser tab (no Office) nothing is registered and nothing throws", () => {
    globals.fengongStartup = { legacy: false, insideOffice: false };
    expect(() =>
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("../../src/commands/commands");
      }),
    ).not.toThrow();
  });
});

describe("queued clicks", () => {
  function started(tasks = 9) {
    const runtime = new OfficeRuntimeDouble(planWorkbook(tasks));
    const loaded = loadCommands(runtime);
    runtime.initialize();
    return { runtime, ...loaded };
  }

  test("a double click on Check (Office delivers the second after the first completed) runs one check", async () => {
    const { runtime } = started();
    await runtime.click("checkPlan"); // warm the lazy modules, so the count below is one check's
    runtime.clock.advance(REPEAT_WINDOW_MS + 1);
    const before = runsOf(runtime);
    await runtime.click("checkPlan");
    const oneCheck = runsOf(runtime) - before;
    expect(oneCheck).toBeGreaterThan(0);

    runtime.clock.advance(REPEAT_WINDOW_MS + 1);
    const start = runsOf(runtime);
    const [first, second] = await Promise.all([runtime.click("checkPlan"), runtime.click("checkPlan")]);
    expect([first, second]).toEqual(["completed", "completed"]);
    expect(runtime.delivered.slice(-2).map((d) => d.name)).toEqual(["checkPlan", "checkPlan"]);
    expect(runsOf(runtime) - start).toBe(oneCheck);
  });

  test("the same command clicked again after the window runs again; another command at once runs", async () => {
    const { runtime } = started();
    await runtime.click("highlightOverdue");
    const afterFirst = runsOf(runtime);
    runtime.clock.advance(REPEAT_WINDOW_MS - 1);
    await runtime.click("highlightOverdue");
    expect(runsOf(runtime)).toBe(afterFirst); // dropped: a double click
    await runtime.click("clearHighlights");
    expect(runsOf(runtime)).toBeGreaterThan(afterFirst); // another command is not a repeat
    const afterClear = runsOf(runtime);
    runtime.clock.advance(REPEAT_WINDOW_MS);
    await runtime.click("highlightOverdue");
    expect(runsOf(runtime)).toBeGreaterThan(afterClear);
    expect(runtime.excel.snapshot().names.map((n) => n.name)).toContain("fengong_due");
  });

  test("Check shows the pane once; not again while it is up; again after the user closed it", async () => {
    const { runtime } = started();
    await runtime.click("checkPlan");
    expect(runtime.paneVisible).toBe(true);
    runtime.clock.advance(5_000);
    await runtime.click("checkPlan");
    expect(runtime.showCalls).toBe(1);
    runtime.closePane();
    runtime.clock.advance(5_000);
    await runtime.click("checkPlan");
    expect(runtime.showCalls).toBe(2);
    expect(runtime.redundantShows).toBe(0);
  });

  test("without Excel.run the ribbon reports that Excel is unavailable, and still completes", async () => {
    const { runtime, resultStore } = started();
    delete globals.Excel;
    expect(await runtime.click("clearHighlights")).toBe("completed");
    expect(resultStore.get().error?.code).toBe("office.unavailable");
  });
});
