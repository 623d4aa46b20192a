/** Run the real command as a user would: `node bin/fengong.js …`, after building lib/cli.js once per test file. */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatePlan } from "../../bench/generatePlan";
import { writePlanXlsx } from "../../bench/writeXlsx";

export const ROOT = join(__dirname, "..", "..");
export const FIXTURES = join(ROOT, "test", "fixtures");
export const fixture = (name: string) => join(FIXTURES, name);

/** Build the CLI (esbuild, well under a second; writes are atomic, so test files may build at once). */
export function buildCli(): void {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs"), "--quiet"], { cwd: ROOT, stdio: "pipe" });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A clean environment: no locale (messages default to zh-CN), no colour settings, plus what the test adds. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "FORCE_COLOR", "FENGONG_DEBUG"]) delete env[name];
  return { ...env, ...extra };
}

export function runCli(args: string[], extraEnv: Record<string, string> = {}, cwd = ROOT): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, "bin", "fengong.js"), ...args],
      { cwd, env: cliEnv(extraEnv), maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A generated two-column plan of `rows` rows, written as .xlsx into a temporary folder while `withFile` runs. */
export async function withGeneratedPlan<T>(
  rows: number,
  seed: number,
  withFile: (file: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "fengong-plan-"));
  try {
    const file = join(dir, "plan.xlsx");
    await writePlanXlsx(generatePlan({ rows, layout: "two-column", seed }).grid, file);
    return await withFile(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
