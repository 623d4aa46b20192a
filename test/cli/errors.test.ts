/** Unusable input and usage errors: one clear line in the user's language, no stack trace, exit code 2. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, buildCli, fixture, runCli, type CliRun } from "./runCli";

beforeAll(buildCli, 60_000);

const UNUSABLE: [string, string, RegExp, RegExp][] = [
  ["a missing file", "no-such-plan.xlsx", /找不到文件“.*no-such-plan\.xlsx”/, /File not found/],
  ["a zero-byte file", "empty.xlsx", /empty\.xlsx”中没有任何数据/, /holds no data/],
  ["text renamed to .xlsx", "not-a-workbook.xlsx", /不是可读取的 Excel 工作簿/, /is not a readable Excel workbook/],
  ["an encrypted workbook", "encrypted.xlsx", /已加密/, /is encrypted/],
  ["a legacy .xls", "legacy-binary.xls", /另存为 \.xlsx/, /Save it as \.xlsx/],
  ["a workbook of empty sheets", "empty-sheets.xlsx", /中没有任何数据/, /holds no data/],
];

/** Every run of this file, started at once (each is a separate process; the machine does the waiting). */
const runs = new Map<string, Promise<CliRun>>();
const run = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => {
  const key = JSON.stringify([args, env]);
  if (!runs.has(key)) runs.set(key, runCli(args, env));
  return runs.get(key)!;
};
const pathOf = (name: string) => (name === "no-such-plan.xlsx" ? join(ROOT, "test", "fixtures", name) : fixture(name));

beforeAll(() => {
  for (const [, name] of UNUSABLE) {
    void run(["check", pathOf(name)]);
    void run(["check", pathOf(name)], { LANG: "en_US.UTF-8" });
    void run(["check", pathOf(name), "--lang", "zh-CN"], { LANG: "en_US.UTF-8" });
  }
});

describe.each(UNUSABLE)("%s", (_what, name, zh, en) => {
  const path = pathOf(name);

  it("gives one line in Chinese by default and exit code 2", async () => {
    const result = await run(["check", path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.endsWith("\n")).toBe(true);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(zh);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
  }, 60_000);

  it("follows LANG, and --lang over LANG", async () => {
    const english = await run(["check", path], { LANG: "en_US.UTF-8" });
    expect(english.code).toBe(2);
    expect(english.stderr.trim().split("\n")).toHaveLength(1);
    expect(english.stderr).toMatch(en);
    const chinese = await run(["check", path, "--lang", "zh-CN"], { LANG: "en_US.UTF-8" });
    expect(chinese.stderr).toMatch(zh);
  }, 60_000);
});

describe("usage", () => {
  it("--help prints the usage and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("用法：fengong check <文件…> [选项]");
    expect(run.stdout).toContain("--out");
    const english = await runCli(["check", "--help"], { LANG: "en_US.UTF-8" });
    expect(english.stdout).toContain("Usage: fengong check <file...> [options]");
  }, 30_000);

  it("--version prints the package version", async () => {
    const run = await runCli(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  }, 30_000);

  it.each([
    [["check", "x.xlsx", "--frobnicate"], /未知选项“--frobnicate”/],
    [["check"], /请指定要检查的文件/],
    [[], /缺少命令/],
    [["lint", "x.xlsx"], /未知命令“lint”/],
    [["check", "x.xlsx", "--as-of", "2017-13-01"], /--as-of 需要有效日期/],
    [["check", "x.xlsx", "--due-soon", "soon"], /--due-soon 需要不小于 0 的整数/],
    [["check", "x.xlsx", "--lang", "fr"], /--lang 只能是 zh-CN 或 en-US/],
    [["check", "x.xlsx", "--sheet"], /选项 --sheet 需要一个值/],
    [["check", "a.xlsx", "b.xlsx", "--out", "c.xlsx"], /--out 只能和一个输入文件一起使用/],
  ])(
    "%j exits 2 with one line",
    async (args, message) => {
      const run = await runCli(args as string[]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(message as RegExp);
      expect(run.stderr).toContain("fengong --help");
    },
    30_000,
  );

  it("names an unknown --sheet", async () => {
    const run = await runCli(["check", fixture("yunnan-2017-notice.xlsx"), "--sheet", "不存在"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/yunnan-2017-notice\.xlsx: 工作簿中没有名为“不存在”的工作表/);
  }, 30_000);
});

describe("a workbook that opens but holds no plan table", () => {
  it("gives the usual report with the error table.not-found and exit 1", async () => {
    const result = await runCli(["check", fixture("no-table.xlsx")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/没有找到分工方案的表头/);
    expect(result.stderr).toBe("");
  }, 30_000);

  it("gives the report in --json too: table null, the finding table.not-found, no tasks", async () => {
    const result = await runCli(["check", fixture("no-table.xlsx"), "--json"]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ headerRow: null, tasks: [], totals: [] });
    expect(json.findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([
      ["table.not-found", "error"],
    ]);
  }, 30_000);

  it("accepts dates as people type them in --as-of and --published", async () => {
    for (const typed of ["2017/8/15", "2017.8.15", "2017年8月15日"]) {
      const result = await runCli([
        "check",
        fixture("no-table.xlsx"),
        "--json",
        "--as-of",
        typed,
        "--published",
        typed,
      ]);
      expect(JSON.parse(result.stdout).asOf).toBe("2017-08-15");
    }
  }, 60_000);
});
