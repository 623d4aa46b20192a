/**
 * The bad-input corpus through the command line, as a user runs it (`node bin/fengong.js check …`): unusable
 * input gives one line in the user's language and exit code 2; a plan gives its findings, each naming its row
 * and cell, and exit code 0 or 1; never a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, runCli, type CliRun } from "../cli/runCli";
import { AS_OF, BAD, CORPUS, bytesOf, fileNameOf, type CorpusEntry } from "./corpus";

const STACK_FRAME = /\n\s+at /;
const ENGLISH = { LANG: "en_US.UTF-8" };

let folder: string;
const paths = new Map<string, Promise<string>>();
/** Where the entry is on disk: its fixture, or its bytes written once to a temporary folder. */
function pathOf(entry: CorpusEntry): Promise<string> {
  let path = paths.get(entry.name);
  if (!path) {
    path = entry.file
      ? Promise.resolve(join(BAD, entry.file))
      : bytesOf(entry).then((bytes) => {
          const file = join(folder, fileNameOf(entry));
          writeFileSync(file, bytes);
          return file;
        });
    paths.set(entry.name, path);
  }
  return path;
}

/** Every run of this file is started at once (separate processes) and awaited by its test. */
const runs = new Map<string, Promise<CliRun>>();
function run(entry: CorpusEntry, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const key = JSON.stringify([entry.name, args, env]);
  let result = runs.get(key);
  if (!result) {
    result = pathOf(entry).then((path) => runCli(["check", path, "--as-of", AS_OF, ...args], env));
    runs.set(key, result);
  }
  return result;
}

const unusable = CORPUS.filter((entry) => entry.unusable);
const plans = CORPUS.filter((entry) => entry.plan);

beforeAll(() => {
  buildCli();
  folder = mkdtempSync(join(tmpdir(), "fengong-corpus-"));
  for (const entry of unusable) {
    void run(entry, []);
    void run(entry, [], ENGLISH);
  }
  for (const entry of plans) {
    void run(entry, ["--json"]);
    void run(entry, ["--json", "--lang", "en-US"]);
    void run(entry, []);
  }
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(runs.values());
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function expectNoStackTrace(result: CliRun): void {
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stdout).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/);
}

test("the corpus covers every input the issue lists, each with one expected outcome", () => {
  expect(CORPUS.map((entry) => entry.name)).toEqual(
    expect.arrayContaining([
      "renamed-text",
      "zero-byte",
      "encrypted",
      "only-empty-sheets",
      "header-no-rows",
      "error-values",
      "formulas-cached",
      "dates-as-text",
      "duplicate-headers",
      "hidden-rows-columns",
      "million-characters",
      "sixteen-thousand-columns",
      "unit-directory-duplicates",
      "two-plans-same-columns",
      "two-plans-other-columns",
    ]),
  );
  for (const entry of CORPUS) expect(Boolean(entry.unusable) !== Boolean(entry.plan)).toBe(true);
  expect(new Set(CORPUS.map((entry) => entry.name)).size).toBe(CORPUS.length);
});

describe.each(unusable.map((entry) => [entry.what, entry] as const))("unusable: %s", (_what, entry) => {
  const expected = entry.unusable!;

  it("one line in Chinese by default, naming the file, exit code 2, nothing on stdout", async () => {
    const result = await run(entry, []);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(expected.zh);
    expect(result.stderr).toContain(fileNameOf(entry));
    expectNoStackTrace(result);
  }, 120_000);

  it("the same line in English under an English locale", async () => {
    const result = await run(entry, [], ENGLISH);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(expected.en);
    expectNoStackTrace(result);
  }, 120_000);
});

interface JsonFinding {
  rule: string;
  severity: string;
  row: number | null;
  column: string | null;
  message: string;
}
interface JsonReport {
  tasks: { row: number }[];
  findings: JsonFinding[];
}

describe.each(plans.map((entry) => [entry.what, entry] as const))("plan: %s", (_what, entry) => {
  const plan = entry.plan!;

  it("its findings at their cells, and the exit code they call for", async () => {
    const result = await run(entry, ["--json"]);
    expectNoStackTrace(result);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(plan.exit);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.tasks.map((task) => task.row)).toEqual(plan.taskRows);
    const found = report.findings.map((f) => ({
      rule: f.rule,
      cell: f.row !== null && f.column ? `${f.column}${f.row}` : null,
    }));
    if (plan.exactly) expect(sortFindings(found)).toEqual(sortFindings(plan.findings));
    else expect(found).toEqual(expect.arrayContaining(plan.findings));
    expect(report.findings.some((f) => f.severity === "error")).toBe(plan.exit === 1);
  }, 120_000);

  it("every message names its row and cell, in Chinese and in English", async () => {
    const [zh, en] = await Promise.all([run(entry, ["--json"]), run(entry, ["--json", "--lang", "en-US"])]);
    const chinese = (JSON.parse(zh.stdout) as JsonReport).findings;
    const english = (JSON.parse(en.stdout) as JsonReport).findings;
    expect(english.map((f) => f.rule)).toEqual(chinese.map((f) => f.rule));
    for (const [i, finding] of chinese.entries()) {
      if (finding.row === null) continue;
      expect(finding.message).toContain(`第${finding.row}行`);
      expect(english[i].message).toContain(`Row ${finding.row}`);
      if (finding.column === null) continue;
      expect(finding.message).toContain(`（${finding.column}${finding.row}）`);
      expect(english[i].message).toContain(`(${finding.column}${finding.row})`);
    }
  }, 120_000);

  it("the printed report: the same exit code, short lines, no control characters from the cells", async () => {
    const result = await run(entry, []);
    expectNoStackTrace(result);
    expect(result.code).toBe(plan.exit);
    // Not a terminal: no colour, so any escape character could only have come from a cell.
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    // The overdue table shows 40-column excerpts and the circular a few lines: a huge cell is never printed whole.
    expect(result.stdout.length).toBeLessThan(100_000);
    for (const line of result.stdout.split("\n")) expect(line.length).toBeLessThan(3_000);
  }, 120_000);
});

const sortFindings = (list: { rule: string; cell: string | null }[]) =>
  [...list].sort((a, b) => `${a.cell}${a.rule}`.localeCompare(`${b.cell}${b.rule}`));
