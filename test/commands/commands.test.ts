/** commands.ts wires the handlers into Office: the four names, with ExcelWorkbook on Excel.run. */
import type { ResultState } from "../../src/app/resultStore";
import { planWorkbook } from "../excel/helpers";

type Handler = (event: { completed(): void }) => Promise<void>;
const globals = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

function loadCommands(): { resultStore: { get(): ResultState } } {
  let store: { resultStore: { get(): ResultState } } | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry per test
    require("../../src/commands/commands");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    store = require("../../src/app/resultStore");
  });
  return store!;
}

test("registers exactly the manifest's four functions once Office is ready; they run on Excel", async () => {
  const excel = planWorkbook(6);
  const associated = new Map<string, Handler>();
  let shown = 0;
  globals.Excel = { run: excel.run };
  globals.Office = {
    onReady: (callback: () => void) => {
      callback();
      return Promise.resolve({ host: "Excel" });
    },
    actions: { associate: (name: string, handler: Handler) => associated.set(name, handler) },
    addin: { showAsTaskpane: async () => void shown++ },
    context: { requirements: excel.office.context.requirements },
  };
  const { resultStore } = loadCommands();
  expect([...associated.keys()]).toEqual(["checkPlan", "highlightOverdue", "totalsByUnit", "clearHighlights"]);

  const completed = jest.fn();
  await associated.get("totalsByUnit")!({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(resultStore.get()).toMatchObject({ running: false, error: null, source: "ribbon" });
  expect(excel.sheetNames()).toContain("按单位汇总");

  await associated.get("checkPlan")!({ completed });
  expect(shown).toBe(1);
  expect(resultStore.get().result?.report?.tasks).toHaveLength(6);
});

test("without Office (a browser tab) nothing is registered and nothing throws", () => {
  expect(() => loadCommands()).not.toThrow();
});

test("without Excel.run the ribbon reports that Excel is unavailable", async () => {
  const associated = new Map<string, Handler>();
  globals.Office = {
    onReady: (callback: () => void) => {
      callback();
      return Promise.resolve({ host: "Excel" });
    },
    actions: { associate: (name: string, handler: Handler) => associated.set(name, handler) },
    addin: { showAsTaskpane: async () => undefined },
    context: { requirements: { isSetSupported: () => true } },
  };
  const { resultStore } = loadCommands();
  const completed = jest.fn();
  await associated.get("clearHighlights")!({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(resultStore.get().error?.code).toBe("office.unavailable");
});
