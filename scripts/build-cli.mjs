// Builds the command line (src/cli) into lib/cli.js with esbuild. Runs in `prepare`, so `npm ci` is enough.
// Files are written to a temporary name and renamed, so a build running while a test spawns the CLI (or two
// test files building at once) never exposes half a file.
import { build } from "esbuild";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (!existsSync(join(root, "src/cli/main.ts"))) {
  console.log("build-cli: src/cli/main.ts not present yet, skipped");
  process.exit(0);
}
let result;
try {
  result = await build({
    absWorkingDir: root,
    entryPoints: ["src/cli/main.ts"],
    outfile: "lib/cli.js",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: true,
    write: false,
    // docx stays a runtime dependency (large; required only by `fengong notes --out-dir`).
    external: ["docx"],
    // fflate's Node build loads worker_threads at start (for its asynchronous API, which we never call: the
    // command line inflates with node:zlib and uses fflate's synchronous functions only). Its browser build is
    // the same code without that require.
    alias: { fflate: "fflate/browser" },
    logLevel: "silent",
  });
} catch (error) {
  for (const message of error.errors ?? [{ text: String(error) }]) {
    const where = message.location ? `${message.location.file}:${message.location.line}: ` : "";
    console.error(`build-cli: ${where}${message.text}`);
  }
  process.exit(1);
}
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
if (!process.argv.includes("--quiet")) console.log("build-cli: lib/cli.js");
