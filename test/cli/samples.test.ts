/** The real command on the shared samples: the JSON matches each sample's expectations. */
import { readFileSync } from "node:fs";
import { buildCli, fixture, runCli } from "./runCli";

interface Expected {
  file: string;
  args: string[];
  headerRow: number;
  tasks: { row: number; lead: string[]; responsible: string[]; due: string | null; status: string }[];
  findings: [string, number | null][];
  absent: string[];
}

interface JsonTask {
  row: number;
  lead: string[];
  responsible: string[];
  deadline: { text: string; kind: string; due: string | null };
  status: string;
}
interface JsonReport {
  file: string;
  sheet: string;
  headerRow: number;
  asOf: string;
  columns: Record<string, string>;
  tasks: JsonTask[];
  findings: { rule: string; severity: string; row: number | null; column: string | null; message: string }[];
  totals: { unit: string; lead: number; responsible: number; overdue: number }[];
  summary: { text: string; html: string; tsv: string };
}

const SAMPLES = ["yunnan-2017-notice", "county-ledger-traditional", "units-in-task-text"];
const expectedOf = (name: string): Expected => JSON.parse(readFileSync(fixture(`${name}.expected.json`), "utf8"));

beforeAll(buildCli, 60_000);

describe.each(SAMPLES)("fengong check %s.xlsx --json", (name) => {
  const expected = expectedOf(name);
  let run: Awaited<ReturnType<typeof runCli>>;
  let json: JsonReport;

  beforeAll(async () => {
    run = await runCli(["check", fixture(expected.file), ...expected.args, "--json"]);
    json = JSON.parse(run.stdout);
  }, 30_000);

  it("reads the table at the expected header row", () => {
    expect(run.stderr).toBe("");
    expect(json.file).toBe(fixture(expected.file));
    expect(json.headerRow).toBe(expected.headerRow);
    expect(json.asOf).toBe(expected.args[expected.args.indexOf("--as-of") + 1]);
  });

  it("finds exactly the expected tasks, with their leads, responsible units, due dates and status", () => {
    const actual = json.tasks.map((t) => ({
      row: t.row,
      lead: t.lead,
      responsible: t.responsible,
      due: t.deadline.due,
      status: t.status,
    }));
    expect(actual).toEqual(expected.tasks);
  });

  it("reports the listed findings and none of the absent rules", () => {
    const found = json.findings.map((f) => [f.rule, f.row]);
    for (const finding of expected.findings) expect(found).toContainEqual(finding);
    const rules = new Set(json.findings.map((f) => f.rule));
    for (const rule of expected.absent) expect(rules.has(rule)).toBe(false);
  });

  it("exits 1 exactly when there are error findings", () => {
    const errors = json.findings.some((f) => f.severity === "error");
    expect(run.code).toBe(errors ? 1 : 0);
  });

  it("gives totals and a summary consistent with the tasks", () => {
    const units = new Set(json.tasks.flatMap((t) => [...t.lead, ...t.responsible]));
    expect(new Set(json.totals.map((t) => t.unit))).toEqual(units);
    const overdueTasks = json.tasks.filter((t) => t.status === "overdue");
    for (const total of json.totals) {
      const mine = overdueTasks.filter((t) => t.lead.includes(total.unit) || t.responsible.includes(total.unit));
      expect(total.overdue).toBe(mine.length);
    }
    expect(json.summary.text.length).toBeGreaterThan(0);
  });
});

describe("time zones", () => {
  it("gives the same JSON whatever the process time zone", async () => {
    const args = ["check", fixture("county-ledger-traditional.xlsx"), "--as-of", "2021-07-05", "--json"];
    const runs = await Promise.all(
      ["Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"].map((TZ) => runCli(args, { TZ })),
    );
    expect(JSON.parse(runs[0].stdout).tasks.find((t: JsonTask) => t.row === 5).deadline.due).toBe("2021-09-30"); // the date cell D5
    for (const run of runs) expect(run.stdout).toBe(runs[0].stdout);
  }, 30_000);
});

describe("several files", () => {
  const files = [fixture("yunnan-2017-notice.xlsx"), fixture("units-in-task-text.xlsx")];

  it("prints one JSON array: each file, then the combined totals", async () => {
    const run = await runCli(["check", ...files, "--as-of", "2017-10-09", "--published", "2017-05-10", "--json"]);
    const json = JSON.parse(run.stdout);
    expect(json).toHaveLength(3);
    expect(json.slice(0, 2).map((r: JsonReport) => r.file)).toEqual(files);
    const combined = json[2];
    expect(combined).toMatchObject({ combined: true, files });
    // The combined totals are the per-file totals summed by unit.
    const sum = (unit: string, field: "lead" | "responsible" | "overdue") =>
      json
        .slice(0, 2)
        .reduce((n: number, r: JsonReport) => n + (r.totals.find((t) => t.unit === unit)?.[field] ?? 0), 0);
    for (const total of combined.totals) {
      expect([total.lead, total.responsible, total.overdue]).toEqual([
        sum(total.unit, "lead"),
        sum(total.unit, "responsible"),
        sum(total.unit, "overdue"),
      ]);
    }
    expect(combined.totals.find((t: { unit: string }) => t.unit === "省政府办公厅").lead).toBe(
      sum("省政府办公厅", "lead"),
    );
  }, 30_000);

  it("prints each file for people, then the combined totals table", async () => {
    const run = await runCli(["check", ...files, "--as-of", "2017-10-09", "--published", "2017-05-10"]);
    const first = run.stdout.indexOf(files[0]);
    const second = run.stdout.indexOf(files[1]);
    const combined = run.stdout.indexOf("合计（2 个文件）");
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    expect(combined).toBeGreaterThan(second);
    expect(run.code).toBe(1);
  }, 30_000);

  it("still checks the good files when one is unusable, and exits 2", async () => {
    const run = await runCli(["check", fixture("empty.xlsx"), files[0], "--as-of", "2017-08-15", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    const json = JSON.parse(run.stdout);
    expect(json.map((r: { file?: string }) => r.file)).toEqual([files[0], undefined]);
  }, 30_000);
});

describe("CSV input", () => {
  it("reads a UTF-8 CSV and the same plan saved as GB18030 alike", async () => {
    const [utf8, gbk] = await Promise.all(
      ["plan.csv", "plan-gbk.csv"].map((name) => runCli(["check", fixture(name), "--as-of", "2021-07-05", "--json"])),
    );
    const a = JSON.parse(utf8.stdout);
    const b = JSON.parse(gbk.stdout);
    expect(a.headerRow).toBe(1);
    expect(a.tasks.map((t: JsonTask) => [t.row, t.lead, t.deadline.due, t.status])).toEqual([
      [2, ["县财政局"], "2021-03-31", "done"],
      [3, ["县政府办公室"], "2021-06-30", "overdue"],
      [4, ["县发展改革局"], "2021-07-10", "due-soon"],
    ]);
    expect(b.sheet).toBe("plan-gbk");
    expect({ ...b, file: "", sheet: "" }).toEqual({ ...a, file: "", sheet: "" });
  }, 30_000);
});

describe("output for people", () => {
  it("prints the table read, findings, overdue tasks, totals and the circular, without colour when piped", async () => {
    const run = await runCli([
      "check",
      "examples/yunnan-2017-notice.xlsx",
      "--as-of",
      "2017-08-15",
      "--published",
      "2017-05-10",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const out = run.stdout;
    expect(out).not.toContain("\u001b[");
    for (const part of [
      "工作表：分工方案",
      "表头：第 3 行",
      "问题：",
      "逾期任务：",
      "即将到期：",
      "按单位汇总",
      "通报",
    ]) {
      expect(out).toContain(part);
    }
    expect(out.indexOf("问题：")).toBeLessThan(out.indexOf("逾期任务："));
    expect(out.indexOf("按单位汇总")).toBeLessThan(out.indexOf("通报"));
  }, 30_000);

  it("prints English with --lang en-US", async () => {
    const run = await runCli(["check", "examples/yunnan-2017-notice.xlsx", "--as-of", "2017-08-15", "--lang", "en-US"]);
    expect(run.stdout).toContain("Sheet: 分工方案");
    expect(run.stdout).toContain("Totals by unit");
    expect(run.stdout).not.toContain("按单位汇总");
  }, 30_000);
});
