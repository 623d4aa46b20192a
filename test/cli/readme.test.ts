/** The README's main command prints what the README shows (the block between the sample-output markers). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCli, ROOT, runCli } from "./runCli";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

function mainCommand(): string[] {
  const line = readme.split("\n").find((l) => l.startsWith("npm ci && npx fengong check "));
  if (!line) throw new Error("README has no `npm ci && npx fengong check …` line");
  return line.replace("npm ci && npx fengong ", "").split(/\s+/);
}

function shownOutput(): string {
  const block = /<!-- sample-output:start[^\n]*\n```text\n([\s\S]*?)\n```\n<!-- sample-output:end -->/.exec(readme);
  if (!block) throw new Error("README has no sample-output block");
  return block[1];
}

// Generous timeouts: building and running the CLI on a busy 2-core machine can take well over jest's 5 s.
beforeAll(() => buildCli(), 60_000);

it("shows the real output of its main command on the bundled sample, and explains exit code 1", async () => {
  const run = await runCli(mainCommand());
  expect(run.code).toBe(1);
  expect(run.stdout.trimEnd()).toBe(shownOutput());
  expect(readme).toMatch(/exits with status 1/);
}, 60_000);
