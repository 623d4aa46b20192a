/**
 * The benchmark's results as tables (terminal and Markdown), the verdict on each target, and bench/results.md.
 * Pure functions of BenchResults: no measuring here.
 */
import type { PlanLayout } from "./generatePlan";
import { shortName } from "./profile";
import {
  formatBytes,
  formatCount,
  formatMs,
  formatRatio,
  formatRows,
  growthPer10x,
  markdownTable,
  median,
  textTable,
} from "./stats";
import type {
  AnalyzeResult,
  BenchResults,
  CliResult,
  GatewayResult,
  OutResult,
  PaneResult,
  PhaseStats,
  ProcessRun,
} from "./types";

/** The targets (issue 7, design.md §8), with the thresholds the verdicts use. */
export const TARGETS = {
  /** analyze: 100k rows in "about 1 s"... */
  analyze100kMs: 1000,
  /** ...read as at most this much. */
  analyze100kToleranceMs: 1200,
  /** Linear growth: time per 10x rows (10 = linear), measured 10k -> 100k; above this it is not linear. */
  maxGrowthPer10x: 12,
  /** check --json / the floor (exceljs reading the file, its merged-cell check made linear), issue 16. */
  cliRatio: 0.6,
  /** Reading alone (the package into grids) / the same floor. */
  readRatio: 0.25,
  /** Peak RSS of check --json: under 400 MB at 100k rows, under 1 GB at 300k rows (issue 16). */
  checkRssMb: { 100_000: 400, 300_000: 1024 } as Record<number, number>,
  /** Initial task pane JS, gzip, in KB of 1,024 bytes (as the build's bundle-stats plugin counts). */
  initialGzipKb: 250,
  /** Task pane on a 100k-row plan (issue 16): no main-thread task longer than this... */
  paneLongestTaskMs: 200,
  /** ...and the counts on screen within this much of choosing the file. */
  paneCountsMs: 10_000,
} as const;

export interface Verdict {
  target: string;
  met: boolean | null;
  detail: string;
}

export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  rightAligned: boolean[];
}

const LAYOUT_NAMES: Record<PlanLayout, string> = {
  "two-column": "two unit columns (牵头单位 | 责任单位)",
  "one-column": "one unit column (X牵头，Y配合)",
};

const medianOf = (runs: readonly ProcessRun[], key: keyof ProcessRun): number => median(runs.map((run) => run[key]));

// ---- 1. analyze ---------------------------------------------------------------------------------

export function analyzeTable(results: readonly AnalyzeResult[]): Table {
  const rows: string[][] = [];
  const byLayout = groupBy(results, (r) => r.layout);
  for (const [layout, list] of byLayout) {
    const sorted = [...list].sort((a, b) => a.rows - b.rows);
    sorted.forEach((r, i) => {
      const ms = median(r.wallMs);
      const previous = sorted[i - 1];
      const growth = previous ? growthPer10x(previous.rows, median(previous.wallMs), r.rows, ms) : NaN;
      rows.push([
        layout,
        formatRows(r.rows),
        formatCount(r.tasks) + (r.tasks === r.tasksExpected ? "" : ` (expected ${formatCount(r.tasksExpected)})`),
        formatMs(ms),
        `${formatMs(Math.min(...r.wallMs))} – ${formatMs(Math.max(...r.wallMs))}`,
        formatMs(median(r.cpuMs)),
        formatCount(r.rows / (ms / 1000)),
        Number.isFinite(growth) ? `${growth.toFixed(1)}x` : "",
      ]);
    });
  }
  return {
    title: "1. analyze (median of the timed calls, after warm-up; each size in a fresh process)",
    header: ["layout", "rows", "tasks", "median", "range", "CPU (median)", "rows/s", "growth per 10x"],
    rows,
    rightAligned: [false, true, true, true, true, true, true, true],
  };
}

export function analyzeVerdicts(results: readonly AnalyzeResult[]): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const [layout, list] of groupBy(results, (r) => r.layout)) {
    const big = list.find((r) => r.rows === 100_000);
    const mid = list.find((r) => r.rows === 10_000);
    if (!big || !mid) continue;
    const ms = median(big.wallMs);
    const growth = growthPer10x(mid.rows, median(mid.wallMs), big.rows, ms);
    const fast = ms <= TARGETS.analyze100kToleranceMs;
    const linear = growth <= TARGETS.maxGrowthPer10x;
    verdicts.push({
      target: `analyze, ${layout}: 100k rows in about ${formatMs(TARGETS.analyze100kMs)} (≤ ${formatMs(TARGETS.analyze100kToleranceMs)}), linear growth (≤ ${TARGETS.maxGrowthPer10x}x per 10x)`,
      met: fast && linear,
      detail:
        `${formatMs(ms)} for 100k rows; ${growth.toFixed(1)}x from 10k to 100k ` +
        `(CPU time: ${formatMs(median(big.cpuMs))}; ${growthPer10x(mid.rows, median(mid.cpuMs), big.rows, median(big.cpuMs)).toFixed(1)}x)`,
    });
  }
  return verdicts;
}

// ---- 2. command line ----------------------------------------------------------------------------

const mb = (runs: readonly ProcessRun[]) => medianOf(runs, "maxRssKb") / 1024;
const rss = (runs: readonly ProcessRun[]) => (runs.length > 0 ? formatBytes(medianOf(runs, "maxRssKb") * 1024) : "–");
const wall = (runs: readonly ProcessRun[]) => (runs.length > 0 ? formatMs(medianOf(runs, "wallMs")) : "–");
const cpu = (runs: readonly ProcessRun[]) => (runs.length > 0 ? formatMs(medianOf(runs, "cpuMs")) : "–");
const ratioOf = (a: readonly ProcessRun[], b: readonly ProcessRun[], key: keyof ProcessRun = "wallMs") =>
  a.length > 0 && b.length > 0 ? medianOf(a, key) / medianOf(b, key) : NaN;

export function cliTable(results: readonly CliResult[]): Table {
  const rows = results.map((r) => [
    formatRows(r.rows),
    `${formatBytes(r.fileBytes)}, ${formatCount(r.merges)} merged areas`,
    String(r.cli.length),
    wall(r.cli),
    wall(r.read),
    wall(r.floor),
    `${formatRatio(ratioOf(r.cli, r.floor))} (CPU ${formatRatio(ratioOf(r.cli, r.floor, "cpuMs"))})`,
    `${formatRatio(ratioOf(r.read, r.floor))} (CPU ${formatRatio(ratioOf(r.read, r.floor, "cpuMs"))})`,
    r.floorStock.length > 0
      ? `${wall(r.floorStock)} (${r.floorStock.length} run${r.floorStock.length > 1 ? "s" : ""}; check ${formatRatio(ratioOf(r.cli, r.floorStock))})`
      : (r.stockSkipped ?? "–"),
    `${cpu(r.cli)} / ${cpu(r.read)} / ${cpu(r.floor)}`,
    `${rss(r.cli)} / ${rss(r.read)} / ${rss(r.floor)}`,
  ]);
  return {
    title:
      "2. Command line: check --json and reading alone vs exceljs reading the same file (wall time, median; fresh process each run)",
    header: [
      "rows",
      "file",
      "runs",
      "check --json",
      "read alone",
      "exceljs read, linear merges (floor)",
      "check / floor",
      "read / floor",
      "stock exceljs read",
      "CPU check / read / floor",
      "peak RSS check / read / floor",
    ],
    rows,
    rightAligned: [true, false, true, true, true, true, true, true, false, true, true],
  };
}

export function cliVerdicts(results: readonly CliResult[]): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const r of results) {
    const ratio = ratioOf(r.cli, r.floor);
    verdicts.push({
      target: `check --json at most ${TARGETS.cliRatio}x of exceljs reading the file (linear merges), ${formatRows(r.rows)} rows`,
      met: Number.isFinite(ratio) ? ratio <= TARGETS.cliRatio : null,
      detail:
        `${formatRatio(ratio)} (${wall(r.cli)} vs ${wall(r.floor)}; ` +
        `CPU time ${formatRatio(ratioOf(r.cli, r.floor, "cpuMs"))})`,
    });
  }
  for (const r of results) {
    const ratio = ratioOf(r.read, r.floor);
    verdicts.push({
      target: `reading alone at most ${TARGETS.readRatio}x of the same floor, ${formatRows(r.rows)} rows`,
      met: Number.isFinite(ratio) ? ratio <= TARGETS.readRatio : null,
      detail:
        `${formatRatio(ratio)} (${wall(r.read)} vs ${wall(r.floor)}; ` +
        `CPU time ${formatRatio(ratioOf(r.read, r.floor, "cpuMs"))})`,
    });
  }
  for (const r of results) {
    const limit = TARGETS.checkRssMb[r.rows];
    if (limit === undefined || r.cli.length === 0) continue;
    verdicts.push({
      target: `check --json peak RSS under ${limit >= 1024 ? `${limit / 1024} GB` : `${limit} MB`}, ${formatRows(r.rows)} rows`,
      met: mb(r.cli) < limit,
      detail: `${rss(r.cli)} (floor: ${rss(r.floor)}; reading alone: ${rss(r.read)})`,
    });
  }
  return verdicts;
}

export function outTable(results: readonly OutResult[]): Table {
  const rows = results.map((r) => [
    formatRows(r.rows),
    formatBytes(r.fileBytes),
    String(r.out.length),
    wall(r.out),
    wall(r.floorWrite),
    `${formatRatio(ratioOf(r.out, r.floorWrite))} (CPU ${formatRatio(ratioOf(r.out, r.floorWrite, "cpuMs"))})`,
    `${cpu(r.out)} / ${cpu(r.floorWrite)}`,
    `${rss(r.out)} / ${rss(r.floorWrite)}`,
    `${formatBytes(r.outBytes)} / ${formatBytes(r.floorWriteBytes)}`,
  ]);
  return {
    title: "2b. Annotated copy: check --out vs exceljs reading and writing the file (wall time, median)",
    header: [
      "rows",
      "file",
      "runs",
      "check --out",
      "exceljs read + write",
      "ratio",
      "CPU check --out / exceljs",
      "peak RSS check --out / exceljs",
      "copy size check --out / exceljs",
    ],
    rows,
    rightAligned: [true, true, true, true, true, true, true, true, true],
  };
}

/** The issue sets no goal for --out: its verdicts compare it with exceljs, for the record. */
export function outVerdicts(results: readonly OutResult[]): Verdict[] {
  return results.map((r) => ({
    target: `check --out vs exceljs read + write, ${formatRows(r.rows)} rows (no goal set: time and peak RSS beside exceljs)`,
    met: null,
    detail:
      `${formatRatio(ratioOf(r.out, r.floorWrite))} of the time (${wall(r.out)} vs ${wall(r.floorWrite)}), ` +
      `peak RSS ${rss(r.out)} vs ${rss(r.floorWrite)}`,
  }));
}

// ---- 3. gateway ---------------------------------------------------------------------------------

const phase = (list: readonly PhaseStats[] | null, name: string): PhaseStats | undefined =>
  list?.find((p) => p.phase === name);

export function gatewayTable(results: readonly GatewayResult[]): Table {
  const rows: string[][] = [];
  for (const r of results) {
    const check = phase(r.fengong, "check");
    const paint = phase(r.fengong, "highlight");
    const findings = phase(r.fengong, "findings sheet");
    const naiveCheck = phase(r.naive, "check");
    const naivePaint = phase(r.naive, "highlight");
    const sum = (a: PhaseStats | undefined, b: PhaseStats | undefined, key: "syncs" | "requestBytes") =>
      a && b ? a[key] + b[key] : NaN;
    rows.push([
      formatRows(r.rows),
      formatCount(r.overdueRows),
      check ? `${check.syncs} (${check.blocks} blocks, ${check.retries} retries, ${check.follows ?? 0} follows)` : "–",
      paint ? String(paint.syncs) : "–",
      formatCount(sum(check, paint, "syncs")),
      formatBytes(sum(check, paint, "requestBytes")),
      findings ? `${findings.syncs} / ${formatBytes(findings.requestBytes)}` : "–",
      formatCount(sum(naiveCheck, naivePaint, "syncs")),
      formatBytes(sum(naiveCheck, naivePaint, "requestBytes")),
      r.naive ? formatRatio(sum(naiveCheck, naivePaint, "syncs") / sum(check, paint, "syncs")) : "",
    ]);
  }
  return {
    title: "3. Excel gateway on the in-memory double: Check + highlight (round trips = context.sync calls)",
    header: [
      "rows",
      "overdue rows",
      "check syncs",
      "highlight syncs",
      "syncs",
      "request bytes",
      "findings sheet syncs / bytes",
      "naive syncs",
      "naive request bytes",
      "naive / fengong syncs",
    ],
    rows,
    rightAligned: [true, true, true, true, true, true, true, true, true, true],
  };
}

/**
 * Constant up to one block, one more per block after: the syncs of Check minus its row blocks, retries and
 * merge follow-ups should not grow with the size, except for the deadline column's number formats, read in
 * requests of up to 100,000 rows (one more per 100,000 rows). A follow-up round asks again for a merged area
 * cut at the bottom edge of the last range read (Excel answers an area cut there): it depends on where the plan's
 * merges fall, not on its size, and is shown beside the others. The highlight's syncs should not grow at all.
 */
export function gatewayVerdicts(results: readonly GatewayResult[]): Verdict[] {
  const fixed = results
    .map((r) => ({ r, check: phase(r.fengong, "check") }))
    .filter((x): x is { r: GatewayResult; check: PhaseStats } => x.check !== undefined)
    .map(({ r, check }) => ({
      rows: r.rows,
      fixed: check.syncs - check.blocks - check.retries - (check.follows ?? 0),
      check,
    }));
  if (fixed.length === 0) return [];
  const base = fixed[0].fixed;
  const met = fixed.every((f) => f.fixed - base <= Math.floor(f.rows / 100_000));
  const paints = results.map((r) => phase(r.fengong, "highlight")?.syncs ?? NaN);
  const paintConstant = paints.every((s) => s === paints[0]);
  return [
    {
      target: "gateway: round trips constant up to one block, one more per block after",
      met: met && paintConstant,
      detail:
        fixed
          .map(
            (f) =>
              `${formatRows(f.rows)}: ${f.check.syncs} syncs = ${f.fixed} + ${f.check.blocks} blocks + ${f.check.retries} retries + ${f.check.follows ?? 0} follows`,
          )
          .join("; ") + `; highlight ${paints.join(" / ")} syncs`,
    },
  ];
}

// ---- 4. bundle ----------------------------------------------------------------------------------

export function bundleTable(results: BenchResults["bundle"]): Table {
  if (!results) return { title: "4. Task pane JavaScript", header: [], rows: [], rightAligned: [] };
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const { initial, standalone } = results;
  return {
    title: "4. Task pane JavaScript (gzip level 6; KB = 1,024 bytes)",
    header: ["mode", "files", "raw", "gzip"],
    rows: [
      [
        "Office (initial JS of taskpane.html)",
        initial.files.map((f) => f.name).join(", "),
        kb(initial.raw),
        kb(initial.gzip),
      ],
      [
        "standalone (initial + import() chunks)",
        `+ ${standalone.files.map((f) => f.name).join(", ")}`,
        kb(initial.raw + standalone.raw),
        kb(initial.gzip + standalone.gzip),
      ],
    ],
    rightAligned: [false, false, true, true],
  };
}

export function bundleVerdicts(results: BenchResults["bundle"]): Verdict[] {
  if (!results) return [];
  const kb = results.initial.gzip / 1024;
  return [
    {
      target: `initial task pane JavaScript < ${TARGETS.initialGzipKb} KB gzip`,
      met: kb < TARGETS.initialGzipKb,
      detail: `${kb.toFixed(1)} KB (${formatCount(results.initial.gzip)} bytes; ${(TARGETS.initialGzipKb - kb).toFixed(1)} KB to spare)`,
    },
  ];
}

// ---- 5. task pane main thread --------------------------------------------------------------------

export function paneTable(result: PaneResult | null | undefined): Table {
  const title = "5. Task pane in Chromium on a big plan (standalone; main thread)";
  if (!result) return { title, header: [], rows: [], rightAligned: [] };
  return {
    title,
    header: [
      "rows",
      "file",
      "tasks shown",
      "file read after",
      "counts shown after",
      "longest task",
      "longest animation frame",
      "long tasks (total)",
      "longest timer stall",
    ],
    rows: [
      [
        formatRows(result.rows),
        formatBytes(result.fileBytes),
        result.tasksShown === null ? "?" : formatCount(result.tasksShown),
        formatMs(result.openMs ?? NaN),
        formatMs(result.countsMs),
        formatMs(result.longestTaskMs),
        formatMs(result.longestFrameMs),
        `${result.longTasks} (${formatMs(result.longTasksTotalMs)})`,
        formatMs(result.longestStallMs),
      ],
    ],
    rightAligned: [true, true, true, true, true, true, true, true, true],
  };
}

/** The pane's progress labels with when each showed (from choosing the file), when the runner gave the times. */
export function paneProgress(result: PaneResult): string {
  const at = result.progressAtMs;
  return result.progressSeen
    .map((label, i) => (at && Number.isFinite(at[i]) ? `${label} (${formatMs(at[i])})` : label))
    .join(" → ");
}

/** Where the pane's longest animation frames went (up to five), when the runner recorded them. */
export function paneFramesTable(result: PaneResult | null | undefined): Table {
  const title = "Longest animation frames on the page's main thread";
  const frames = (result?.frames ?? []).slice(0, 5);
  return {
    title,
    header: ["at", "duration", "blocking", "style and layout", "scripts (longest first)"],
    rows: frames.map((frame) => [
      formatMs(frame.startMs),
      formatMs(frame.durationMs),
      formatMs(frame.blockingMs),
      formatMs(frame.renderMs),
      frame.scripts
        .slice(0, 3)
        .map((script) => `${script.invoker} ${shortName(script.source, 50)} ${formatMs(script.durationMs)}`)
        .join("; "),
    ]),
    rightAligned: [true, true, true, true, false],
  };
}

export function paneVerdicts(result: PaneResult | null | undefined): Verdict[] {
  if (!result) return [];
  const rows = formatRows(result.rows);
  return [
    {
      target: `task pane, ${rows} rows: no main-thread task over ${TARGETS.paneLongestTaskMs} ms`,
      met: result.longestTaskMs <= TARGETS.paneLongestTaskMs,
      detail: `longest ${formatMs(result.longestTaskMs)} (${result.longTasks} tasks over 50 ms)`,
    },
    {
      target: `task pane, ${rows} rows: counts shown within ${formatMs(TARGETS.paneCountsMs)}`,
      met: result.countsMs <= TARGETS.paneCountsMs,
      detail: formatMs(result.countsMs),
    },
  ];
}

// ---- output -------------------------------------------------------------------------------------

export function allVerdicts(results: BenchResults): Verdict[] {
  return [
    ...analyzeVerdicts(results.analyze),
    ...cliVerdicts(results.cli),
    ...outVerdicts(results.out ?? []),
    ...gatewayVerdicts(results.gateway),
    ...bundleVerdicts(results.bundle),
    ...paneVerdicts(results.pane),
  ];
}

/** null: a figure with no goal to meet. */
const mark = (met: boolean | null) => (met === null ? "info" : met ? "met" : "MISSED");

export function terminalReport(results: BenchResults): string {
  const tables = [
    analyzeTable(results.analyze),
    cliTable(results.cli),
    outTable(results.out ?? []),
    gatewayTable(results.gateway),
    bundleTable(results.bundle),
    paneTable(results.pane),
  ];
  const out: string[] = [];
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    out.push(table.title, textTable(table.header, table.rows), "");
  }
  out.push("Targets");
  for (const v of allVerdicts(results)) out.push(`  [${mark(v.met)}] ${v.target}: ${v.detail}`);
  for (const failure of results.failures) out.push(`  [failed] ${failure.step}: ${failure.message}`);
  return out.join("\n");
}

export function resultsMarkdown(results: BenchResults, notes: string, chartFile: string | null): string {
  const m = results.machine;
  const lines: string[] = [
    "# Benchmarks",
    "",
    `Written by \`npm run bench\`${results.quick ? " --quick" : ""} on ${results.started.slice(0, 16).replace("T", " ")} UTC ` +
      `(the whole run took ${formatMs(results.elapsedMs)}). The figures are replaced on every run; the notes at the end ` +
      "come from `bench/notes.md`.",
    "",
    "## Machine",
    "",
    markdownTable(
      ["CPU", "cores", "memory", "Node", "system", "load average (1 min) at start / end"],
      [
        [
          m.cpu,
          String(m.cores),
          `${m.memoryGb.toFixed(1)} GB`,
          m.node,
          m.system,
          `${m.loadStart.toFixed(2)} / ${m.loadEnd?.toFixed(2) ?? "–"}`,
        ],
      ],
    ),
    "",
    "A load average above the number of cores means other work was running during the benchmark: wall times are " +
      "then inflated, CPU times much less so.",
    "",
    "## Targets",
    "",
    markdownTable(
      ["target", "verdict", "measured"],
      allVerdicts(results).map((v) => [v.target, mark(v.met), v.detail]),
    ),
    "",
  ];
  if (results.failures.length > 0) {
    lines.push("Steps that failed:", "", ...results.failures.map((f) => `- ${f.step}: ${f.message}`), "");
  }

  const section = (table: Table, intro: string[]) => {
    if (table.rows.length === 0) return;
    lines.push(`## ${table.title}`, "", ...intro, markdownTable(table.header, table.rows, table.rightAligned), "");
  };
  section(analyzeTable(results.analyze), [
    "Generated plans (bench/generatePlan.ts), plan year 2024, as of 2024-08-15, published 2024-03-01. " +
      `Layouts: ${Object.entries(LAYOUT_NAMES)
        .map(([k, v]) => `${k} = ${v}`)
        .join("; ")}. ` +
      "`rows` counts the table body (tasks and section rows). Each timed call reads a plan of its own (another " +
      "seed, generated before the clock starts), so the core's caches help only as a new plan of the same office " +
      "would; the warm-up calls warm the JIT. Growth per 10x = (t2/t1)^(1/log10(n2/n1)); 10x is linear.",
    "",
  ]);
  if (chartFile) lines.push(`![analyze time against rows](${chartFile})`, "");
  section(cliTable(results.cli), [
    "`node bin/fengong.js check FILE --json --as-of 2024-08-15 --published 2024-03-01 > /dev/null` (check --json); " +
      "`node bench/tmp/read.cjs FILE` (read alone: bench/run/read.ts, the package opened with node:zlib as the " +
      "command line does and every worksheet scanned into a Grid, nothing else); against the floor " +
      "`node -r bench/linearMerges.cjs bench/floor.cjs FILE` (exceljs `xlsx.readFile`, its quadratic merged-cell " +
      "check replaced by an index) and, where affordable, stock exceljs (`node bench/floor.cjs FILE`). Each a " +
      "child process, alternated round by round; peak RSS from `process.resourceUsage().maxRSS` (preloaded " +
      "bench/rss.cjs). Files: the two-column layout written by exceljs' streaming writer (shared strings, styles, " +
      "merged section rows and lead cells). Big sizes get fewer runs (a round is not started after " +
      "40 s at one size). Goals (issue 16): check at most " +
      `${TARGETS.cliRatio}x of the floor, reading alone at most ${TARGETS.readRatio}x, check's peak RSS under 400 MB ` +
      "at 100k rows and under 1 GB at 300k.",
    "",
  ]);
  section(outTable(results.out ?? []), [
    "`node bin/fengong.js check FILE --out COPY …` (the package patched: only our parts change) against " +
      "`node -r bench/linearMerges.cjs bench/floorWrite.cjs FILE COPY` (exceljs reading the file and writing it " +
      "again, the way --out worked before issue 16). Same files and measurement as table 2.",
    "",
  ]);
  section(gatewayTable(results.gateway), [
    "`check` + `highlight` + `writeFindings` (the use case checkPlan, src/app) through ExcelWorkbook (src/excel) on " +
      "the in-memory Excel double (test/doubles/excel), two-column layout, as the active sheet. Naive: " +
      "bench/naiveGateway.ts (one load + sync per row, one fill + sync per overdue row). Request bytes: the JSON " +
      "size of the queued operations, as the double measures them.",
    "",
  ]);
  const gateway = results.gateway.find((g) => g.naive !== null && g.leadMissing.naive !== null);
  if (gateway) {
    lines.push(
      `The naive read also ignores merged cells: at ${formatRows(gateway.rows)} rows it finds ` +
        `${formatCount(gateway.leadMissing.naive ?? 0)} tasks without a lead where the gateway finds ` +
        `${formatCount(gateway.leadMissing.fengong)} (lead cells merged down over several rows).`,
      "",
    );
  }
  section(bundleTable(results.bundle), [
    "Built with the project's webpack.config.js (production) into bench/tmp/webpack, so dist/ is untouched " +
      "(rebuilt only when an input is newer than that build). Office = the initial JS files of taskpane.html from " +
      "its bundle-stats.json; standalone adds the files of the `standalone` chunk group (the import() of the " +
      "standalone host, with exceljs).",
    "",
  ]);
  section(paneTable(results.pane), [
    "The production build (bench/tmp/webpack) served locally and opened in Chromium (playwright-core, headless, " +
      "Debian's /usr/bin/chromium), standalone: bench/run/pane.ts chooses the generated two-column plan, clicks " +
      "Check and waits for the counts. The file is read and analysed in the analysis worker (src/worker); the page " +
      "receives the report in parts. Longest task: PerformanceObserver `longtask` entries on the page's main " +
      "thread from choosing the file until the counts show; long animation frames likewise; timer stall: the " +
      "longest gap between ticks of a 20 ms interval (what a click would wait). Goals (issue 16): no task over " +
      `${TARGETS.paneLongestTaskMs} ms, counts within ${formatMs(TARGETS.paneCountsMs)}.`,
    "",
    ...(results.pane ? [`Progress shown: ${paneProgress(results.pane)}`, ""] : []),
  ]);
  const frames = paneFramesTable(results.pane);
  if (frames.rows.length > 0) {
    lines.push(`### ${frames.title}`, "", markdownTable(frames.header, frames.rows, frames.rightAligned), "");
  }
  const busy = results.pane?.busy ?? [];
  if (busy.length > 0) {
    lines.push(
      "### Busy stretches of the main thread (CPU profile)",
      "",
      ...busy
        .slice(0, 5)
        .map(
          (stretch) =>
            `- at ${formatMs(stretch.startMs)}, ${formatMs(stretch.durationMs)}: ${[...stretch.ours, ...stretch.self].slice(0, 4).join("; ")}`,
        ),
      "",
    );
  }
  if (results.profile.length > 0) {
    lines.push(
      "## Where analyze spends its time",
      "",
      "`node --cpu-prof` of the analyze runner, summarised by bench/profile.ts: shares of the samples inside " +
        "`analyze` (garbage collection, which V8 books apart, is given as a share of all the process's samples, " +
        "generating the plan included). V8 inlines small functions into their callers, so a caller's self time " +
        "includes theirs.",
      "",
    );
    for (const p of results.profile) {
      const inclusive = p.summary.inclusive.filter((line) => line.share < 0.999 || line.name.startsWith("analyze "));
      lines.push(
        `### ${p.subject}`,
        "",
        `${formatCount(p.summary.samples)} samples in analyze; garbage collector ${(p.summary.garbageCollector * 100).toFixed(1)}% of all samples.`,
        "",
        markdownTable(
          ["self", "function (source)", "inclusive", "function (source)"],
          Array.from({ length: Math.max(p.summary.self.length, inclusive.length) }, (_, i) => {
            const self = p.summary.self[i];
            const incl = inclusive[i];
            return [
              self ? `${(self.share * 100).toFixed(1)}%` : "",
              self ? `\`${shortName(self.name, 70)}\`` : "",
              incl ? `${(incl.share * 100).toFixed(1)}%` : "",
              incl ? `\`${shortName(incl.name, 70)}\`` : "",
            ];
          }),
          [true, false, true, false],
        ),
        "",
      );
    }
  }
  if (notes.trim()) lines.push(notes.trim(), "");
  return lines.join("\n");
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k) ?? [];
    list.push(item);
    out.set(k, list);
  }
  return out;
}
