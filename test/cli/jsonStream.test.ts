/**
 * `check --json` is written in pieces (src/cli/json.ts, writeJsonOutput): the text must be the same, byte for
 * byte, as the one string the command line printed before — built here the old way, from the same key lists:
 * the whole output stringified at once, re-indented through JSON.parse for a terminal, then DEL and C1 controls
 * escaped.
 */
import { readFileSync } from "node:fs";
import { combineReports, type Combined } from "../../src/app/combine";
import { check } from "../../src/app/check";
import { installNodeZip } from "../../src/cli/nodeZip";
import { JSON_KEYS, jsonOutput, writeJsonOutput } from "../../src/cli/json";
import { escapeJsonControls } from "../../src/cli/terminalText";
import { columnLetter } from "../../src/core/address";
import { analyze } from "../../src/core/analyze";
import { assessUnits, type Assessment } from "../../src/core/assessment";
import type { Report, Role } from "../../src/core/types";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { generatePlan } from "../../bench/generatePlan";
import { buildCli, fixture, runCli, withGeneratedPlan } from "./runCli";
import { handmadeReport, task } from "./handmadeReport";

interface Checked {
  file: string;
  report: Report;
  assessment?: Assessment | null;
}

// ---- the one-string output, as src/cli/json.ts built it before it was streamed --------------------

const json = (value: unknown): string => JSON.stringify(value ?? null);

function oneStringReport(file: string, report: Report, assessment?: Assessment | null): string {
  const table = report.table;
  const columns: Partial<Record<Role, string>> = {};
  for (const [role, column] of Object.entries(table?.columns ?? {}) as [Role, number | undefined][]) {
    if (typeof column === "number") columns[role] = columnLetter(column);
  }
  return (
    `{"file":${json(file)},"sheet":${json(table?.sheet)},"headerRow":${json(table?.headerRow)},` +
    `"asOf":${json(report.asOf)},"columns":${json(columns)},` +
    `"tasks":${JSON.stringify(report.tasks, JSON_KEYS.task)},` +
    `"findings":${JSON.stringify(report.findings, JSON_KEYS.finding)},` +
    `"totals":${JSON.stringify(report.totals, JSON_KEYS.total)},` +
    `"summary":${JSON.stringify(report.summary, JSON_KEYS.summary)},` +
    `"comparison":${JSON.stringify(report.comparison ?? null, JSON_KEYS.comparison)}` +
    (assessment ? `,"assessment":${JSON.stringify(assessment.units, JSON_KEYS.assessment)}` : "") +
    "}"
  );
}

function oneStringOutput(results: readonly Checked[], combined: Combined | null, pretty: boolean): string {
  const reports = results.map((r) => oneStringReport(r.file, r.report, r.assessment));
  const combinedText = combined
    ? `{"combined":true,"files":${json(results.map((r) => r.file))},"totals":${JSON.stringify(combined.totals, JSON_KEYS.total)}}`
    : null;
  const text =
    reports.length === 1 && !combined
      ? reports[0]
      : `[${[...reports, ...(combinedText ? [combinedText] : [])].join(",")}]`;
  return escapeJsonControls(pretty ? JSON.stringify(JSON.parse(text), null, 2) : text);
}

// ---- helpers ------------------------------------------------------------------------------------

/** The streamed output: the pieces the writer was handed, and their concatenation. */
function streamed(results: readonly Checked[], combined: Combined | null, pretty: boolean, batch?: number) {
  const pieces: string[] = [];
  writeJsonOutput(results, combined, pretty, (text) => void pieces.push(text), batch);
  return { pieces, text: pieces.join("") };
}

/** Both ways agree, compact and pretty, with the default batches and with tiny ones (many batch seams). */
function expectSameAsOneString(results: readonly Checked[], combined: Combined | null): void {
  for (const pretty of [false, true]) {
    const expected = oneStringOutput(results, combined, pretty);
    for (const batch of [undefined, 1, 3, 7]) {
      expect(streamed(results, combined, pretty, batch).text).toBe(expected);
    }
    expect(jsonOutput(results, combined, pretty)).toBe(expected);
  }
}

async function checkedFixture(name: string): Promise<Checked> {
  installNodeZip();
  const workbook = await XlsxWorkbook.fromBuffer(readFileSync(fixture(name)), name);
  const report = await check(workbook, { asOf: "2017-08-15", published: "2017-03-01" });
  const settings = await workbook.readSettings();
  return { file: name, report, assessment: assessUnits(report, settings.assessment) };
}

// ---- tests --------------------------------------------------------------------------------------

describe("check --json written in pieces", () => {
  beforeAll(buildCli, 60_000);

  it("prints, from the command line, the one-string output and a line feed (one file, and several)", async () => {
    const names = ["yunnan-2017-notice.xlsx", "county-ledger-traditional.xlsx"];
    const checked = await Promise.all(names.map(checkedFixture));
    const dates = ["--as-of", "2017-08-15", "--published", "2017-03-01", "--json"];
    const one = await runCli(["check", fixture(names[0]), ...dates]);
    expect(one.stdout).toBe(oneStringOutput([{ ...checked[0], file: fixture(names[0]) }], null, false) + "\n");
    const both = await runCli(["check", ...names.map(fixture), ...dates]);
    const named = checked.map((c, i) => ({ ...c, file: fixture(names[i]) }));
    expect(both.stdout).toBe(oneStringOutput(named, combineReports(checked.map((c) => c.report)), false) + "\n");
  }, 60_000);

  it("prints megabytes of JSON into a pipe whole before it exits (the command exits without freeing its heap)", async () => {
    await withGeneratedPlan(4000, 7, async (file) => {
      const dates = ["--as-of", "2024-08-15", "--published", "2024-03-01"];
      const run = await runCli(["check", file, "--json", ...dates]);
      expect(run.stdout.length).toBeGreaterThan(1_000_000);
      expect(run.stdout.endsWith("}\n")).toBe(true);
      const printed = JSON.parse(run.stdout) as { tasks: unknown[] };
      const workbook = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(file)), file);
      const report = await check(workbook, { asOf: "2024-08-15", published: "2024-03-01" });
      expect(printed.tasks.length).toBe(report.tasks.length);
      expect([0, 1]).toContain(run.code);
    });
  }, 60_000);

  it("is the one-string output, byte for byte, for each fixture alone and for all of them together", async () => {
    const names = [
      "yunnan-2017-notice.xlsx",
      "county-ledger-traditional.xlsx",
      "units-in-task-text.xlsx",
      "formatted-plan.xlsx",
      "no-table.xlsx",
    ];
    const checked = await Promise.all(names.map(checkedFixture));
    expect(checked[0].report.tasks.length).toBeGreaterThanOrEqual(10);
    for (const one of checked) {
      expectSameAsOneString([one], null);
      // Without the assessment (reportJsonText's form) too.
      expectSameAsOneString([{ file: one.file, report: one.report }], null);
    }
    expectSameAsOneString(checked, combineReports(checked.map((c) => c.report)));
    // Several files named, none readable: an array holding only the combined element.
    expectSameAsOneString([], combineReports([]));
  }, 60_000);

  it("escapes DEL and C1 controls (a one-character CSI) in task texts, file and sheet names, as before", () => {
    const report = handmadeReport({
      tasks: [
        task({ row: 5, text: "推进政务公开\u007f标准化\u009b31m建设", lead: ["市\u0085政府办公室"] }),
        task({ row: 6, text: "控制字符\u0001与\u001b[2J清屏，换行\n制表\t，行分隔\u2028段分隔\u2029" }),
        task({
          row: 7,
          text: "半个代理对\ud800、\udfff与完整的𠀀字",
          responsible: ["县\u0080财政局", "县\u009f统计局"],
        }),
      ],
      comparison: {
        since: "2017-07-15",
        newlyDone: [{ row: 8, id: "4", text: "已完成\u009b任务" }],
        newlyOverdue: [],
        stillOverdue: [{ row: 6, id: "2", text: "仍逾期", periods: 3 }],
        added: [],
        removed: [{ row: 12, id: null, text: "删去的\u007f任务" }],
      },
    });
    report.table!.sheet = "分工\u009b方案";
    const results = [{ file: "方案\u009b.xlsx", report, assessment: assessUnits(report) }];
    expectSameAsOneString(results, null);
    expectSameAsOneString([...results, { file: "副本.xlsx", report }], combineReports([report, report]));

    const text = streamed(results, null, false).text;
    expect(text).not.toMatch(/[\u007f-\u009f]/);
    expect(text).toContain("\\u009b31m");
    expect(text).toContain("\\u007f");
    const parsed = JSON.parse(text);
    expect(parsed.tasks[0].text).toBe("推进政务公开\u007f标准化\u009b31m建设");
    expect(parsed.sheet).toBe("分工\u009b方案");
    expect(parsed.comparison.removed[0].text).toBe("删去的\u007f任务");
  });

  it("shows a task's staged deadline, its completion date (absent, unknown, a day) and nothing else", () => {
    const staged = {
      text: "6月底前启动，9月底前试点，年底前完成",
      kind: "date" as const,
      due: "2017-12-31",
      milestones: [
        { text: "6月底前启动", due: "2017-06-30" },
        { text: "9月底前试点", due: null },
      ],
    };
    const report = handmadeReport({
      tasks: [
        task({ row: 5, deadline: staged, completed: "2017-08-01", status: "done" }),
        task({ row: 6, deadline: { ...staged, milestones: [] }, completed: null }),
        // What the output does not show: the status cell as written, anything the core may add later.
        Object.assign(task({ row: 7, statusText: "正在推进" }), { internal: "x" }),
      ],
    });
    const findings = report.findings.map((finding) => Object.assign({ ...finding }, { extra: 1 }));
    const results = [{ file: "方案.xlsx", report: { ...report, findings } }];
    expectSameAsOneString(results, null);
    const parsed = JSON.parse(streamed(results, null, false).text);
    expect(parsed.tasks[0].deadline.milestones).toEqual(staged.milestones);
    expect(parsed.tasks[0].completed).toBe("2017-08-01");
    expect(parsed.tasks[1]).toHaveProperty("completed", null);
    expect(parsed.tasks[2]).not.toHaveProperty("completed");
    // The same fields as any task (test/cli/json.test.ts lists them), without the date and the extra field.
    expect(Object.keys(parsed.tasks[2])).toEqual(Object.keys(parsed.tasks[1]).filter((key) => key !== "completed"));
    expect(parsed.tasks[2]).not.toHaveProperty("internal");
    expect(parsed.tasks[2]).not.toHaveProperty("statusText");
    expect(Object.keys(parsed.findings[0] ?? {})).not.toContain("extra");
  });

  it("keeps empty lists and a plan without a table as before", () => {
    const empty = handmadeReport({ tasks: [], findings: [], totals: [] });
    const noTable = handmadeReport({ table: null, tasks: [], findings: [] });
    expectSameAsOneString([{ file: "空.xlsx", report: empty }], null);
    expectSameAsOneString([{ file: "无表.xlsx", report: noTable }], null);
    expect(streamed([{ file: "空.xlsx", report: empty }], null, true).text).toContain('"tasks": [],');
  });

  it("writes a generated plan of thousands of tasks in many pieces, none of them the whole output", () => {
    const plan = generatePlan({ rows: 6000, layout: "two-column", seed: 16 });
    const report = analyze([plan.grid], { asOf: "2024-08-15", published: "2024-03-01" });
    expect(report.tasks.length).toBeGreaterThan(4000);
    expect(report.findings.length).toBeGreaterThan(100);
    const results = [{ file: "某省2024年政务公开工作要点分工方案.xlsx", report, assessment: assessUnits(report) }];
    for (const pretty of [false, true]) {
      const expected = oneStringOutput(results, null, pretty);
      const { pieces, text } = streamed(results, null, pretty);
      expect(text).toBe(expected);
      expect(pieces.length).toBeGreaterThan(3);
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(expected.length / 2);
      expect(streamed(results, null, pretty, 997).text).toBe(expected);
    }
    const several = [results[0], { file: "某市分工方案.xlsx", report }];
    const combined = combineReports([report, report]);
    expect(streamed(several, combined, false, 500).text).toBe(oneStringOutput(several, combined, false));
    expect(streamed(several, combined, true, 500).text).toBe(oneStringOutput(several, combined, true));
  }, 60_000);
});
