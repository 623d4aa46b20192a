/**
 * The task pane's JavaScript: webpack (the project's webpack.config.js, production) built into bench/tmp/webpack
 * — dist/ is left alone — unless that build is newer than every input. Reads bundle-stats.json (written by the
 * project's BundleStatsPlugin: the initial JS of taskpane.html, the ribbon commands) and the named chunk groups
 * "taskpane" (the pane, loaded by the commands with import(); counted with the initial JS as the Office path)
 * and "standalone" (the chunks `import()` loads outside Office), and gzips them the same way.
 *   node bench/tmp/bundle.cjs [--force]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { printResult, readArgs, runMain } from "../args";
import type { BundleFile, BundleGroup, BundleResult } from "../types";

interface BundleStats {
  initial: { files: string[]; raw: number; gzip: number };
  gzipLevel: number;
}

const ROOT = process.cwd();
const OUT = join(ROOT, "bench/tmp/webpack");
const GROUPS_FILE = join(OUT, "bench-chunk-groups.json");
const INPUTS = [
  "src",
  "webpack.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "scripts/bundle-stats-plugin.js",
  "manifest.xml",
];

function newestInput(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestInput(join(path, entry)));
  return newest;
}

function isCurrent(): boolean {
  const stats = join(OUT, "bundle-stats.json");
  if (!existsSync(stats) || !existsSync(GROUPS_FILE)) return false;
  const built = statSync(GROUPS_FILE).mtimeMs;
  return INPUTS.every((input) => newestInput(join(ROOT, input)) < built);
}

interface WebpackStatsJson {
  namedChunkGroups?: Record<string, { assets?: { name: string }[] }>;
  errors?: unknown[];
}

interface WebpackStats {
  hasErrors(): boolean;
  toJson(options: Record<string, boolean>): WebpackStatsJson;
}

/** Build with the project's configuration into bench/tmp/webpack; returns the named chunk groups' files. */
async function build(): Promise<Record<string, string[]>> {
  // Loaded at run time from node_modules (not bundled into the benchmark).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack") as (
    config: unknown,
    callback: (error: Error | null, stats?: WebpackStats) => void,
  ) => void;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(join(ROOT, "webpack.config.js")) as (
    env: object,
    argv: object,
  ) => Promise<Record<string, unknown>>;
  const config = await configure({}, { mode: "production" });
  const output = { ...(config.output as Record<string, unknown>), path: OUT };
  const stats = await new Promise<WebpackStats>((resolve, reject) =>
    webpack({ ...config, output, devtool: false, infrastructureLogging: { level: "error" } }, (error, result) =>
      error || !result ? reject(error ?? new Error("webpack gave no stats")) : resolve(result),
    ),
  );
  const json = stats.toJson({ all: false, chunkGroups: true, errors: true });
  if (stats.hasErrors()) throw new Error(`webpack failed: ${JSON.stringify(json.errors).slice(0, 2000)}`);
  const groups: Record<string, string[]> = {};
  for (const [name, group] of Object.entries(json.namedChunkGroups ?? {})) {
    groups[name] = (group.assets ?? []).map((asset) => asset.name).filter((file) => file.endsWith(".js"));
  }
  writeFileSync(GROUPS_FILE, JSON.stringify(groups, null, 2));
  return groups;
}

function measureFiles(names: string[], level: number): BundleGroup {
  const files = names.map((name): BundleFile => {
    const bytes = readFileSync(join(OUT, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level }).length };
  });
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

runMain(async () => {
  const args = readArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  let built = false;
  let buildMs: number | null = null;
  let groups: Record<string, string[]>;
  if (args.get("force") === "true" || !isCurrent()) {
    const started = performance.now();
    // The production build prints its sizes and origin: keep the benchmark's own output readable.
    const log = console.log;
    console.log = () => undefined;
    try {
      groups = await build();
    } finally {
      console.log = log;
    }
    built = true;
    buildMs = performance.now() - started;
  } else {
    groups = JSON.parse(readFileSync(GROUPS_FILE, "utf8")) as Record<string, string[]>;
  }
  const stats = JSON.parse(readFileSync(join(OUT, "bundle-stats.json"), "utf8")) as BundleStats;
  const initial = measureFiles(stats.initial.files, stats.gzipLevel);
  if (initial.gzip !== stats.initial.gzip)
    throw new Error(`bundle: gzip sizes disagree with ${relative(ROOT, OUT)}/bundle-stats.json`);
  const initialSet = new Set(stats.initial.files);
  // What the Office path loads before the pane shows: the commands entry, then the pane's import() group.
  const paneFiles = (groups.taskpane ?? []).filter((file) => !initialSet.has(file));
  const officePath =
    paneFiles.length > 0 ? measureFiles([...stats.initial.files, ...paneFiles], stats.gzipLevel) : initial;
  const standaloneFiles = (groups.standalone ?? []).filter(
    (file) => !initialSet.has(file) && !paneFiles.includes(file),
  );
  if (standaloneFiles.length === 0)
    throw new Error('bundle: no chunk group named "standalone" (src/taskpane/index.tsx import())');
  const result: BundleResult = {
    built,
    buildMs,
    initial: officePath,
    standalone: measureFiles(standaloneFiles, stats.gzipLevel),
  };
  printResult(result);
});
