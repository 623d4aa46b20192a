/**
 * What a new user and a careful tester hit on the command line (issue 17), run as `node bin/fengong.js`:
 * a negative --due-soon, a folder as input, --out onto a read-only file, control characters in workbook
 * text (stripped for the terminal, escaped in --json), and a 2027 holiday schedule given with --holidays.
 */
import ExcelJS from "exceljs";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { buildCli, fixture, runCli } from "./runCli";

beforeAll(buildCli, 60_000);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "fengong-edges-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Control characters a terminal acts on: C0 (except tab and line feed), DEL, C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe("usage messages", () => {
  it("says a negative --due-soon must be 0 or more (a value was given)", async () => {
    const zh = await runCli(["check", fixture("yunnan-2017-notice.xlsx"), "--due-soon", "-3"]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("--due-soon 必须是 0 或更大的整数天数，收到“-3”");
    expect(zh.stderr).not.toMatch(/需要一个值/);
    const en = await runCli(["check", fixture("yunnan-2017-notice.xlsx"), "--due-soon", "-3"], { LANG: "en_US.UTF-8" });
    expect(en.stderr).toContain('--due-soon must be 0 or more (a whole number of days), got "-3"');
  }, 30_000);

  it("says a folder given as input is a folder", async () => {
    const folder = join(dir, "各州市台账");
    mkdirSync(folder);
    const run = await runCli(["check", folder]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(`“${folder}”是一个文件夹，不是文件`);
    expect(run.stderr).not.toContain("另存为");
  }, 30_000);
});

describe("--out onto a read-only file", () => {
  it("refuses (exit 2, file untouched) unless --overwrite is given", async () => {
    const out = join(dir, "标注副本.xlsx");
    writeFileSync(out, "上一版的标注副本");
    chmodSync(out, 0o444);
    const refused = await runCli(["check", fixture("yunnan-2017-notice.xlsx"), "--as-of", "2017-08-15", "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("是只读文件：没有替换");
    expect(refused.stderr).toContain("--overwrite");
    expect(readFileSync(out, "utf8")).toBe("上一版的标注副本");
    expect(readdirSync(dir)).toEqual(["标注副本.xlsx"]);

    const replaced = await runCli([
      "check",
      fixture("yunnan-2017-notice.xlsx"),
      "--as-of",
      "2017-08-15",
      "--out",
      out,
      "--overwrite",
    ]);
    expect(replaced.code).toBe(1); // the sample's error finding, as without --out
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(statSync(out).size).toBeGreaterThan(5000);
    expect(readdirSync(dir)).toEqual(["标注副本.xlsx"]); // no temporary file left behind
  }, 60_000);
});

describe("control characters in workbook text", () => {
  // A CSV named with a CSI (U+009B) and cells holding ESC sequences, BEL, a lone CR and C1 controls.
  const name = "台账\u009b2J.csv";
  const csv = [
    "序号,工作任务,牵头单位,责任单位,完成时限",
    "1,\u001b]0;窗口标题\u0007整治\u001b[2J违规收费,市发改委\u009b31m,\u0085市财政局,2017年6月30日",
    "2,推进政务公开\u000cXXXX,市政府办公室\u007f,,7月底前",
  ].join("\n");

  it("strips them from everything printed for people", async () => {
    writeFileSync(join(dir, name), csv);
    const run = await runCli(["check", join(dir, name), "--as-of", "2017-08-15"], { NO_COLOR: "1" });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("台账2J.csv");
    expect(run.stdout).toContain("工作表：台账2J");
    expect(run.stdout).toContain("整治[2J违规收费");
    expect(run.stdout).toContain("市发改委31m");
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stderr).not.toMatch(CONTROL);
  }, 30_000);

  it("strips them from messages on stderr (a sheet name quoted in an error)", async () => {
    const run = await runCli(["check", fixture("yunnan-2017-notice.xlsx"), "--sheet", "方案\u009b6n\u001b[1m"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("方案6n[1m");
    expect(run.stderr).not.toMatch(CONTROL);
  }, 30_000);

  it("escapes them in --json (\\u009b), which still reads back as the same text", async () => {
    writeFileSync(join(dir, name), csv);
    const run = await runCli(["check", join(dir, name), "--as-of", "2017-08-15", "--json"]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stdout).toContain("\\u009b");
    expect(run.stdout).toContain("\\u001b[2J");
    const json = JSON.parse(run.stdout) as { file: string; sheet: string; tasks: { text: string }[] };
    expect(json.sheet).toBe("台账\u009b2J");
    expect(json.tasks[0].text).toBe("\u001b]0;窗口标题\u0007整治\u001b[2J违规收费");
  }, 30_000);
});

describe("--holidays FILE (a 2027 schedule, hand-entered: see test/core/holidays.test.ts)", () => {
  const plan = [
    "序号,工作任务,牵头单位,责任单位,完成时限",
    "1,制定企业开办全程网办实施细则,市市场监管局,市政务服务局,印发之日起15个工作日内",
  ].join("\n");
  const holidays = [
    "日期,安排,节日",
    "2027-01-31,班,春节",
    ...["05", "06", "07", "08", "09", "10", "11", "12"].map((day) => `2027-02-${day},休,春节`),
    "2027-02-20,班,春节",
    "2027-10-1,休息,国庆节",
    "2027-13-01,休,（录入错误）",
  ].join("\n");
  const args = (...more: string[]) => [
    "check",
    join(dir, "2027方案.csv"),
    "--as-of",
    "2027-02-16",
    "--published",
    "2027-01-25",
    "--json",
    ...more,
  ];
  const dueOf = (stdout: string) =>
    (JSON.parse(stdout) as { tasks: { deadline: { due: string } }[] }).tasks[0].deadline.due;

  it("counts working days by the schedule; without it, Monday–Friday and a finding naming --holidays", async () => {
    writeFileSync(join(dir, "2027方案.csv"), plan);
    writeFileSync(join(dir, "2027年节假日.csv"), holidays);
    const without = await runCli(args());
    expect(dueOf(without.stdout)).toBe("2027-02-15");
    expect(without.stdout).toContain("--holidays");

    const withSchedule = await runCli(args("--holidays", join(dir, "2027年节假日.csv")));
    expect(withSchedule.code).toBe(0);
    expect(dueOf(withSchedule.stdout)).toBe("2027-02-20");
    expect(withSchedule.stdout).not.toContain("deadline.outside-calendar");
    // The unreadable row is named, not guessed (row 13: the header is row 1).
    expect(withSchedule.stderr).toContain("第 13 行的日期或“休/班”无法识别，已跳过");
  }, 60_000);

  it("reads an .xlsx schedule too, and refuses a file without one (exit 2)", async () => {
    writeFileSync(join(dir, "2027方案.csv"), plan);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("节假日安排");
    sheet.addRow(["日期", "安排"]);
    sheet.addRow([new Date(Date.UTC(2027, 0, 31)), "班"]);
    for (let day = 5; day <= 12; day++) sheet.addRow([new Date(Date.UTC(2027, 1, day)), "休"]);
    sheet.addRow([new Date(Date.UTC(2027, 1, 20)), "班"]);
    await workbook.xlsx.writeFile(join(dir, "节假日.xlsx"));
    const run = await runCli(args("--holidays", join(dir, "节假日.xlsx")));
    expect(dueOf(run.stdout)).toBe("2027-02-20");

    writeFileSync(join(dir, "空.csv"), "日期,安排\n待国务院办公厅通知发布后填写,\n");
    const refused = await runCli(args("--holidays", join(dir, "空.csv")));
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("中没有找到节假日安排");
  }, 60_000);

  it("a workbook's own 节假日安排 sheet is read beside the plan, never as the plan", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("节假日安排");
    sheet.addRow(["日期", "安排"]);
    sheet.addRow(["2027-01-31", "班"]);
    for (let day = 5; day <= 12; day++) sheet.addRow([`2027-02-${String(day).padStart(2, "0")}`, "休"]);
    sheet.addRow(["2027-02-20", "班"]);
    const planSheet = workbook.addWorksheet("分工方案");
    for (const line of plan.split("\n")) planSheet.addRow(line.split(","));
    const file = join(dir, "2027方案（含节假日）.xlsx");
    await workbook.xlsx.writeFile(file);

    const grids = await (await XlsxWorkbook.fromBuffer(readFileSync(file), file)).readGrids();
    expect(grids.plan.sheet).toBe("分工方案");
    expect(grids.others.map((g) => g.sheet)).toEqual(["节假日安排"]);

    const run = await runCli(["check", file, "--as-of", "2027-02-16", "--published", "2027-01-25", "--json"]);
    expect((JSON.parse(run.stdout) as { sheet: string }).sheet).toBe("分工方案");
    expect(dueOf(run.stdout)).toBe("2027-02-20");
  }, 60_000);
});
