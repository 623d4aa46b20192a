// Builds the command line (src/cli) into lib/cli.js with esbuild. Runs in `prepare`, so `npm ci` is enough.
import { build } from "esbuild";
import { existsSync } from "node:fs";

if (!existsSync("src/cli/main.ts")) {
  console.log("build-cli: src/cli/main.ts not present yet, skipped");
  process.exit(0);
}
await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "lib/cli.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  // exceljs stays a runtime dependency (large, CommonJS, has its own lazy requires).
  external: ["exceljs"],
  logLevel: "warning",
});
console.log("build-cli: lib/cli.js");
