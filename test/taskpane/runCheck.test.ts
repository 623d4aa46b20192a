/**
 * The pane's Check (src/taskpane/runCheck.ts): progress in the store, and the newest check wins — a check
 * started while another runs cancels it, and a result that arrives for a superseded or cancelled check never
 * replaces a newer one (nor shows as an error).
 */
import type { Analyzer, CheckOptions } from "../../src/app/check";
import type { ProgressListener } from "../../src/app/progress";
import { ResultStore, type ResultState } from "../../src/app/resultStore";
import type { Report } from "../../src/core/types";
import { cancelCheck, runCheck } from "../../src/taskpane/runCheck";
import { CancelledError } from "../../src/worker/protocol";
import { FakeHost, FakePort, report } from "./fixtures";

interface Deferred {
  resolve(report: Report): void;
  reject(error: unknown): void;
  onProgress: ProgressListener;
  options: CheckOptions;
}

/** A standalone host whose checks wait until the test settles them; cancel does not stop them (as in-thread). */
function standaloneHost() {
  const host = new FakeHost("standalone", null);
  host.fileName = "2024年工作要点分工方案.xlsx";
  const checks: Deferred[] = [];
  const withChecks = Object.assign(host, {
    checkFile: jest.fn(
      (options: CheckOptions, onProgress: ProgressListener) =>
        new Promise<Report>((resolve, reject) => checks.push({ resolve, reject, onProgress, options })),
    ),
    cancelCheck: jest.fn(),
  });
  return { host: withChecks, checks };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function recorded(store: ResultStore): ResultState[] {
  const states: ResultState[] = [];
  store.subscribe((state) => states.push(state));
  return states;
}

test("progress reaches the store while the check runs and is cleared with the result", async () => {
  const { host, checks } = standaloneHost();
  const store = new ResultStore();
  const done = runCheck(host, store, { asOf: "2024-08-15" });
  expect(store.get()).toMatchObject({ running: true, progress: { phase: "reading", fraction: null } });
  await flush();
  checks[0].onProgress({ phase: "analysing", fraction: 0.45 });
  expect(store.get()).toMatchObject({ running: true, progress: { phase: "analysing", fraction: 0.45 } });
  checks[0].resolve(report({ asOf: "2024-08-15" }));
  await done;
  expect(store.get()).toMatchObject({ running: false, progress: null, error: null, source: "taskpane" });
  expect(store.get().result?.report?.asOf).toBe("2024-08-15");
});

test("a second check cancels the first; the first's late result never replaces the second's", async () => {
  const { host, checks } = standaloneHost();
  const store = new ResultStore();
  const states = recorded(store);
  const first = runCheck(host, store, { asOf: "2024-08-01" });
  await flush();
  const second = runCheck(host, store, { asOf: "2024-08-15" });
  expect(host.cancelCheck).toHaveBeenCalledTimes(1);
  // The first still answers (a worker mid-message, or the in-thread fallback): too late.
  checks[0].onProgress({ phase: "analysing", fraction: 0.9 });
  checks[0].resolve(report({ asOf: "2024-08-01" }));
  await first;
  await flush();
  expect(checks).toHaveLength(2);
  expect(checks[1].options.asOf).toBe("2024-08-15");
  checks[1].resolve(report({ asOf: "2024-08-15" }));
  await second;
  expect(states.some((state) => state.result?.report?.asOf === "2024-08-01")).toBe(false);
  expect(states.some((state) => state.progress?.fraction === 0.9)).toBe(false);
  expect(store.get()).toMatchObject({ running: false, error: null });
  expect(store.get().result?.report?.asOf).toBe("2024-08-15");
});

test("Cancel stops the check: no error, the previous result stays", async () => {
  const { host, checks } = standaloneHost();
  const store = new ResultStore();
  const previous = report({ asOf: "2024-07-31" });
  store.set({ result: { action: "check", report: previous, highlights: null, wroteSheets: [] } });
  const run = runCheck(host, store, { asOf: "2024-08-15" });
  await flush();
  cancelCheck(host, store);
  expect(host.cancelCheck).toHaveBeenCalled();
  expect(store.get().running).toBe(false);
  checks[0].reject(new CancelledError());
  await run;
  expect(store.get()).toMatchObject({ running: false, error: null });
  expect(store.get().result?.report).toBe(previous);
});

test("a check that fails (not cancelled) shows its error", async () => {
  const { host, checks } = standaloneHost();
  const store = new ResultStore();
  const run = runCheck(host, store, {});
  await flush();
  checks[0].reject(Object.assign(new Error("boom"), { name: "Error" }));
  await run;
  expect(store.get().error?.code).toBe("unexpected");
});

test("in Excel the check use case analyses through the host's analyzer, with the workbook's settings merged", async () => {
  const port = new FakePort();
  port.settings = { published: "2024-03-01" };
  port.grids = {
    plan: {
      sheet: "分工方案",
      origin: { row: 1, column: 1 },
      values: [
        ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
        [1, "推进政务服务“一网通办”", "省政务服务管理局", "省发展改革委", "2024年6月底前"],
      ],
      merges: [],
    },
    others: [],
  };
  const host = new FakeHost("office", port);
  const calls: { sheets: string[]; options: CheckOptions }[] = [];
  const analyzer: Analyzer = async (grids, options) => {
    calls.push({ sheets: grids.map((grid) => grid.sheet), options });
    return (await import("../../src/core/analyze")).analyze(grids, options);
  };
  const withAnalyzer = Object.assign(host, { analyzer: jest.fn(() => analyzer) });
  const store = new ResultStore();
  const states = recorded(store);
  await runCheck(withAnalyzer, store, { asOf: "2024-08-15" });
  // Reading, then (after the analysis) writing the highlights and the findings sheet.
  const phases = states.map((state) => state.progress?.phase).filter((phase) => phase !== undefined && phase !== null);
  expect([...new Set(phases)]).toEqual(["reading", "writing"]);
  expect(port.written.map((sheet) => sheet.kind)).toEqual(["findings"]);
  expect(calls).toEqual([
    { sheets: ["分工方案"], options: expect.objectContaining({ asOf: "2024-08-15", published: "2024-03-01" }) },
  ]);
  expect(store.get().result?.report?.tasks.map((task) => task.lead)).toEqual([["省政务服务管理局"]]);
  expect(store.get().result?.report?.tasks[0].status).toBe("overdue");
});
