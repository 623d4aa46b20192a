/** The quarterly cycle from the command line: check --out records, merge, check compares (--json and --since). */
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { editCopy, planBytes } from "../cycle/plan";
import { buildCli, runCli } from "./runCli";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "fengong-cycle-"));
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  buildCli();
  writeFileSync(path("分工方案.xlsx"), await planBytes());
  // An earlier copy with no records of its own: compared as of the day it was saved.
  writeFileSync(path("七月版.xlsx"), await planBytes());
  utimesSync(path("七月版.xlsx"), new Date("2017-07-15T09:00:00+08:00"), new Date("2017-07-15T09:00:00+08:00"));
});

it("check --out records the check; merge writes the units' texts; the next check compares", async () => {
  const first = await runCli([
    "check",
    path("分工方案.xlsx"),
    "--as-of",
    "2017-07-15",
    "--out",
    path("q1.xlsx"),
    "--json",
  ]);
  expect(first.code).toBe(0);
  expect(JSON.parse(first.stdout).comparison).toBeNull();

  const sent = new Uint8Array(readFileSync(path("q1.xlsx")));
  writeFileSync(
    path("省财政厅-反馈.xlsx"),
    await editCopy(sent, { status: { "3": "已完成，预决算已于7月10日公开", "5": "正在推进" }, reverse: true }),
  );
  writeFileSync(path("教育厅.xlsx"), await editCopy(sent, { status: { "4": "已完成" } }));
  const merge = await runCli([
    "merge",
    path("q1.xlsx"),
    path("省财政厅-反馈.xlsx"),
    path("教育厅.xlsx"),
    "--out",
    path("merged.xlsx"),
    "--json",
  ]);
  expect(merge.stderr).toBe("");
  expect(merge.code).toBe(0);
  const merged = JSON.parse(merge.stdout);
  expect(merged.changes).toEqual([
    { row: 6, column: "F", old: "正在推进", new: "【省财政厅】已完成，预决算已于7月10日公开", unit: "省财政厅" },
    { row: 7, column: "F", old: "正在推进", new: "已完成", unit: "省教育厅" },
  ]);
  expect(merged.conflicts).toEqual([]);
  expect(merged.copies.map((copy: { unit: string }) => copy.unit)).toEqual(["省财政厅", "省教育厅"]);

  // The embedded history: compared with 15 July.
  const second = await runCli(["check", path("merged.xlsx"), "--as-of", "2017-10-15", "--json"]);
  const report = JSON.parse(second.stdout);
  expect(report.comparison.since).toBe("2017-07-15");
  expect(report.comparison.newlyDone.map((e: { id: string }) => e.id)).toEqual(["3", "4"]);
  expect(report.comparison.stillOverdue).toEqual([
    { row: 4, id: "1", text: "调整完善政务公开领导小组，明确分管负责同志。", periods: 2 },
    { row: 8, id: "5", text: "推进公共资源配置领域信息公开", periods: 2 },
  ]);
  expect(report.summary.text).toContain("与上期（2017年7月15日）相比，新完成2项，新增逾期1项，连续两期逾期2项");
  expect(report.totals.find((t: { unit: string }) => t.unit === "省发展改革委").overdueChange).toBe(1);

  // For people: the comparison section and the change column.
  const human = await runCli(["check", path("merged.xlsx"), "--as-of", "2017-10-15"]);
  expect(human.stdout).toContain("与上期（2017-07-15）比较");
  expect(human.stdout).toContain("逾期较上期增减");

  // Merging the same copies again changes nothing.
  const again = await runCli([
    "merge",
    path("merged.xlsx"),
    path("省财政厅-反馈.xlsx"),
    path("教育厅.xlsx"),
    "--out",
    path("merged-again.xlsx"),
    "--json",
  ]);
  expect(JSON.parse(again.stdout).changes).toEqual([]);
});

it("check --since compares with an earlier copy instead of the embedded records", async () => {
  const run = await runCli([
    "check",
    path("分工方案.xlsx"),
    "--as-of",
    "2017-10-15",
    "--since",
    path("七月版.xlsx"),
    "--json",
  ]);
  const report = JSON.parse(run.stdout);
  expect(report.comparison.since).toBe("2017-07-15");
  expect(report.comparison.newlyOverdue.map((e: { id: string }) => e.id)).toEqual(["2", "3", "4"]);
  expect(report.comparison.stillOverdue.map((e: { id: string }) => e.id)).toEqual(["1", "5"]);
});

it("says what is wrong with a merge command", async () => {
  const noOut = await runCli(["merge", path("q1.xlsx"), path("教育厅.xlsx")]);
  expect(noOut.code).toBe(2);
  expect(noOut.stderr).toContain("merge 需要 --out");
  const count = await runCli([
    "merge",
    path("q1.xlsx"),
    path("教育厅.xlsx"),
    "--unit",
    "省教育厅",
    "--unit",
    "省财政厅",
    "--out",
    path("x.xlsx"),
  ]);
  expect(count.code).toBe(2);
  expect(count.stderr).toContain("给了 2 个 --unit，但有 1 份反馈副本");
  const intoInput = await runCli(["merge", path("q1.xlsx"), path("教育厅.xlsx"), "--out", path("q1.xlsx")]);
  expect(intoInput.code).toBe(2);
  expect(readFileSync(path("q1.xlsx")).length).toBeGreaterThan(0);
});
