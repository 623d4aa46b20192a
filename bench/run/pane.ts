/**
 * The task pane's main thread on a big plan: the built page (standalone) in Chromium through playwright-core,
 * opening a generated .xlsx and checking it. Records the longest main-thread task (PerformanceObserver
 * "longtask" and "long-animation-frame"), the longest stall of a 20 ms timer, the progress labels shown,
 * and the time from choosing the file until the counts show.
 *   node bench/tmp/pane.cjs --file bench/tmp/plan-two-column-100k.xlsx --rows 100000 [--dist bench/tmp/webpack]
 */
import { existsSync, statSync } from "node:fs";
import { mkdtemp, realpath, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { numberArg, printResult, readArgs, runMain } from "../args";
import type { PaneResult } from "../types";
import { AS_OF } from "../vocabulary";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** Generous: the benchmark reports the time, it does not fail on it (unless the page never shows counts). */
const COUNTS_TIMEOUT_MS = 300_000;

interface PageProbe {
  longTasks: number[];
  frames: number[];
  stall: number;
  progress: string[];
}

/** Installed before the page's own scripts: long tasks, long animation frames, timer stalls, progress labels. */
function installProbe(): void {
  const probe: PageProbe = { longTasks: [], frames: [], stall: 0, progress: [] };
  (window as unknown as { __probe: PageProbe }).__probe = probe;
  const observe = (type: string, sink: number[]) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) sink.push(entry.duration);
      }).observe({ type, buffered: true });
    } catch {
      // This Chromium does not know the entry type.
    }
  };
  observe("longtask", probe.longTasks);
  observe("long-animation-frame", probe.frames);
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    probe.stall = Math.max(probe.stall, now - last);
    last = now;
  }, 20);
  const seen = new Set<string>();
  new MutationObserver(() => {
    const label = document.querySelector('[data-testid="progress"] [role="progressbar"]')?.getAttribute("aria-label");
    if (label && !seen.has(label)) {
      seen.add(label);
      probe.progress.push(label);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

type StaticServer = (root: string) => import("node:http").Server;

async function serve(dist: string): Promise<{ origin: string; close(): void }> {
  // The project's static server (an ES module with top-level await: loaded at run time, not bundled).
  const serveDist = pathToFileURL(join(process.cwd(), "scripts", "serve-dist.mjs")).href;
  const { createStaticServer } = (await import(serveDist)) as { createStaticServer: StaticServer };
  const server = createStaticServer(await realpath(dist));
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

runMain(async () => {
  const args = readArgs(process.argv.slice(2));
  const file = resolve(args.get("file") ?? "");
  if (!args.get("file") || !existsSync(file)) throw new Error("pane: --file PLAN.xlsx is required");
  const dist = resolve(args.get("dist") ?? join("bench", "tmp", "webpack"));
  if (!existsSync(join(dist, "taskpane.html"))) throw new Error(`pane: no build in ${dist} (run the bundle step)`);
  if (!existsSync(CHROMIUM)) throw new Error(`pane: Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const rows = numberArg(args, "rows", 0);
  const tasksExpected = numberArg(args, "tasks", 0);

  const { origin, close } = await serve(dist);
  const profile = await mkdtemp(join(os.tmpdir(), "fengong-bench-pane-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 350, height: 760 },
    locale: "zh-CN",
  });
  try {
    // Nothing leaves the machine: office.js (CDN) fails as offline, so the page runs standalone at once.
    await context.route("**/*", (route) =>
      route.request().url().startsWith(origin) ? route.continue() : route.abort("internetdisconnected"),
    );
    await context.addInitScript(installProbe);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/taskpane.html`);
    await page.getByTestId("pane").waitFor();
    await page.getByTestId("as-of").fill(AS_OF);
    // Only what happens from here on counts: the page's own start is not the check.
    await page.evaluate(() => {
      const probe = (window as unknown as { __probe: PageProbe }).__probe;
      probe.longTasks.length = 0;
      probe.frames.length = 0;
      probe.stall = 0;
    });
    const started = await page.evaluate(() => performance.now());
    await page.getByTestId("open-workbook").setInputFiles(file);
    await page.getByTestId("file-name").waitFor({ timeout: COUNTS_TIMEOUT_MS });
    await page.getByTestId("run-check").click({ timeout: COUNTS_TIMEOUT_MS });
    await page.getByTestId("count-overdue").waitFor({ timeout: COUNTS_TIMEOUT_MS });
    const shown = await page.evaluate(() => performance.now());
    // Let the observers deliver the last entries.
    await page.waitForTimeout(500);
    const probe = await page.evaluate(() => (window as unknown as { __probe: PageProbe }).__probe);
    const planLine = (await page.getByTestId("plan-info").textContent()) ?? "";
    const tasks = /(\d[\d,]*)\s*(?:项任务|tasks)/.exec(planLine);
    const result: PaneResult = {
      rows,
      fileBytes: statSync(file).size,
      tasksExpected,
      tasksShown: tasks ? Number(tasks[1].replace(/,/g, "")) : null,
      countsMs: shown - started,
      longestTaskMs: Math.max(0, ...probe.longTasks),
      longestFrameMs: Math.max(0, ...probe.frames),
      longTasks: probe.longTasks.length,
      longTasksTotalMs: probe.longTasks.reduce((sum, ms) => sum + ms, 0),
      longestStallMs: probe.stall,
      progressSeen: probe.progress,
      dist,
    };
    printResult(result);
  } finally {
    await context.close();
    close();
    await rm(profile, { recursive: true, force: true });
  }
});
