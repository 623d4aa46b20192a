import { createPaint, colourWanted } from "../../src/cli/color";
import { jsonOutput, reportJsonText } from "../../src/cli/json";
import { LIST_LIMIT, daysBetween, renderCombined, renderReport } from "../../src/cli/render";
import { displayWidth } from "../../src/cli/width";
import { combineReports } from "../../src/app/combine";
import { handmadeReport, task, totals } from "./handmadeReport";

const plain = createPaint(false);
const zh = { language: "zh-CN" as const, dueSoonDays: 7, paint: plain };

/** The lines of a section: from its title to the next blank line. */
function section(text: string, title: RegExp): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => title.test(line));
  if (start < 0) throw new Error(`no section ${title}`);
  const end = lines.indexOf("", start);
  return lines.slice(start, end < 0 ? undefined : end);
}

describe("renderReport", () => {
  const text = renderReport("examples/plan.xlsx", handmadeReport(), zh);

  it("says which table was read: sheet, header row, as-of date and columns by role", () => {
    expect(text).toContain("工作表：分工方案");
    expect(text).toContain("表头：第 3 行");
    expect(text).toContain("截至：2017-08-15");
    expect(text).toContain("列：序号 A，工作任务 B，牵头单位 C，责任单位 D，完成时限 E，完成情况 F");
  });

  it("groups findings by severity with row, cell and message", () => {
    const lines = section(text, /^问题：/);
    expect(lines[0]).toBe("问题：错误 1 项，警告 1 项，提示 1 项");
    const error = lines.indexOf("  错误");
    const warning = lines.indexOf("  警告");
    const info = lines.indexOf("  提示");
    expect(error).toBeGreaterThan(0);
    expect(warning).toBeGreaterThan(error);
    expect(info).toBeGreaterThan(warning);
    expect(lines[error + 2]).toMatch(/^\s+7\s+C7\s+第7行（C7）：该项任务没有牵头单位。$/);
    expect(lines[info + 2]).toMatch(/^\s+—\s+—\s+单位名录中的/);
  });

  it("lists overdue tasks by days overdue, with task number and lead, on one line each", () => {
    const lines = section(text, /^逾期任务/);
    expect(lines[0]).toBe("逾期任务：2 项");
    expect(lines[2]).toContain("46");
    expect(lines[2]).toContain("调整完善政务公开领导小组 （第二行）");
    expect(lines[3]).toContain("省发展改革委、省财政厅");
    expect(lines[3]).toContain("2017-07-31");
    // Aligned: the lead column starts at the same display column on both rows.
    const leadAt = (line: string, lead: string) => displayWidth(line.slice(0, line.indexOf(lead)));
    expect(leadAt(lines[2], "省政府办公厅")).toBe(leadAt(lines[3], "省发展改革委"));
  });

  it("lists due-soon tasks with the days left and says when a task has no lead", () => {
    const lines = section(text, /^即将到期/);
    expect(lines[0]).toBe("即将到期：1 项（7 天内）");
    expect(lines[2]).toMatch(/\b5\s+2017-08-20/);
    expect(lines[2]).toContain("（无牵头单位）");
  });

  it("prints the totals table and the circular text", () => {
    const lines = section(text, /^按单位汇总/);
    expect(lines[1]).toMatch(/^\s+单位\s+牵头任务\s+责任（配合）任务\s+逾期/);
    expect(lines[2]).toMatch(/^\s+省政府办公厅\s+3\s+0\s+1\s+1\s+0\s+1\s+33\.3%$/);
    expect(text).toContain("通报\n  截至2017年8月15日，共5项任务。\n\n  由省政府办公厅牵头的第2项逾期。\n");
  });

  it("prints English labels for an English report", () => {
    const english = renderReport("plan.xlsx", handmadeReport({ language: "en-US" }), { ...zh, language: "en-US" });
    expect(english).toContain("Sheet: 分工方案");
    expect(english).toContain("Findings: 1 error(s), 1 warning(s), 1 info");
    expect(english).toContain("Overdue: 2");
    expect(english).not.toMatch(/逾期任务|按单位汇总/);
  });

  it("uses colour only when asked, and then only as ANSI escapes around whole lines", () => {
    expect(text).not.toContain("\u001b[");
    const coloured = renderReport("examples/plan.xlsx", handmadeReport(), { ...zh, paint: createPaint(true) });
    expect(coloured).toContain("\u001b[31m");
    expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(text);
  });
});

describe("colourWanted", () => {
  it("is on for a terminal without NO_COLOR only", () => {
    expect(colourWanted(true, {})).toBe(true);
    expect(colourWanted(true, { NO_COLOR: "1" })).toBe(false);
    expect(colourWanted(true, { NO_COLOR: "" })).toBe(true);
    expect(colourWanted(false, {})).toBe(false);
  });
});

describe("daysBetween", () => {
  it("counts calendar days across month ends and DST changes", () => {
    expect(daysBetween("2017-08-15", "2017-08-20")).toBe(5);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2024-03-09", "2024-03-11")).toBe(2);
  });
});

describe("--json shape", () => {
  it("has exactly the documented fields", () => {
    const report = handmadeReport();
    // Fields the shape does not have never leak out.
    (report.tasks[0] as unknown as Record<string, unknown>).internal = "x";
    const json = JSON.parse(reportJsonText("plan.xlsx", report));
    expect(Object.keys(json)).toEqual([
      "file",
      "sheet",
      "headerRow",
      "asOf",
      "columns",
      "tasks",
      "findings",
      "totals",
      "summary",
      "comparison",
    ]);
    // No earlier check: null (not absent).
    expect(json.comparison).toBeNull();
    expect(json.columns).toEqual({ id: "A", task: "B", lead: "C", responsible: "D", deadline: "E", status: "F" });
    expect(Object.keys(json.tasks[0])).toEqual([
      "row",
      "id",
      "section",
      "text",
      "lead",
      "responsible",
      "leaders",
      "deadline",
      "status",
      "daysOverdue",
    ]);
    expect(json.tasks[0].deadline).toEqual({ text: "2017年7月底前", kind: "month", due: "2017-07-31" });
    expect(Object.keys(json.findings[0])).toEqual(["rule", "severity", "row", "column", "message", "suggestion"]);
    expect(Object.keys(json.totals[0])).toEqual([
      "unit",
      "lead",
      "responsible",
      "overdue",
      "overdueAsLead",
      "dueSoon",
      "done",
      "completionRate",
    ]);
    expect(Object.keys(json.summary)).toEqual(["text", "html", "tsv"]);
    expect(json.tasks[0].internal).toBeUndefined();
    expect(json.tasks.map((t: { status: string }) => t.status)).toEqual(report.tasks.map((t) => t.status));
  });

  it("is compact for programs and indented for a terminal, with the same content", () => {
    const results = [{ file: "a.xlsx", report: handmadeReport() }];
    const compact = jsonOutput(results, null);
    const pretty = jsonOutput(results, null, true);
    expect(compact).not.toContain("\n");
    expect(pretty).toContain('\n  "file": "a.xlsx"');
    expect(JSON.parse(pretty)).toEqual(JSON.parse(compact));
  });

  it("is one object for one file, and an array ending with the combined totals for several", () => {
    const report = handmadeReport();
    expect(JSON.parse(jsonOutput([{ file: "a.xlsx", report }], null)).file).toBe("a.xlsx");
    const several = JSON.parse(
      jsonOutput(
        [
          { file: "a.xlsx", report },
          { file: "b.xlsx", report },
        ],
        combineReports([report, report]),
      ),
    );
    expect(several).toHaveLength(3);
    expect(several[2].combined).toBe(true);
    expect(several[2].files).toEqual(["a.xlsx", "b.xlsx"]);
    expect(several[2].totals[0]).toMatchObject({ unit: "省政府办公厅", lead: 6, overdue: 2, done: 2 });
  });
});

describe("combineReports", () => {
  it("sums units across plans, recomputes rates and counts tasks by status", () => {
    const a = handmadeReport({
      tasks: [task({ row: 5, status: "done" }), task({ row: 6, status: "overdue", daysOverdue: 3 })],
      totals: [totals({ unit: "县财政局", lead: 2, done: 1, overdue: 1, overdueAsLead: 1, completionRate: 0.5 })],
    });
    const b = handmadeReport({
      tasks: [task({ row: 5, status: "open" })],
      totals: [
        totals({ unit: "县财政局", responsible: 2, done: 2, completionRate: 1 }),
        totals({ unit: "县统计局", lead: 1, completionRate: 0 }),
      ],
    });
    const noTable = handmadeReport({ table: null, tasks: [], totals: [totals({ unit: "x", lead: 9 })] });
    const combined = combineReports([a, b, noTable]);
    expect(combined.counts).toEqual({
      plans: 2,
      tasks: 3,
      done: 1,
      overdue: 1,
      dueSoon: 0,
      ongoing: 0,
      open: 1,
      noDeadline: 0,
    });
    expect(combined.totals).toEqual([
      totals({
        unit: "县财政局",
        lead: 2,
        responsible: 2,
        overdue: 1,
        overdueAsLead: 1,
        done: 3,
        completionRate: 0.75,
      }),
      totals({ unit: "县统计局", lead: 1, completionRate: 0 }),
    ]);
  });

  it("prints the combined table after several files", () => {
    const text = renderCombined(2, combineReports([handmadeReport(), handmadeReport()]), zh);
    expect(text.split("\n")[0]).toBe("合计（2 个文件）");
    expect(text).toContain("共 10 项任务：已完成 2 项，逾期 4 项，即将到期 2 项，持续推进 2 项。");
    expect(text).toMatch(/省政府办公厅\s+6\s+0\s+2\s+2\s+0\s+2\s+33\.3%/);
  });
});

describe("long lists", () => {
  it("print the first rows and say how many more there are", () => {
    const many = Array.from({ length: LIST_LIMIT + 7 }, (_, i) =>
      task({ row: 5 + i, status: "overdue", daysOverdue: 1000 - i }),
    );
    const text = renderReport("plan.xlsx", handmadeReport({ tasks: many }), zh);
    const lines = section(text, /^逾期任务/);
    expect(lines[0]).toBe(`逾期任务：${LIST_LIMIT + 7} 项`);
    expect(lines).toHaveLength(1 + 1 + LIST_LIMIT + 1);
    expect(lines[lines.length - 1]).toContain("另有 7 项未列出");
    // the most overdue come first
    expect(lines[2]).toContain("1000");
  });
});
