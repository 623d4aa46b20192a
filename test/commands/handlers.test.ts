/**
 * Ribbon handlers: use cases run, results and errors published, event.completed() always, a repeat of the same
 * command within 2 s dropped, one writer at a time. (Office never overlaps two clicks of one command: see
 * commands.test.ts and the Office runtime double.)
 */
import { UserError } from "../../src/app/errors";
import type { WorkbookPort } from "../../src/app/port";
import { ResultStore, type ResultState } from "../../src/app/resultStore";
import { WriteLock } from "../../src/app/writeLock";
import { COMMAND_NAMES, createCommandHandlers, REPEAT_WINDOW_MS, type CommandDeps } from "../../src/commands/handlers";
import { AS_OF, addUserThings, planWorkbook, workbookOn } from "../excel/helpers";

function deferred() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** A port whose every call waits at a gate and is logged. */
function gatedPort(log: string[], gate: Promise<void>, fail?: UserError): WorkbookPort {
  const step = async <T>(name: string, value: T): Promise<T> => {
    log.push(name);
    await gate;
    if (fail) throw fail;
    return value;
  };
  return {
    readSettings: () => step("readSettings", {}),
    readGrids: () =>
      step("readGrids", {
        plan: { sheet: "P", origin: { row: 1, column: 1 }, values: [["x"]], merges: [] },
        others: [],
      }),
    applyHighlights: () => step("applyHighlights", undefined),
    clearHighlights: () => step("clearHighlights", undefined),
    writeReportSheet: () => step("writeReportSheet", undefined),
    writeSettings: () => step("writeSettings", undefined),
  };
}

function setup(port: () => WorkbookPort, options?: CommandDeps["options"], now?: () => number) {
  const store = new ResultStore();
  const states: ResultState[] = [];
  store.subscribe((state) => states.push(state));
  let shown = 0;
  let created = 0;
  const deps: CommandDeps = {
    createPort: () => {
      created++;
      return port();
    },
    store,
    showTaskpane: () => {
      shown++;
    },
    options,
    now,
  };
  return { handlers: createCommandHandlers(deps), store, states, shown: () => shown, created: () => created };
}

const event = () => {
  const e = { calls: 0, completed: () => void e.calls++ };
  return e;
};

test("exactly the manifest's four names", () => {
  const { handlers } = setup(() => gatedPort([], Promise.resolve()));
  expect(Object.keys(handlers).sort()).toEqual([...COMMAND_NAMES].sort());
});

test("Check on the Excel double: the result is published for the pane, the pane opens, event completed", async () => {
  const excel = planWorkbook(9);
  addUserThings(excel);
  const { handlers, store, states, shown } = setup(
    () => workbookOn(excel),
    () => AS_OF,
  );
  const e = event();
  await handlers.checkPlan(e);
  expect(e.calls).toBe(1);
  expect(shown()).toBe(1);
  expect(states[0]).toMatchObject({ running: true, source: "ribbon" });
  const final = store.get();
  expect(final.running).toBe(false);
  expect(final.error).toBeNull();
  expect(final.source).toBe("ribbon");
  expect(final.result?.action).toBe("check");
  expect(final.result?.wroteSheets).toEqual(["问题清单"]);
  expect(excel.sheetNames()).toContain("问题清单");
});

test.each(COMMAND_NAMES)("%s completes the event and publishes the error when the use case fails", async (name) => {
  const failure = new UserError("sheet.protected", { sheet: "分工方案" });
  const { handlers, store, shown } = setup(() => gatedPort([], Promise.resolve(), failure));
  const e = event();
  await handlers[name](e);
  expect(e.calls).toBe(1);
  expect(store.get()).toMatchObject({ running: false, source: "ribbon" });
  expect(store.get().error?.code).toBe("sheet.protected");
  expect(shown()).toBe(1); // the pane opens to show the message
});

test("a platform error that is not a UserError still completes the event and becomes 'unexpected'", async () => {
  const { handlers, store } = setup(() => {
    throw new TypeError("port exploded");
  });
  const e = event();
  await handlers.totalsByUnit(e);
  expect(e.calls).toBe(1);
  expect(store.get().error?.code).toBe("unexpected");
});

test("a different command clicked during a run waits for it, then runs", async () => {
  const log: string[] = [];
  const { gate, open } = deferred();
  const { handlers } = setup(() => gatedPort(log, gate));
  const check = handlers.highlightOverdue(event());
  await flush();
  const clear = handlers.clearHighlights(event());
  await flush();
  expect(log).toEqual(["readSettings"]);
  open();
  await Promise.all([check, clear]);
  expect(log[log.length - 1]).toBe("clearHighlights");
  expect(log.indexOf("clearHighlights")).toBeGreaterThan(log.indexOf("readGrids"));
});

test("a repeat within 2 s of the same command finishing is dropped (completed, nothing run); later it runs", async () => {
  const log: string[] = [];
  let now = 1_000_000;
  const { handlers, created } = setup(
    () => gatedPort(log, Promise.resolve()),
    undefined,
    () => now,
  );
  await handlers.clearHighlights(event());
  now += REPEAT_WINDOW_MS - 1;
  const repeat = event();
  await handlers.clearHighlights(repeat);
  expect(repeat.calls).toBe(1);
  expect(created()).toBe(1);
  now += 1;
  await handlers.clearHighlights(event());
  expect(created()).toBe(2);
  expect(log.filter((step) => step === "clearHighlights")).toHaveLength(2);
});

describe("one writer at a time with the task pane", () => {
  it("a ribbon click waits for a check the pane started, then runs", async () => {
    const lock = new WriteLock();
    const paneCheck = deferred();
    const paneDone = lock.run(() => paneCheck.gate);
    const log: string[] = [];
    const open = deferred();
    open.open();
    const store = new ResultStore();
    const handlers = createCommandHandlers({
      createPort: () => gatedPort(log, open.gate),
      store,
      showTaskpane: () => undefined,
      lock,
    });
    const completed = jest.fn();
    const click = handlers.clearHighlights({ completed });
    await flush();
    expect(log).toEqual([]); // nothing touched the workbook while the pane's check runs
    paneCheck.open();
    await paneDone;
    await click;
    expect(log).toEqual(["clearHighlights"]);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
