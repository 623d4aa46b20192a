import { analyze } from "../../src/core/analyze";
import { locateTable } from "../../src/core/table";
import type { Report } from "../../src/core/types";
import { grid } from "./helpers";

const task = (report: Report, row: number) => {
  const found = report.tasks.find((t) => t.row === row);
  if (!found) throw new Error(`no task at row ${row}: ${report.tasks.map((t) => t.row).join(",")}`);
  return found;
};
const rulesAt = (report: Report, row: number | null) => report.findings.filter((f) => f.row === row).map((f) => f.rule);

describe("locating the table", () => {
  it("finds the header below title and 附件 rows, with the plan year from the title", () => {
    const g = grid(
      "分工",
      [
        ["附件"],
        ["某市2019年重点工作分工方案", "", "", ""],
        ["序号", "工作任务", "牵头单位", "完成时限"],
        [1, "任务一", "市财政局", "6月底前"],
      ],
      ["A2:D2"],
    );
    const table = locateTable(g)!;
    expect(table.headerRow).toBe(3);
    expect(table.firstDataRow).toBe(4);
    expect(table.columns).toMatchObject({ id: 1, task: 2, lead: 3, deadline: 4 });
    expect(table.planYear).toBe(2019);
  });

  it("reads a two-row header under a merged parent", () => {
    const g = grid(
      "S",
      [
        ["序号", "重点任务", "责任单位", "", "完成时限"],
        ["", "", "牵头单位", "配合单位", ""],
        [1, "做好解读", "省政府办公厅", "省委网信办", "2020年6月30日"],
      ],
      ["C1:D1", "A1:A2", "B1:B2", "E1:E2"],
    );
    const table = locateTable(g)!;
    expect(table.headerRows).toBe(2);
    expect(table.firstDataRow).toBe(3);
    expect(table.columns.lead).toBe(3);
    expect(table.columns.responsible).toBe(4);
    const report = analyze([g], { asOf: "2020-01-01" });
    expect(task(report, 3)).toMatchObject({ lead: ["省政府办公厅"], responsible: ["省委网信办"] });
  });

  it("accepts traditional and English headers, and rejects a sheet without a plan", () => {
    expect(locateTable(grid("t", [["編號", "重點任務", "責任單位", "時間節點"]]))?.columns.responsible).toBe(3);
    expect(locateTable(grid("e", [["No.", "Task", "Lead unit", "Deadline"]]))?.columns.lead).toBe(3);
    expect(
      locateTable(
        grid("x", [
          ["姓名", "电话"],
          ["张三", "123"],
        ]),
      ),
    ).toBeNull();
    const report = analyze([grid("x", [["姓名", "电话"]])], { asOf: "2020-01-01" });
    expect(report.table).toBeNull();
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([["table.not-found", "error"]]);
    expect(report.findings[0].message).toContain("x");
  });

  it("honours column overrides", () => {
    const g = grid("S", [
      ["序号", "事项", "牵头单位", "日期"],
      [1, "a", "省财政厅", "2020-01-31"],
    ]);
    const table = locateTable(g, { columns: { deadline: "D", task: "B" } })!;
    expect(table.columns).toMatchObject({ task: 2, deadline: 4 });
  });
});

describe("reading rows", () => {
  const plan = grid(
    "分工方案",
    [
      ["序号", "工作任务", "牵头单位", "责任单位", "完成时限", "完成情况"],
      ["一、加强领导", "一、加强领导", "一、加强领导", "一、加强领导", "一、加强领导", "一、加强领导"],
      [1, "任务甲", "省财政厅", "省直有关部门", "2020年3月底前", "已完成"],
      [2, "任务乙", "省发展改革委", "省统计局", "", "正在推进"],
      [3, "任务丙", "", "省统计局", "", ""],
      [],
      ["（二）强化督查", "", "", "", "", ""],
      [4, "", "省政府督查室", "", "下半年", ""],
      [5, "任务丁", "省发改委", "", "本通知印发之日起15日内", ""],
      [6, "任务戊", "", "省统计局", "2020年9月30日", ""],
      ["注：示例。", "", "", "", "", ""],
    ],
    ["A2:F2", "C4:C5", "E4:E5"],
  );
  const report = analyze([plan], { asOf: "2020-07-01" });

  it("skips section, blank and note rows and keeps the section of each task", () => {
    expect(report.tasks.map((t) => t.row)).toEqual([3, 4, 5, 8, 9, 10]);
    expect(task(report, 3).section).toBe("一、加强领导");
    expect(task(report, 8).section).toBe("（二）强化督查");
  });

  it("gives a vertically merged cell's value to every row it covers", () => {
    expect(task(report, 5).lead).toEqual(["省发展改革委"]);
    expect(task(report, 5).deadline.kind).toBe("none");
  });

  it("classifies statuses for the as-of date", () => {
    expect(task(report, 3).status).toBe("done");
    expect(task(report, 8)).toMatchObject({ status: "open", deadline: { due: "2020-12-31", kind: "half" } });
    expect(task(report, 4).status).toBe("no-deadline");
  });

  it("reports the rule catalogue findings at their rows and cells", () => {
    expect(rulesAt(report, 5)).not.toContain("lead.missing");
    expect(rulesAt(report, 10)).toContain("lead.missing");
    expect(report.findings.find((f) => f.rule === "lead.missing")).toMatchObject({
      column: "C",
      severity: "error",
      sheet: "分工方案",
    });
    expect(rulesAt(report, 8)).toContain("task.empty");
    expect(rulesAt(report, 4)).toContain("deadline.missing");
    expect(rulesAt(report, 9)).toEqual(expect.arrayContaining(["unit.alias", "deadline.needs-base"]));
    const alias = report.findings.find((f) => f.rule === "unit.alias")!;
    expect(alias.message).toContain("省发改委");
    expect(alias.message).toContain("省发展改革委");
    expect(alias.message).toContain("第9行");
    expect(alias.message).toContain("C9");
  });

  it("computes relative deadlines once a publication date is given", () => {
    const withBase = analyze([plan], { asOf: "2020-07-01", published: "2020-06-01" });
    expect(task(withBase, 9).deadline).toMatchObject({ kind: "relative", due: "2020-06-16" });
    expect(task(withBase, 9).status).toBe("overdue");
    expect(task(withBase, 9).daysOverdue).toBe(15);
    expect(rulesAt(withBase, 9)).not.toContain("deadline.needs-base");
  });
});

describe("units in the task text (State Council style)", () => {
  const g = grid("要点", [
    ["序号", "重点任务", "完成时限"],
    [1, "推进财政资金信息公开。（省财政厅牵头，各州、市人民政府配合）", "2017年9月底前"],
    [2, "加强政府网站管理。（省政府办公厅牵头，年内持续推进）", ""],
  ]);
  const report = analyze([g], { asOf: "2017-10-09" });
  it("reads units and a deadline from the trailing parenthesis", () => {
    expect(report.table?.columns.task).toBe(2);
    expect(task(report, 2)).toMatchObject({ lead: ["省财政厅"], responsible: ["各州、市人民政府"], status: "overdue" });
    expect(task(report, 2).text).toBe("推进财政资金信息公开。");
    expect(task(report, 3)).toMatchObject({ lead: ["省政府办公厅"], status: "ongoing" });
  });
});

describe("language", () => {
  it("follows the headers unless told", () => {
    const en = grid("Plan", [
      ["No.", "Task", "Lead unit", "Responsible", "Deadline"],
      [1, "Publish budgets", "省财政厅", "", "2020-01-31"],
    ]);
    expect(analyze([en], { asOf: "2020-03-01" }).language).toBe("en-US");
    const report = analyze([en], { asOf: "2020-03-01", language: "zh-CN" });
    expect(report.language).toBe("zh-CN");
    expect(report.summary.text).toContain("截至2020年3月1日");
  });
});

describe("totals and summary", () => {
  const g = grid("S", [
    ["序号", "工作任务", "牵头单位", "责任单位", "完成时限", "完成情况"],
    [1, "甲", "省财政厅", "省统计局、省财政厅", "2020年1月31日", ""],
    [2, "乙", "省统计局", "省财政厅", "2020年12月31日", "已完成"],
    [3, "丙", "省统计局", "", "2020年3月5日", ""],
    [4, "丁", "省财政厅", "", "每季度", "未完成"],
  ]);
  const report = analyze([g], { asOf: "2020-03-01", dueSoonDays: 7 });

  it("counts lead and responsible apart, lead winning within a task", () => {
    const finance = report.totals.find((t) => t.unit === "省财政厅")!;
    expect(finance).toMatchObject({ lead: 2, responsible: 1, overdue: 1, overdueAsLead: 1, dueSoon: 0, done: 1 });
    expect(finance.completionRate).toBeCloseTo(1 / 3);
    const stats = report.totals.find((t) => t.unit === "省统计局")!;
    expect(stats).toMatchObject({ lead: 2, responsible: 1, overdue: 1, overdueAsLead: 0, dueSoon: 1, done: 1 });
    expect(report.findings.some((f) => f.rule === "responsible.includes-lead" && f.row === 2)).toBe(true);
  });

  it("writes the circular in the official register", () => {
    const text = report.summary.text;
    expect(text).toContain("截至2020年3月1日，共有4项任务，已完成1项，占比25%");
    expect(text).toContain("逾期未完成1项");
    expect(text).toContain("由省财政厅牵头的第1项（甲，逾期30天）");
    expect(report.summary.tsv.split("\n")[0].split("\t")[0]).toBe("单位");
    expect(report.summary.html).toContain("<table");
  });

  it("keeps formula-like unit names as text in the TSV and escapes HTML", () => {
    const nasty = grid("S", [
      ["序号", "工作任务", "牵头单位", "完成时限"],
      [1, "<b>x</b>", '=HYPERLINK("http://x")局', "2020年1月31日"],
    ]);
    const r = analyze([nasty], { asOf: "2020-03-01" });
    const unitLine = r.summary.tsv.split("\n")[1];
    expect(unitLine.startsWith("'=")).toBe(true);
    expect(r.summary.html).not.toContain("<b>");
  });
});

describe("the unit directory and table-wide rules", () => {
  const plan = grid("台账", [
    ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
    [1, "甲", "市财政局", "市统计局", "2020年6月30日"],
    [1, "乙", "市发改委", "市教育局", "#N/A"],
    [2, "丙", "市财攻局", "", "2020年6月30日"],
  ]);
  const directory = grid("单位名录", [
    ["单位名称", "简称"],
    ["市财政局", ""],
    ["市统计局", ""],
    ["市发展改革委", "市发改委"],
    ["市教育局", ""],
    ["市审计局", ""],
  ]);
  const report = analyze([plan, directory], { asOf: "2020-03-01" });

  it("resolves directory aliases and reports unknown units with the closest name", () => {
    expect(task(report, 3).lead).toEqual(["市发展改革委"]);
    const unknown = report.findings.find((f) => f.rule === "unit.unknown")!;
    expect(unknown).toMatchObject({ row: 4, column: "C", suggestion: "市财政局", severity: "warning" });
    expect(unknown.message).toContain("市财政局");
  });

  it("reports directory units without a task, duplicate ids and error values", () => {
    const unassigned = report.findings.filter((f) => f.rule === "unit.unassigned");
    expect(unassigned.map((f) => f.params.unit)).toEqual(["市审计局"]);
    expect(unassigned[0]).toMatchObject({ row: null, sheet: "单位名录" });
    expect(rulesAt(report, 3)).toEqual(
      expect.arrayContaining(["task.duplicate-id", "cell.error-value", "deadline.missing"]),
    );
  });

  it("flags a one-column table without any role marker, and unknown merges", () => {
    const oneColumn = grid("S", [
      ["序号", "工作任务", "责任单位", "完成时限"],
      [1, "甲", "县财政局、县统计局", "2020年6月30日"],
      [2, "乙", "县教育局", "2020年6月30日"],
    ]);
    const r = analyze([{ ...oneColumn, mergesUnknown: true }], { asOf: "2020-03-01" });
    expect(
      r.findings
        .filter((f) => f.row === null)
        .map((f) => f.rule)
        .sort(),
    ).toEqual(["table.merges-unknown", "table.no-lead-column"]);
    expect(task(r, 2)).toMatchObject({ lead: ["县财政局"], responsible: ["县统计局"] });
    expect(rulesAt(r, 2)).toContain("lead.implicit");
  });

  it("skips our own report sheets when looking for the plan", () => {
    const findingsSheet = grid("问题清单", [
      ["严重程度", "规则", "行", "单元格", "问题说明", "修改建议"],
      ["错误", "lead.missing", 3, "C3", "牵头单位 完成时限", ""],
    ]);
    const r = analyze([findingsSheet, plan], { asOf: "2020-03-01" });
    expect(r.table?.sheet).toBe("台账");
  });

  it("gives the messages in English when asked", () => {
    const r = analyze([plan, directory], { asOf: "2020-03-01", language: "en-US" });
    const unknown = r.findings.find((f) => f.rule === "unit.unknown")!;
    expect(unknown.message).toMatch(/^Row 4 \(C4\): "市财攻局" is not in the unit directory/);
    expect(r.summary.text).toMatch(/^As of 1 March 2020, the plan has 3 tasks/);
  });
});

describe("a large ledger's circular", () => {
  it("names the 20 most overdue tasks and counts the rest", () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i + 1, `任务${i + 1}`, "省财政厅", "", `2020年1月${i + 1}日`]);
    const report = analyze([grid("S", [["序号", "工作任务", "牵头单位", "责任单位", "完成时限"], ...rows])], {
      asOf: "2020-03-01",
    });
    expect(report.tasks.filter((t) => t.status === "overdue")).toHaveLength(30);
    expect(report.summary.text.match(/由省财政厅牵头的第/g)).toHaveLength(20);
    expect(report.summary.text).toContain("第1项（任务1，逾期60天）");
    expect(report.summary.text).toContain("另有10项");
  });
});

describe("rows with one text", () => {
  it("reads a lone heading in the number column as a section, and skips a lone task number", () => {
    const g = grid("S", [
      ["序号", "工作任务", "牵头单位", "完成时限"],
      ["重点领域信息公开", "", "", ""],
      [1, "甲", "省财政厅", "2020年6月30日"],
      [2, "", "", ""],
    ]);
    const report = analyze([g], { asOf: "2020-03-01" });
    expect(report.tasks.map((t) => [t.row, t.section])).toEqual([[3, "重点领域信息公开"]]);
  });
});

describe("the English circular", () => {
  it("reads as sentences", () => {
    const g = grid("Plan", [
      ["No.", "Task", "Lead unit", "Deadline"],
      [1, "Publish budgets", "Finance Department", "2020-01-31"],
      [2, "Train staff", "Audit Office", "2020-12-31"],
      [3, "Audit the accounts.", "Finance Department", "2020-02-15"],
      [4, "Open the archives", "Archives Bureau", "2020-02-20"],
    ]);
    const text = analyze([g], { asOf: "2020-03-01" }).summary.text;
    // Only units that stand out (two overdue tasks or more) are named at the end.
    expect(text).toBe(
      "As of 1 March 2020, the plan has 4 tasks: 0 done (0%), 1 in progress; 3 overdue (75%): task 1 led by Finance Department (Publish budgets, 30 days overdue); task 3 led by Finance Department (Audit the accounts, 15 days overdue); task 4 led by Archives Bureau (Open the archives, 10 days overdue). By unit, the most overdue tasks are with: Finance Department 2 (as lead 2).",
    );
  });
});
