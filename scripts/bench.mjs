// `npm run bench`: bundles the benchmark (bench/main.ts and the runners in bench/run/) with esbuild into
// bench/tmp/, rebuilds the command line (lib/cli.js, which the benchmark runs), then runs bench/tmp/main.cjs.
// Arguments are passed on: npm run bench -- --quick | --only analyze,profile,cli,out,gateway,bundle,pane | --sizes 100k
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "bench", "tmp");
mkdirSync(out, { recursive: true });

const runners = readdirSync(join(root, "bench", "run"))
  .filter((file) => file.endsWith(".ts"))
  .map((file) => join("bench", "run", file));
try {
  await build({
    absWorkingDir: root,
    entryPoints: ["bench/main.ts", ...runners].map((file) => ({ in: file, out: basename(file, ".ts") })),
    outdir: "bench/tmp",
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Source maps let bench/profile.ts name profiled functions by their source file and line.
    sourcemap: true,
    // Loaded from node_modules at run time, as the command line does (large, CommonJS, lazy requires).
    external: ["exceljs", "webpack", "playwright-core"],
    logLevel: "warning",
  });
} catch (error) {
  console.error(`bench: the benchmark does not build: ${error.message}`);
  process.exit(2);
}

if (existsSync(join(root, "src", "cli", "main.ts"))) {
  const cli = spawnSync(process.execPath, [join(root, "scripts", "build-cli.mjs"), "--quiet"], {
    cwd: root,
    stdio: "inherit",
  });
  if (cli.status !== 0) {
    console.error("bench: the command line does not build (scripts/build-cli.mjs)");
    process.exit(2);
  }
}

const run = spawnSync(process.execPath, [join(out, "main.cjs"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
process.exit(run.status ?? 2);
