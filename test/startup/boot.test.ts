/**
 * Start-up: a browser tab runs standalone without touching Office; inside Office the pane waits for
 * Office.onReady and, when office.js is missing or never answers (blocked script, CSP), says so with a retry
 * instead of switching silently to standalone mode. The Office runtime double's onReady never resolves until
 * it is initialised, as when office.js cannot reach its host.
 */
import { detectStart, type BootClock } from "../../src/taskpane/boot";
import { OfficeRuntimeDouble } from "../doubles/excel";
import { planWorkbook } from "../excel/helpers";

const globals = globalThis as unknown as Record<string, unknown>;
afterEach(() => delete globals.Office);

/** A clock whose timeouts fire when the test says (no real waiting). */
function manualClock() {
  const pending: (() => void)[] = [];
  const clock: BootClock = {
    setTimeout: (callback) => pending.push(callback),
    clearTimeout: () => undefined,
  };
  return { clock, fire: () => pending.splice(0).forEach((callback) => callback()) };
}

const INSIDE = { legacy: false, insideOffice: true };

test("a browser tab is standalone at once, even when some Office global is around", async () => {
  globals.Office = new OfficeRuntimeDouble(planWorkbook(1)).office;
  expect(await detectStart({ legacy: false, insideOffice: false })).toEqual({ mode: "standalone" });
});

test("inside Office with office.js blocked (no Office global): office-failed, not standalone", async () => {
  expect(await detectStart(INSIDE)).toEqual({ mode: "office-failed", reason: "no-office-js" });
});

test("inside Office, Office.onReady that never resolves: office-failed after the timeout, not standalone", async () => {
  const runtime = new OfficeRuntimeDouble(planWorkbook(1)); // never initialised
  globals.Office = runtime.office;
  const { clock, fire } = manualClock();
  const start = detectStart(INSIDE, 10_000, clock);
  await Promise.resolve();
  fire();
  expect(await start).toEqual({ mode: "office-failed", reason: "not-ready" });
});

test("inside Excel, once Office is ready: Office mode in Excel's language", async () => {
  const runtime = new OfficeRuntimeDouble(planWorkbook(1, { displayLanguage: "en-US" }));
  globals.Office = runtime.office;
  const start = detectStart(INSIDE, 10_000, manualClock().clock);
  runtime.initialize();
  const result = await start;
  expect(result.mode).toBe("office");
  expect(result.mode === "office" && result.info.language).toBe("en-US");
});

test("inside another Office host than Excel: office-failed (the manifest only asks for workbooks)", async () => {
  const runtime = new OfficeRuntimeDouble(planWorkbook(1), { host: "Word" });
  globals.Office = runtime.office;
  const start = detectStart(INSIDE, 10_000, manualClock().clock);
  runtime.initialize();
  expect(await start).toEqual({ mode: "office-failed", reason: "not-excel" });
});
