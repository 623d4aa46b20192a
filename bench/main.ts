/**
 * `npm run bench`: every measurement, each in its own child process, then the tables, the verdicts,
 * bench/results.md and bench/analyze.svg. scripts/bench.mjs bundles this file and the runners (bench/run/*.ts)
 * into bench/tmp/ first and runs it from the project folder.
 *
 *   npm run bench                    everything (about ten minutes on 2 cores)
 *   npm run bench -- --quick         1k and 10k only, fewer runs; results in bench/tmp/ (results.md untouched)
 *   npm run bench -- --only analyze,profile,cli,out,gateway,bundle,pane [--sizes 10k,100k,300k]
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RESULT_MARKER } from "./args";
import { analyzeChartSvg } from "./chart";
import type { PlanLayout } from "./generatePlan";
import { currentLoad, describeMachine } from "./machine";
import { readProfile, summarizeProfile } from "./profile";
import { resultsMarkdown, terminalReport, TARGETS } from "./report";
import { formatBytes, formatMs, formatRows, median } from "./stats";
import type {
  AnalyzeResult,
  BenchResults,
  BundleResult,
  CliResult,
  GatewayResult,
  MakeXlsxResult,
  OutResult,
  PaneResult,
  ProcessRun,
  ProfileResult,
  ReadResult,
} from "./types";
import { AS_OF, PUBLISHED } from "./vocabulary";

const ROOT = process.cwd();
const TMP = join(ROOT, "bench", "tmp");
const RSS_PRELOAD = join(ROOT, "bench", "rss.cjs");
const STEPS = ["analyze", "profile", "cli", "out", "gateway", "bundle", "pane"] as const;
/**
 * Time after which no further round of command-line runs is started for a size: the big sizes get fewer runs
 * (one round at 300k rows takes a minute or more on 2 cores), so the whole benchmark stays near ten minutes.
 */
const CLI_BUDGET_MS = 40_000;
/** Stock exceljs (quadratic merged-cell check) is run this many times per size; 0 = skipped. */
const stockRuns = (rows: number, quick: boolean): number =>
  rows <= 10_000 ? (quick ? 2 : 3) : rows <= 100_000 ? 1 : 0;
type Step = (typeof STEPS)[number];

interface Settings {
  quick: boolean;
  steps: Set<Step>;
  analyzeSizes: number[];
  analyzeRuns: number;
  cliSizes: number[];
  /** --sizes was given (a partial run). */
  sizesGiven: boolean;
  /** Rounds of command-line runs per size (fewer for big files; see CLI_BUDGET_MS). */
  cliRuns: (rows: number) => number;
  outRuns: (rows: number) => number;
  gatewaySizes: number[];
  profileRows: number;
  paneRows: number;
}

function settingsFrom(argv: readonly string[]): Settings {
  const quick = argv.includes("--quick");
  const onlyAt = argv.findIndex((arg) => arg === "--only" || arg.startsWith("--only="));
  const onlyText =
    onlyAt < 0 ? null : argv[onlyAt].includes("=") ? argv[onlyAt].split("=")[1] : (argv[onlyAt + 1] ?? "");
  const only = onlyText === null ? null : onlyText.split(",").map((s) => s.trim());
  const unknown = only?.filter((s) => !(STEPS as readonly string[]).includes(s)) ?? [];
  if (unknown.length > 0) throw new Error(`bench: unknown step ${unknown.join(", ")} (steps: ${STEPS.join(", ")})`);
  const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const sizesAt = argv.findIndex((arg) => arg === "--sizes" || arg.startsWith("--sizes="));
  const sizesText =
    sizesAt < 0 ? null : argv[sizesAt].includes("=") ? argv[sizesAt].split("=")[1] : (argv[sizesAt + 1] ?? "");
  const cliSizes =
    sizesText === null ? (quick ? [10_000] : [10_000, 100_000, 300_000]) : sizesText.split(",").map(rowsOf);
  return {
    quick,
    steps: new Set((only ?? STEPS) as Step[]),
    analyzeSizes: sizes,
    analyzeRuns: quick ? 3 : 7,
    cliSizes,
    sizesGiven: sizesText !== null,
    cliRuns: (rows) => (quick ? 2 : rows <= 10_000 ? 5 : rows <= 100_000 ? 3 : 2),
    outRuns: (rows) => (quick ? 2 : rows <= 10_000 ? 3 : rows <= 100_000 ? 2 : 1),
    gatewaySizes: sizes,
    profileRows: quick ? 10_000 : 100_000,
    paneRows: quick ? 10_000 : 100_000,
  };
}

/** "10k" -> 10000, "300000" -> 300000. */
function rowsOf(text: string): number {
  const match = /^\s*(\d+)(k?)\s*$/i.exec(text);
  if (!match) throw new Error(`bench: --sizes takes row counts such as 10k,100k,300k (not "${text}")`);
  return Number(match[1]) * (match[2] ? 1000 : 1);
}

// ---- child processes ----------------------------------------------------------------------------

interface ChildOutcome {
  code: number | null;
  wallMs: number;
  stdout: string;
  stderr: string;
}

function runChild(args: string[], captureStdout: boolean): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ["ignore", captureStdout ? "pipe" : "ignore", "pipe"],
    });
    const out: Buffer[] = [];
    let err = "";
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
      if (err.length > 200_000) err = err.slice(-100_000);
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code, wallMs: performance.now() - started, stdout: Buffer.concat(out).toString("utf8"), stderr: err }),
    );
  });
}

const tail = (text: string) => text.trim().split("\n").slice(-8).join("\n");

/** A runner (bench/tmp/NAME.cjs) and the result it printed. */
async function runner<T>(name: string, args: string[], nodeFlags: string[] = []): Promise<T> {
  const outcome = await runChild([...nodeFlags, join(TMP, `${name}.cjs`), ...args], true);
  const line = outcome.stdout.split("\n").find((l) => l.startsWith(RESULT_MARKER));
  if (outcome.code !== 0 || !line)
    throw new Error(`${name} ${args.join(" ")} failed (exit ${outcome.code}):\n${tail(outcome.stderr)}`);
  return JSON.parse(line.slice(RESULT_MARKER.length)) as T;
}

/** A script in a fresh process, with peak memory and CPU time from the preload (and its stdout when asked). */
async function measuredProcess(
  script: string,
  args: string[],
  okCodes: number[],
  preload: string[] = [],
  captureStdout = false,
): Promise<ProcessRun & { stdout: string }> {
  const outcome = await runChild(
    [...preload.flatMap((file) => ["-r", file]), "-r", RSS_PRELOAD, script, ...args],
    captureStdout,
  );
  const usageLine = outcome.stderr.split("\n").find((l) => l.startsWith("FENGONG_BENCH "));
  if (outcome.code === null || !okCodes.includes(outcome.code) || !usageLine) {
    throw new Error(`${script} ${args.join(" ")} failed (exit ${outcome.code}):\n${tail(outcome.stderr)}`);
  }
  const usage = JSON.parse(usageLine.slice("FENGONG_BENCH ".length)) as {
    maxRssKb: number;
    userMs: number;
    systemMs: number;
  };
  return {
    wallMs: outcome.wallMs,
    cpuMs: usage.userMs + usage.systemMs,
    maxRssKb: usage.maxRssKb,
    stdout: outcome.stdout,
  };
}

/** Only the figures of a measured run (not its output). */
const figures = ({ wallMs, cpuMs, maxRssKb }: ProcessRun): ProcessRun => ({ wallMs, cpuMs, maxRssKb });

const say = (text: string) => process.stdout.write(`${text}\n`);

// ---- steps --------------------------------------------------------------------------------------

const LAYOUTS: PlanLayout[] = ["two-column", "one-column"];

async function analyzeStep(settings: Settings): Promise<AnalyzeResult[]> {
  const results: AnalyzeResult[] = [];
  for (const layout of LAYOUTS) {
    for (const rows of settings.analyzeSizes) {
      // Small plans take milliseconds: more warm-up (the JIT) and more runs, for a steady median.
      const runs = Math.max(settings.analyzeRuns, Math.round(90_000 / rows));
      const warmups = Math.max(1, Math.round(10_000 / rows));
      const result = await runner<AnalyzeResult>(
        "analyze",
        ["--layout", layout, "--rows", String(rows), "--runs", String(runs), "--warmups", String(warmups)],
        ["--expose-gc"],
      );
      if (result.tasks !== result.tasksExpected) {
        throw new Error(
          `analyze ${layout} ${rows}: ${result.tasks} tasks read, the generator wrote ${result.tasksExpected}`,
        );
      }
      say(
        `  analyze ${layout} ${formatRows(rows)}: ${formatMs(median(result.wallMs))} (CPU ${formatMs(median(result.cpuMs))})`,
      );
      results.push(result);
    }
  }
  return results;
}

async function profileStep(settings: Settings): Promise<ProfileResult[]> {
  const dir = join(TMP, "profiles");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const results: ProfileResult[] = [];
  for (const layout of LAYOUTS) {
    const name = `analyze-${layout}-${formatRows(settings.profileRows)}.cpuprofile`;
    await runner<AnalyzeResult>(
      "analyze",
      ["--layout", layout, "--rows", String(settings.profileRows), "--runs", "3", "--warmups", "1"],
      ["--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-name", name],
    );
    const summary = summarizeProfile(readProfile(join(dir, name)), { top: 14, within: "analyze", root: ROOT });
    say(`  profile: bench/tmp/profiles/${name} (node bench/tmp/summarize.cjs FILE --within analyze)`);
    results.push({ subject: `${layout} layout, ${formatRows(settings.profileRows)} rows (4 calls)`, summary });
  }
  return results;
}

/**
 * The generated plan of this size as .xlsx in bench/tmp, written by the makeXlsx runner — or the one a previous
 * run wrote, when the runner is byte for byte the same (its hash is kept beside the file): 300k rows take a
 * minute to generate.
 */
async function planFile(rows: number, layout: PlanLayout = "two-column"): Promise<MakeXlsxResult> {
  const file = join(TMP, `plan-${layout}-${formatRows(rows)}.xlsx`);
  const sidecar = `${file}.json`;
  const generator = createHash("sha256")
    .update(readFileSync(join(TMP, "makeXlsx.cjs")))
    .digest("hex");
  if (existsSync(file) && existsSync(sidecar)) {
    const kept = JSON.parse(readFileSync(sidecar, "utf8")) as MakeXlsxResult & { generator?: string };
    if (kept.generator === generator && kept.bytes === statSync(file).size) {
      say(`  ${file.slice(ROOT.length + 1)} (${formatBytes(kept.bytes)}) kept from an earlier run`);
      return kept;
    }
  }
  const made = await runner<MakeXlsxResult>("makeXlsx", ["--layout", layout, "--rows", String(rows), "--out", file]);
  writeFileSync(sidecar, JSON.stringify({ ...made, generator }));
  say(`  wrote ${formatBytes(made.bytes)} ${file.slice(ROOT.length + 1)} in ${formatMs(made.ms)}`);
  return made;
}

const CLI = join(ROOT, "bin", "fengong.js");
const FLOOR = join(ROOT, "bench", "floor.cjs");
const FLOOR_WRITE = join(ROOT, "bench", "floorWrite.cjs");
const LINEAR_MERGES = [join(ROOT, "bench", "linearMerges.cjs")];
const checkArgs = (file: string) => ["check", file, "--as-of", AS_OF, "--published", PUBLISHED];
const mediumMs = (runs: readonly ProcessRun[]) => formatMs(median(runs.map((r) => r.wallMs)));
const mediumRss = (runs: readonly ProcessRun[]) => formatBytes(median(runs.map((r) => r.maxRssKb)) * 1024);

/**
 * check --json, reading alone (bench/run/read.ts) and the floor (exceljs reading the file, with its merged-cell
 * check made linear), and stock exceljs where it is affordable — each in a fresh process, alternated per round
 * so drifting load on the machine hits them alike.
 */
async function cliStep(settings: Settings): Promise<CliResult[]> {
  const results: CliResult[] = [];
  const layout: PlanLayout = "two-column";
  const reader = join(TMP, "read.cjs");
  for (const rows of settings.cliSizes) {
    const made = await planFile(rows, layout);
    const file = made.file;
    const cliArgs = [...checkArgs(file), "--json"];

    // Once, untimed: the command line reads what was written.
    let tasksRead: number | null = null;
    if (rows <= 10_000) {
      const checked = await runChild([CLI, ...cliArgs], true);
      const json = JSON.parse(checked.stdout) as { tasks?: unknown[] };
      tasksRead = json.tasks?.length ?? 0;
      if (tasksRead !== made.tasks)
        throw new Error(`cli ${formatRows(rows)}: ${tasksRead} tasks read, the generator wrote ${made.tasks}`);
    }

    const stock = stockRuns(rows, settings.quick);
    const result: CliResult = {
      layout,
      rows,
      fileBytes: made.bytes,
      merges: made.merges,
      tasksExpected: made.tasks,
      tasksRead,
      cli: [],
      read: [],
      floor: [],
      floorStock: [],
      stockSkipped:
        stock > 0 ? null : `skipped at ${formatRows(rows)} rows (quadratic in merged areas: minutes a read)`,
    };
    // Warm the file cache (and, on the small file, the module files exceljs loads).
    if (rows <= 10_000) await measuredProcess(FLOOR, [file], [0], LINEAR_MERGES);
    else readFileSync(file);
    const sizeStarted = performance.now();
    for (let i = 0; i < settings.cliRuns(rows); i++) {
      result.floor.push(figures(await measuredProcess(FLOOR, [file], [0], LINEAR_MERGES)));
      result.cli.push(figures(await measuredProcess(CLI, cliArgs, [0, 1])));
      const read = await measuredProcess(reader, [file], [0], [], true);
      result.read.push(figures(read));
      if (i === 0) {
        const line = read.stdout.split("\n").find((l) => l.startsWith(RESULT_MARKER));
        const grid = line ? (JSON.parse(line.slice(RESULT_MARKER.length)) as ReadResult) : null;
        // The plan sheet: a title row or two, the header, the body rows; every merged area the generator wrote.
        if (!grid || grid.rows < rows || grid.merges !== made.merges)
          throw new Error(
            `read ${formatRows(rows)}: ${grid ? `${grid.rows} rows, ${grid.merges} merged areas` : "no result"}, ` +
              `the generator wrote ${rows} body rows and ${made.merges} merged areas`,
          );
      }
      if (performance.now() - sizeStarted > CLI_BUDGET_MS) break;
    }
    // A stock exceljs read takes half a minute or more at 100k rows: run apart, outside the rounds' budget.
    for (let i = 0; i < stock; i++) result.floorStock.push(figures(await measuredProcess(FLOOR, [file], [0])));
    say(
      `  cli ${formatRows(rows)}: check --json ${mediumMs(result.cli)} (${mediumRss(result.cli)}), ` +
        `read ${mediumMs(result.read)}, floor ${mediumMs(result.floor)} (${mediumRss(result.floor)})` +
        (result.floorStock.length > 0 ? `, stock exceljs ${mediumMs(result.floorStock)}` : ""),
    );
    results.push(result);
  }
  return results;
}

/** check --out against exceljs reading and writing the file (both with a fresh process per run). */
async function outStep(settings: Settings): Promise<OutResult[]> {
  const results: OutResult[] = [];
  const layout: PlanLayout = "two-column";
  for (const rows of settings.cliSizes) {
    const made = await planFile(rows, layout);
    const file = made.file;
    const copy = join(TMP, `out-${formatRows(rows)}.xlsx`);
    const exceljsCopy = join(TMP, `out-exceljs-${formatRows(rows)}.xlsx`);
    const result: OutResult = {
      layout,
      rows,
      fileBytes: made.bytes,
      out: [],
      floorWrite: [],
      outBytes: NaN,
      floorWriteBytes: NaN,
    };
    readFileSync(file);
    const sizeStarted = performance.now();
    for (let i = 0; i < settings.outRuns(rows); i++) {
      rmSync(copy, { force: true });
      result.out.push(figures(await measuredProcess(CLI, [...checkArgs(file), "--out", copy], [0, 1])));
      result.outBytes = statSync(copy).size;
      rmSync(exceljsCopy, { force: true });
      result.floorWrite.push(figures(await measuredProcess(FLOOR_WRITE, [file, exceljsCopy], [0], LINEAR_MERGES)));
      result.floorWriteBytes = statSync(exceljsCopy).size;
      if (performance.now() - sizeStarted > CLI_BUDGET_MS) break;
    }
    // The copy is a workbook the command line reads again, with the same tasks.
    if (rows <= 10_000) {
      const again = await runChild([CLI, ...checkArgs(copy), "--json"], true);
      const tasks = (JSON.parse(again.stdout) as { tasks?: unknown[] }).tasks?.length ?? 0;
      if (tasks !== made.tasks)
        throw new Error(`out ${formatRows(rows)}: the copy holds ${tasks} tasks, the generator wrote ${made.tasks}`);
    }
    rmSync(copy, { force: true });
    rmSync(exceljsCopy, { force: true });
    say(
      `  out ${formatRows(rows)}: check --out ${mediumMs(result.out)} (${mediumRss(result.out)}), ` +
        `exceljs read + write ${mediumMs(result.floorWrite)} (${mediumRss(result.floorWrite)})`,
    );
    results.push(result);
  }
  return results;
}

async function gatewayStep(settings: Settings): Promise<GatewayResult[]> {
  const results: GatewayResult[] = [];
  for (const rows of settings.gatewaySizes) {
    const result = await runner<GatewayResult>("gateway", ["--rows", String(rows)]);
    const check = result.fengong.find((p) => p.phase === "check");
    const naive = result.naive?.reduce((sum, p) => sum + p.syncs, 0);
    say(`  gateway ${formatRows(rows)}: check ${check?.syncs} syncs (${check?.blocks} blocks), naive ${naive} syncs`);
    results.push(result);
  }
  return results;
}

async function bundleStep(): Promise<BundleResult> {
  const result = await runner<BundleResult>("bundle", []);
  say(
    `  bundle${result.built ? ` (built in ${formatMs(result.buildMs ?? NaN)})` : " (previous build current)"}: ` +
      `initial ${(result.initial.gzip / 1024).toFixed(1)} KB gzip, standalone +${(result.standalone.gzip / 1024).toFixed(1)} KB`,
  );
  return result;
}

/** The built pane in Chromium on a generated plan (the bundle step's build; built here when it is missing). */
async function paneStep(settings: Settings): Promise<PaneResult> {
  const made = await planFile(settings.paneRows, "two-column");
  const file = made.file;
  if (!existsSync(join(TMP, "webpack", "taskpane.html"))) await bundleStep();
  const result = await runner<PaneResult>("pane", [
    "--file",
    file,
    "--rows",
    String(settings.paneRows),
    "--tasks",
    String(made.tasks),
  ]);
  if (result.tasksShown !== null && result.tasksShown !== made.tasks)
    throw new Error(
      `pane ${formatRows(settings.paneRows)}: ${result.tasksShown} tasks shown, the generator wrote ${made.tasks}`,
    );
  say(
    `  pane ${formatRows(settings.paneRows)}: counts after ${formatMs(result.countsMs)}, ` +
      `longest main-thread task ${formatMs(result.longestTaskMs)} (${result.longTasks} over 50 ms)`,
  );
  return result;
}

// ---- main ---------------------------------------------------------------------------------------

const USAGE = `npm run bench [-- --quick] [-- --only ${STEPS.join(",")}] [-- --sizes 10k,100k,300k]
  --quick   1k and 10k rows only, fewer runs; writes bench/tmp/results.md (bench/results.md untouched)
  --only    some steps; writes bench/tmp/results.md
  --sizes   the plan sizes of the cli and out steps (default 10k,100k,300k); writes bench/tmp/results.md`;

async function main(): Promise<number> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    say(USAGE);
    return 0;
  }
  const settings = settingsFrom(process.argv.slice(2));
  mkdirSync(TMP, { recursive: true });
  const started = new Date();
  const clock = performance.now();
  const results: BenchResults = {
    machine: describeMachine(),
    started: started.toISOString(),
    elapsedMs: 0,
    quick: settings.quick,
    analyze: [],
    cli: [],
    out: [],
    gateway: [],
    bundle: null,
    profile: [],
    pane: null,
    failures: [],
  };
  say(`Fengong benchmarks: ${[...settings.steps].join(", ")}${settings.quick ? " (quick)" : ""}`);
  say(
    `  ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}, load ${results.machine.loadStart.toFixed(2)}`,
  );

  const attempt = async (step: Step, work: () => Promise<void>) => {
    if (!settings.steps.has(step)) return;
    const t = performance.now();
    say(`${step}…`);
    try {
      await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.failures.push({ step, message: message.split("\n")[0] });
      say(`  FAILED: ${message}`);
    }
    say(`  (${formatMs(performance.now() - t)})`);
  };
  await attempt("analyze", async () => void (results.analyze = await analyzeStep(settings)));
  await attempt("profile", async () => void (results.profile = await profileStep(settings)));
  await attempt("cli", async () => void (results.cli = await cliStep(settings)));
  await attempt("out", async () => void (results.out = await outStep(settings)));
  await attempt("gateway", async () => void (results.gateway = await gatewayStep(settings)));
  await attempt("bundle", async () => void (results.bundle = await bundleStep()));
  await attempt("pane", async () => void (results.pane = await paneStep(settings)));

  results.machine.loadEnd = currentLoad();
  results.elapsedMs = performance.now() - clock;

  // A full run replaces the committed results; a partial one writes beside the scratch files.
  const full = !settings.quick && settings.steps.size === STEPS.length && !settings.sizesGiven;
  const outDir = full ? join(ROOT, "bench") : TMP;
  const chartName = "analyze.svg";
  const series = LAYOUTS.map((layout, i) => ({
    label: layout,
    color: ["#1f6fb2", "#e07b00"][i],
    points: results.analyze.filter((r) => r.layout === layout).map((r) => ({ rows: r.rows, ms: median(r.wallMs) })),
  })).filter((s) => s.points.length > 0);
  const chart = series.length > 0;
  if (chart) {
    writeFileSync(
      join(outDir, chartName),
      analyzeChartSvg(series, {
        title: "analyze: median time against rows (log-log)",
        target: { rows: 100_000, ms: TARGETS.analyze100kMs, label: "target: 100k in ~1 s" },
      }),
    );
  }
  const notesFile = join(ROOT, "bench", "notes.md");
  const notes = existsSync(notesFile) ? readFileSync(notesFile, "utf8") : "";
  writeFileSync(join(outDir, "results.md"), resultsMarkdown(results, notes, chart ? chartName : null));
  writeFileSync(join(TMP, "results.json"), JSON.stringify(results, null, 2));

  say("");
  say(terminalReport(results));
  say("");
  say(
    `Wrote ${join(outDir, "results.md").slice(ROOT.length + 1)}${chart ? ` and ${chartName}` : ""} in ${formatMs(results.elapsedMs)}.`,
  );
  return results.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
