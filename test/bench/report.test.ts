/** The benchmark's arithmetic and verdicts (pure functions of measurements; no timing here). */
import { DOMParser } from "@xmldom/xmldom";
import { analyzeChartSvg } from "../../bench/chart";
import {
  analyzeVerdicts,
  bundleVerdicts,
  cliVerdicts,
  gatewayVerdicts,
  outVerdicts,
  paneFramesTable,
  paneProgress,
  resultsMarkdown,
  type Verdict,
} from "../../bench/report";
import { growthPer10x, markdownTable, median } from "../../bench/stats";
import type {
  AnalyzeResult,
  BenchResults,
  CliResult,
  GatewayResult,
  OutResult,
  PaneResult,
  PhaseStats,
} from "../../bench/types";

const analyzeResult = (layout: AnalyzeResult["layout"], rows: number, ms: number): AnalyzeResult => ({
  layout,
  rows,
  tasks: rows,
  tasksExpected: rows,
  findings: 0,
  generateMs: 0,
  wallMs: [ms * 1.1, ms, ms * 0.9],
  cpuMs: [ms],
  heapUsedMb: 0,
});

const phase = (name: string, syncs: number, blocks = 0, retries = 0, follows = 0): PhaseStats => ({
  phase: name,
  runs: 1,
  syncs,
  requestBytes: 100,
  responseBytes: 100,
  maxRequestBytes: 100,
  blocks,
  retries,
  follows,
  ms: 1,
});

const gatewayResult = (
  rows: number,
  checkSyncs: number,
  blocks: number,
  retries: number,
  highlightSyncs = 3,
  follows = 0,
): GatewayResult => ({
  rows,
  tasks: rows,
  overdueRows: rows / 10,
  merges: 0,
  fengong: [
    phase("check", checkSyncs, blocks, retries, follows),
    phase("highlight", highlightSyncs),
    phase("findings sheet", 2),
  ],
  naive: [phase("check", rows + 1), phase("highlight", rows / 10)],
  leadMissing: { fengong: 1, naive: 5 },
});

describe("stats", () => {
  it("takes the median of odd and even counts without reordering the input", () => {
    const input = [5, 1, 3];
    expect(median(input)).toBe(3);
    expect(input).toEqual([5, 1, 3]);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("measures growth per 10x: 10 when linear, 100 when quadratic", () => {
    expect(growthPer10x(1000, 10, 100_000, 1000)).toBeCloseTo(10);
    expect(growthPer10x(1000, 1, 10_000, 100)).toBeCloseTo(100);
    expect(growthPer10x(1000, 0, 10_000, 100)).toBeNaN();
  });

  it("escapes pipes in Markdown cells", () => {
    expect(markdownTable(["a"], [["x|y"]])).toContain("x\\|y");
  });
});

describe("verdicts", () => {
  it("analyze: met when 100k rows take about a second and growth is linear", () => {
    const ok = analyzeVerdicts([analyzeResult("two-column", 10_000, 100), analyzeResult("two-column", 100_000, 1000)]);
    expect(ok.map((v) => v.met)).toEqual([true]);
    const slow = analyzeVerdicts([
      analyzeResult("two-column", 10_000, 200),
      analyzeResult("two-column", 100_000, 2000),
    ]);
    expect(slow[0].met).toBe(false);
    const superlinear = analyzeVerdicts([
      analyzeResult("one-column", 10_000, 50),
      analyzeResult("one-column", 100_000, 1000),
    ]);
    expect(superlinear[0].met).toBe(false);
    expect(superlinear[0].detail).toContain("20.0x");
  });

  describe("command line", () => {
    const run = (wallMs: number, maxRssKb = 100_000) => ({ wallMs, cpuMs: wallMs, maxRssKb });
    const result = (rows: number, cli: number[], read: number[], floor: number[], rssKb = 100_000): CliResult => ({
      layout: "two-column",
      rows,
      fileBytes: 1,
      merges: 0,
      tasksExpected: 1,
      tasksRead: 1,
      cli: cli.map((ms) => run(ms, rssKb)),
      read: read.map((ms) => run(ms)),
      floor: floor.map((ms) => run(ms)),
      floorStock: [],
      stockSkipped: null,
    });
    const verdict = (verdicts: Verdict[], start: string) => verdicts.find((v) => v.target.startsWith(start));

    it("check --json: the ratio of the medians against 0.6 of the floor", () => {
      const fast = cliVerdicts([result(10_000, [55, 60, 900], [20], [100, 100, 100])]);
      expect(verdict(fast, "check --json at most 0.6x")?.met).toBe(true);
      const slow = cliVerdicts([result(10_000, [61, 70, 65], [20], [100, 100, 100])]);
      expect(verdict(slow, "check --json at most 0.6x")?.met).toBe(false);
      expect(verdict(slow, "check --json at most 0.6x")?.detail).toContain("0.65x");
    });

    it("reading alone: against 0.25 of the same floor", () => {
      expect(verdict(cliVerdicts([result(10_000, [50], [25], [100])]), "reading alone")?.met).toBe(true);
      expect(verdict(cliVerdicts([result(10_000, [50], [26], [100])]), "reading alone")?.met).toBe(false);
    });

    it("peak RSS: under 400 MB at 100k rows and 1 GB at 300k, no verdict at 10k", () => {
      const verdicts = cliVerdicts([
        result(10_000, [50], [20], [100], 900_000),
        result(100_000, [50], [20], [100], 399 * 1024),
        result(300_000, [50], [20], [100], 1100 * 1024),
      ]).filter((v) => v.target.includes("peak RSS"));
      expect(verdicts.map((v) => [v.target.endsWith("100k rows"), v.met])).toEqual([
        [true, true],
        [false, false],
      ]);
    });

    it("no runs of a kind: no verdict either way", () => {
      expect(verdict(cliVerdicts([result(10_000, [50], [], [100])]), "reading alone")?.met).toBeNull();
    });

    it("--out: figures beside exceljs, no goal", () => {
      const out: OutResult = {
        layout: "two-column",
        rows: 100_000,
        fileBytes: 1,
        out: [run(2000, 300_000)],
        floorWrite: [run(8000, 1_500_000)],
        outBytes: 10,
        floorWriteBytes: 12,
      };
      const [v] = outVerdicts([out]);
      expect(v.met).toBeNull();
      expect(v.detail).toContain("0.25x");
      expect(v.detail).toContain("peak RSS 293.0 MB vs 1464.8 MB");
    });
  });

  it("gateway: a fixed number of syncs plus one per block (and per 100k rows of number formats)", () => {
    const constant = [gatewayResult(1000, 5, 1, 0), gatewayResult(10_000, 6, 1, 1), gatewayResult(100_000, 16, 10, 1)];
    expect(gatewayVerdicts(constant)[0].met).toBe(true);
    const perRow = [gatewayResult(1000, 5, 1, 0), gatewayResult(10_000, 14, 1, 0)];
    expect(gatewayVerdicts(perRow)[0].met).toBe(false);
    const highlightGrows = [gatewayResult(1000, 5, 1, 0, 3), gatewayResult(10_000, 5, 1, 0, 30)];
    expect(gatewayVerdicts(highlightGrows)[0].met).toBe(false);
    // A round that follows a merge cut at the last range's edge is shown apart, not taken for growth.
    const followed = [gatewayResult(1000, 5, 1, 0), gatewayResult(10_000, 7, 1, 1, 3, 1)];
    const [verdict] = gatewayVerdicts(followed);
    expect(verdict.met).toBe(true);
    expect(verdict.detail).toContain("10k: 7 syncs = 4 + 1 blocks + 1 retries + 1 follows");
    const notFollowed = [gatewayResult(1000, 5, 1, 0), gatewayResult(10_000, 7, 1, 1, 3, 0)];
    expect(gatewayVerdicts(notFollowed)[0].met).toBe(false);
  });

  it("bundle: under 250 KB of 1,024 bytes", () => {
    const bundle = (gzip: number): BenchResults["bundle"] => ({
      built: false,
      buildMs: null,
      initial: { files: [], raw: 0, gzip },
      standalone: { files: [], raw: 0, gzip: 0 },
    });
    expect(bundleVerdicts(bundle(249 * 1024))[0].met).toBe(true);
    expect(bundleVerdicts(bundle(251 * 1024))[0].met).toBe(false);
  });
});

describe("task pane figures", () => {
  const pane = (extra: Partial<PaneResult> = {}): PaneResult => ({
    rows: 100_000,
    fileBytes: 1,
    tasksExpected: 10,
    tasksShown: 10,
    countsMs: 9000,
    longestTaskMs: 120,
    longestFrameMs: 150,
    longTasks: 3,
    longTasksTotalMs: 300,
    longestStallMs: 130,
    progressSeen: ["正在读取…", "正在分析… 45%"],
    dist: "bench/tmp/webpack",
    ...extra,
  });

  it("gives each progress label the time it showed when the runner recorded it", () => {
    expect(paneProgress(pane())).toBe("正在读取… → 正在分析… 45%");
    expect(paneProgress(pane({ progressAtMs: [210, 4200] }))).toBe("正在读取… (210 ms) → 正在分析… 45% (4200 ms)");
  });

  it("lists the longest frames with their longest scripts, and nothing for older results", () => {
    expect(paneFramesTable(pane()).rows).toEqual([]);
    const table = paneFramesTable(
      pane({
        frames: [
          {
            startMs: 8000,
            durationMs: 180,
            blockingMs: 130,
            renderMs: 40,
            scripts: [{ invoker: "MessagePort.onmessage", source: "taskpane.js", durationMs: 120 }],
          },
        ],
      }),
    );
    expect(table.rows).toEqual([
      ["8000 ms", "180 ms", "130 ms", "40.0 ms", "MessagePort.onmessage taskpane.js 120 ms"],
    ]);
  });
});

describe("results.md and the chart", () => {
  const results: BenchResults = {
    machine: { cpu: "Test CPU", cores: 2, memoryGb: 8, node: "v20", system: "Linux", loadStart: 0.5, loadEnd: 0.7 },
    started: "2024-08-15T08:00:00.000Z",
    elapsedMs: 1000,
    quick: false,
    analyze: [
      analyzeResult("two-column", 1000, 10),
      analyzeResult("two-column", 10_000, 100),
      analyzeResult("two-column", 100_000, 1000),
    ],
    cli: [],
    gateway: [gatewayResult(1000, 5, 1, 0)],
    bundle: null,
    profile: [],
    failures: [{ step: "cli", message: "boom" }],
  };

  it("describes the machine, the verdicts, failures and the notes", () => {
    const text = resultsMarkdown(results, "## Notes\n\nSomething found.", "analyze.svg");
    expect(text).toContain("| Test CPU | 2 | 8.0 GB | v20 |");
    expect(text).toContain("| analyze, two-column: 100k rows in about 1000 ms");
    expect(text).toContain("- cli: boom");
    expect(text).toContain("![analyze time against rows](analyze.svg)");
    expect(text.trimEnd().endsWith("Something found.")).toBe(true);
  });

  it("draws one line per layout and well-formed SVG", () => {
    const svg = analyzeChartSvg(
      [
        {
          label: "two-column",
          color: "#00f",
          points: [
            { rows: 1000, ms: 10 },
            { rows: 100_000, ms: 1000 },
          ],
        },
        { label: "one-column", color: "#f80", points: [{ rows: 1000, ms: 20 }] },
      ],
      { title: "t <&>", target: { rows: 100_000, ms: 1000, label: "target" } },
    );
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level, message) => void errors.push(`${level}: ${message}`),
    }).parseFromString(svg, "image/svg+xml");
    expect(errors).toEqual([]);
    expect(doc.getElementsByTagName("polyline").length).toBe(2);
    expect(svg).toContain("t &lt;&amp;&gt;");
  });
});
