/**
 * The task pane's main thread on a big plan: the built page (standalone) in Chromium through playwright-core,
 * opening a generated .xlsx and checking it. Records the longest main-thread task (PerformanceObserver
 * "longtask" and "long-animation-frame"), the longest stall of a 20 ms timer, the progress labels shown,
 * and the time from choosing the file until the counts show. Where the time went: the longest animation frames
 * with the scripts that ran in them (their invoker and source), and with --profile FILE the main thread's CPU
 * profile (written to FILE as a .cpuprofile) cut into busy stretches, each with the functions that took it
 * (named by original file and line when the build has source maps, e.g. a build with devtool "source-map").
 *   node bench/tmp/pane.cjs --file bench/tmp/plan-two-column-100k.xlsx --rows 100000 [--dist bench/tmp/webpack]
 *     [--profile bench/tmp/pane.cpuprofile]
 */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, realpath, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { numberArg, printResult, readArgs, runMain } from "../args";
import { summarizeProfile, type CpuProfile } from "../profile";
import type { PaneBusyStretch, PaneFrame, PaneResult } from "../types";
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

/** Long frames kept with their scripts (the longest ones are reported). */
const FRAMES_KEPT = 10;
/** A busy stretch of the CPU profile worth naming, like a long task. */
const BUSY_MS = 50;

interface ProbeFrame {
  start: number;
  duration: number;
  blocking: number;
  render: number;
  scripts: { invoker: string; source: string; duration: number }[];
}

interface PageProbe {
  longTasks: number[];
  frames: number[];
  frameDetails: ProbeFrame[];
  stall: number;
  progress: string[];
  progressAt: number[];
}

/** Installed before the page's own scripts: long tasks, long animation frames, timer stalls, progress labels. */
function installProbe(): void {
  const probe: PageProbe = { longTasks: [], frames: [], frameDetails: [], stall: 0, progress: [], progressAt: [] };
  (window as unknown as { __probe: PageProbe }).__probe = probe;
  const observe = (type: string, sink: number[], detail?: (entry: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          sink.push(entry.duration);
          detail?.(entry);
        }
      }).observe({ type, buffered: true });
    } catch {
      // This Chromium does not know the entry type.
    }
  };
  observe("longtask", probe.longTasks);
  // The Long Animation Frames API (not in the DOM library's types): each frame with its scripts.
  interface FrameEntry extends PerformanceEntry {
    blockingDuration?: number;
    renderStart?: number;
    scripts?: {
      invoker?: string;
      invokerType?: string;
      sourceURL?: string;
      sourceFunctionName?: string;
      sourceCharPosition?: number;
      duration: number;
    }[];
  }
  observe("long-animation-frame", probe.frames, (entry) => {
    const frame = entry as FrameEntry;
    const end = frame.startTime + frame.duration;
    probe.frameDetails.push({
      start: frame.startTime,
      duration: frame.duration,
      blocking: frame.blockingDuration ?? 0,
      render: frame.renderStart ? end - frame.renderStart : 0,
      scripts: (frame.scripts ?? []).map((script) => ({
        invoker: `${script.invokerType ?? ""} ${script.invoker ?? ""}`.trim(),
        source: `${(script.sourceURL ?? "").replace(/^.*\//, "")} ${script.sourceFunctionName ?? ""}@${script.sourceCharPosition ?? -1}`,
        duration: script.duration,
      })),
    });
  });
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
      probe.progressAt.push(performance.now());
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

function longestFrames(frames: ProbeFrame[], started: number): PaneFrame[] {
  return [...frames]
    .sort((a, b) => b.duration - a.duration)
    .slice(0, FRAMES_KEPT)
    .map((frame) => ({
      startMs: frame.start - started,
      durationMs: frame.duration,
      blockingMs: frame.blocking,
      renderMs: frame.render,
      scripts: [...frame.scripts]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 5)
        .map((script) => ({ invoker: script.invoker, source: script.source, durationMs: script.duration })),
    }));
}

/** A CPU profile as Chromium's Profiler.stop gives it (sample times in microseconds). */
interface TimedProfile extends CpuProfile {
  startTime: number;
  timeDeltas: number[];
}

/** The profile with the page's script URLs turned into the build's files (so source maps next to them are used). */
function localUrls(profile: TimedProfile, origin: string, dist: string): TimedProfile {
  const base = pathToFileURL(dist).href;
  for (const node of profile.nodes)
    if (node.callFrame.url.startsWith(origin)) node.callFrame.url = base + node.callFrame.url.slice(origin.length);
  return profile;
}

/** The stretches of the profile without an idle sample, over BUSY_MS, longest first, each summarised. */
function busyStretches(profile: TimedProfile): PaneBusyStretch[] {
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === "(idle)").map((node) => node.id));
  const stretches: { start: number; end: number; samples: number[] }[] = [];
  let time = 0;
  let current: { start: number; end: number; samples: number[] } | null = null;
  for (const [index, sample] of profile.samples.entries()) {
    time += profile.timeDeltas[index] ?? 0;
    if (idle.has(sample)) {
      if (current) stretches.push(current);
      current = null;
      continue;
    }
    current ??= { start: time, end: time, samples: [] };
    current.end = time;
    current.samples.push(sample);
  }
  if (current) stretches.push(current);
  // "name …/webpack:/fengong/src/x.ts:12" -> "name src/x.ts:12"; node_modules likewise.
  const tidy = (name: string) => name.replace(/ \S*?(?:webpack:\/[^/]+\/|\/main\/)(src|node_modules)\//, " $1/");
  const share = (line: { name: string; share: number }) => `${tidy(line.name)} ${Math.round(line.share * 100)}%`;
  return stretches
    .filter((stretch) => (stretch.end - stretch.start) / 1000 >= BUSY_MS)
    .sort((a, b) => b.end - b.start - (a.end - a.start))
    .slice(0, FRAMES_KEPT)
    .map((stretch) => {
      const summary = summarizeProfile({ nodes: profile.nodes, samples: stretch.samples }, { top: 40 });
      return {
        startMs: stretch.start / 1000,
        durationMs: (stretch.end - stretch.start) / 1000,
        self: summary.self.slice(0, 5).map(share),
        ours: summary.inclusive
          .map((line) => ({ ...line, name: tidy(line.name) }))
          .filter((line) => / src\//.test(line.name))
          .slice(0, 8)
          .map(share),
      };
    });
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
      probe.frameDetails.length = 0;
      probe.stall = 0;
    });
    const profileFile = args.get("profile");
    const cdp = profileFile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
      await cdp.send("Profiler.start");
    }
    const started = await page.evaluate(() => performance.now());
    await page.getByTestId("open-workbook").setInputFiles(file);
    await page.getByTestId("file-name").waitFor({ timeout: COUNTS_TIMEOUT_MS });
    const opened = await page.evaluate(() => performance.now());
    await page.getByTestId("run-check").click({ timeout: COUNTS_TIMEOUT_MS });
    await page.getByTestId("count-overdue").waitFor({ timeout: COUNTS_TIMEOUT_MS });
    const shown = await page.evaluate(() => performance.now());
    // The counts show as soon as the analysis is done; the lists follow (the check runs until they are in).
    await page.getByTestId("progress").waitFor({ state: "detached", timeout: COUNTS_TIMEOUT_MS });
    const complete = await page.evaluate(() => performance.now());
    // Let the observers deliver the last entries.
    await page.waitForTimeout(500);
    let busy: PaneBusyStretch[] | undefined;
    if (cdp && profileFile) {
      const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: TimedProfile };
      writeFileSync(profileFile, JSON.stringify(profile));
      busy = busyStretches(localUrls(profile, origin, dist));
    }
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
      progressAtMs: probe.progressAt.map((at) => at - started),
      openMs: opened - started,
      reportMs: complete - started,
      frames: longestFrames(probe.frameDetails, started),
      busy,
    };
    printResult(result);
  } finally {
    await context.close();
    close();
    await rm(profile, { recursive: true, force: true });
  }
});
