/**
 * Whole tables as published plans lay them out (design §3b): more header names, leaders columns,
 * standing instructions carried forward, group unit lines and numbered ranges, deadlines in the task text,
 * staged deadlines, no table, dates as people type them.
 */
import { analyze } from "../../src/core/analyze";
import { normalizeDateInput } from "../../src/core/dates";
import { locateTable } from "../../src/core/table";
import type { Report } from "../../src/core/types";
import { grid } from "./helpers";

const task = (report: Report, row: number) => {
  const found = report.tasks.find((t) => t.row === row);
  if (!found) throw new Error(`no task at row ${row}: ${report.tasks.map((t) => t.row).join(",")}`);
  return found;
};
const rulesAt = (report: Report, row: number | null) => report.findings.filter((f) => f.row === row).map((f) => f.rule);
const findingAt = (report: Report, row: number, rule: string) =>
  report.findings.find((f) => f.row === row && f.rule === rule);

describe("more header names", () => {
  it.each(["部门分工", "责任分工", "分工", "单位分工"])("reads a plan whose one unit column is headed %s", (header) => {
    const g = grid("分工", [
      ["序号", "重点工作", header, "完成时限"],
      [1, "深化投资审批制度改革", "省发展改革委牵头，各地、各部门配合。", "2024年底前"],
      [2, "推进工程建设项目审批提速", "省住建厅、省自然资源厅", "2024年9月底前"],
    ]);
    const report = analyze([g], { asOf: "2024-07-01" });
    expect(report.table?.columns.responsible).toBe(3);
    expect(task(report, 2)).toMatchObject({ lead: ["省发展改革委"], responsible: ["各地", "各部门"] });
    expect(task(report, 3)).toMatchObject({ lead: ["省住房城乡建设厅"], responsible: ["省自然资源厅"] });
    expect(rulesAt(report, 3)).toContain("lead.implicit");
  });

  it.each(["进展", "工作进展", "推进情况", "落实进展", "完成进度"])("reads the status column headed %s", (header) => {
    const g = grid("S", [
      ["序号", "工作任务", "牵头单位", "完成时限", header],
      [1, "编制政务公开事项目录", "市政府办公室", "2023年6月底前", "已完成"],
      [2, "开展政策解读", "市司法局", "2023年6月底前", "正在推进"],
    ]);
    const report = analyze([g], { asOf: "2023-08-01" });
    expect(report.table?.columns.status).toBe(5);
    expect(task(report, 2).status).toBe("done");
    expect(task(report, 3).status).toBe("overdue");
  });

  it.each(["牵头负责领导", "分管领导", "责任领导", "分管省领导", "牵头领导"])(
    "reads the leaders column headed %s apart, never as units",
    (header) => {
      const g = grid("S", [
        ["序号", "重点任务", header, "牵头单位", "责任单位", "完成时限"],
        [1, "优化营商环境", "王建国、李明", "省发展改革委", "省市场监管局", "2024年12月底前"],
        [2, "推进数字政府建设", "张华（副省长）\n赵强", "省大数据局", "", "2024年10月底前"],
      ]);
      const report = analyze([g], { asOf: "2024-07-01" });
      expect(report.table?.columns).toMatchObject({ leader: 3, lead: 4, responsible: 5 });
      expect(task(report, 2)).toMatchObject({
        lead: ["省发展改革委"],
        responsible: ["省市场监管局"],
        leaders: ["王建国", "李明"],
      });
      expect(task(report, 3).leaders).toEqual(["张华（副省长）", "赵强"]);
      expect(report.totals.map((total) => total.unit)).not.toContain("王建国");
    },
  );

  it("keeps the leaders named in a unit cell in leaders[], out of the totals", () => {
    const g = grid("S", [
      ["序号", "工作任务", "责任单位", "完成时限"],
      [1, "推进制造业高质量发展", "分管副省长、协管副秘书长，省工业和信息化厅", "2024年底前"],
    ]);
    const report = analyze([g], { asOf: "2024-07-01" });
    expect(task(report, 2)).toMatchObject({
      lead: ["省工业和信息化厅"],
      responsible: [],
      leaders: ["分管副省长", "协管副秘书长"],
    });
    expect(report.totals.map((total) => total.unit)).toEqual(["省工业和信息化厅"]);
  });
});

describe("standing instructions carried forward", () => {
  it("a note row gives its units to every following task, with unit.carried naming the row", () => {
    const g = grid("S", [
      ["序号", "工作任务", "责任单位", "完成时限"],
      ["", "（以下均需各县市区落实，不再逐一列出）", "", ""],
      [1, "规范行政执法行为", "市司法局", "2019年6月底前"],
      [2, "推进“双随机、一公开”监管", "市市场监管局牵头，市直有关部门配合", "2019年9月底前"],
    ]);
    const report = analyze([g], { asOf: "2019-05-01" });
    expect(report.tasks.map((t) => t.row)).toEqual([3, 4]);
    expect(task(report, 3)).toMatchObject({ lead: ["市司法局"], responsible: ["各县市区"] });
    expect(task(report, 4)).toMatchObject({ lead: ["市市场监管局"], responsible: ["市直有关部门", "各县市区"] });
    const carried = findingAt(report, 4, "unit.carried");
    expect(carried).toMatchObject({ severity: "info", params: expect.objectContaining({ sourceRow: 2 }) });
    expect(carried?.message).toMatch(/第2行/);
    expect(carried?.message).toMatch(/各县市区/);
  });

  it("a note in a unit cell governs its own row and the rows below; (……下同) carries its convention", () => {
    const g = grid("S", [
      ["序号", "工作任务", "责任单位", "完成时限"],
      [1, "推进财政资金直达", "市财政局、市审计局（列第一位的为牵头单位，下同）", "持续推进"],
      [2, "加强债务风险防控", "市发改委、市财政局", "持续推进"],
      [3, "具体任务均涉及相关县（市、区）人民政府，不再做分工", "", ""],
      [4, "推进乡村振兴", "市农业农村局", "2021年底前"],
    ]);
    const report = analyze([g], { asOf: "2021-05-01" });
    expect(task(report, 2)).toMatchObject({ lead: ["市财政局"], responsible: ["市审计局"] });
    expect(task(report, 3)).toMatchObject({ lead: ["市发展改革委"], responsible: ["市财政局"] });
    // The plan stated who leads: no lead.implicit (a guess) on either row, no table.no-lead-column.
    expect(rulesAt(report, 2)).not.toContain("lead.implicit");
    expect(rulesAt(report, 3)).not.toContain("lead.implicit");
    expect(rulesAt(report, null)).not.toContain("table.no-lead-column");
    expect(task(report, 5)).toMatchObject({ lead: ["市农业农村局"], responsible: ["相关县（市、区）人民政府"] });
    expect(findingAt(report, 5, "unit.carried")?.params.sourceRow).toBe(4);
  });

  it("〔……，下同。〕 in a task text gives its units to the following tasks that name none", () => {
    const g = grid("S", [
      ["序号", "重点任务", "完成时限"],
      [1, "全面推行权责清单制度。〔省委编办牵头，省直有关部门配合，下同。〕", "2018年底前"],
      [2, "动态调整权责清单。", "2018年底前"],
      [3, "公开行政许可事项。（省政务服务局牵头）", "2018年底前"],
    ]);
    const report = analyze([g], { asOf: "2018-05-01" });
    expect(task(report, 2)).toMatchObject({ lead: ["省委编办"], responsible: ["省直有关部门"] });
    expect(task(report, 3)).toMatchObject({ lead: ["省委编办"], responsible: ["省直有关部门"] });
    expect(findingAt(report, 3, "unit.carried")?.params.sourceRow).toBe(2);
    expect(task(report, 4)).toMatchObject({ lead: ["省政务服务局"], responsible: [] });
    expect(rulesAt(report, 4)).not.toContain("unit.carried");
  });
});

describe("group unit lines and numbered ranges", () => {
  it("a （责任单位：…） line after sub-items （1）…（n） gives them its units", () => {
    const g = grid("S", [
      ["序号", "工作任务", "牵头单位", "完成时限"],
      ["", "一、推进决策公开", "", ""],
      ["", "（1）完善重大行政决策程序。", "", "2020年底前"],
      ["", "（2）推进决策预公开。", "", "2020年底前"],
      ["", "（3）做好决策执行情况公开。", "", "2020年底前"],
      ["", "（责任单位：市直各有关单位、各县（市、区）人民政府、各开发区管委会）", "", ""],
      ["", "二、推进执行公开", "", ""],
      ["", "（1）公开重点改革任务落实情况。", "市发改委", "2020年底前"],
      ["", "（2）公开审计发现问题整改情况。", "", "2020年底前"],
    ]);
    const report = analyze([g], { asOf: "2020-05-01" });
    for (const row of [3, 4, 5]) {
      expect(task(report, row)).toMatchObject({
        section: "一、推进决策公开",
        lead: [],
        responsible: ["市直各有关单位", "各县（市、区）人民政府", "各开发区管委会"],
      });
      expect(findingAt(report, row, "unit.carried")?.params.sourceRow).toBe(6);
    }
    expect(report.tasks.map((t) => t.row)).toEqual([3, 4, 5, 8, 9]);
    // The group line does not reach across the next heading.
    expect(task(report, 9)).toMatchObject({ lead: [], responsible: [] });
    expect(rulesAt(report, 9)).toContain("lead.missing");
  });

  it("a group line with labelled roles gives lead and responsible", () => {
    const g = grid("S", [
      ["工作任务", "责任单位", "完成时限"],
      ["1.建立健全信用承诺制度", "", "2022年6月底前"],
      ["2.推进信用分级分类监管", "", "2022年9月底前"],
      ["牵头单位：县发改局；责任单位：县市场监管局、县税务局", "", ""],
    ]);
    const report = analyze([g], { asOf: "2022-05-01" });
    for (const row of [2, 3])
      expect(task(report, row)).toMatchObject({
        lead: ["县发展改革局"],
        responsible: ["县市场监管局", "县税务局"],
      });
  });

  it.each([
    ["1-4项牵头落实单位：市金融办", "lead"],
    ["第1—4项：市金融办", "lead"],
    ["1至4项责任单位：市金融办", "responsible"],
  ])("%s gives its units to the tasks numbered in the range", (line, role) => {
    const g = grid("S", [
      ["序号", "工作任务", "责任单位", "完成时限"],
      [1, "推进普惠金融发展", "", "2019年底前"],
      [2, "防范化解金融风险", "", "2019年底前"],
      [3, "优化金融营商环境", "", "2019年底前"],
      [4, "推进企业上市", "", "2019年底前"],
      ["", line, "", ""],
      [5, "推进地方金融立法", "市司法局", "2019年底前"],
    ]);
    const report = analyze([g], { asOf: "2019-05-01" });
    for (const row of [2, 3, 4, 5])
      expect(role === "lead" ? task(report, row).lead : task(report, row).responsible).toEqual(["市金融办"]);
    expect(task(report, 7)).toMatchObject({ lead: ["市司法局"], responsible: [] });
    expect(report.tasks.map((t) => t.row)).toEqual([2, 3, 4, 5, 7]);
  });
});

describe("a lead marker in the responsible column", () => {
  it("makes X the lead; no lead.missing", () => {
    const g = grid("S", [
      ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
      [1, "推进政务服务“一网通办”", "", "市大数据局牵头，市直各部门配合", "2022年底前"],
    ]);
    const report = analyze([g], { asOf: "2022-05-01" });
    expect(task(report, 2)).toMatchObject({ lead: ["市大数据局"], responsible: ["市直各部门"] });
    expect(rulesAt(report, 2)).not.toContain("lead.missing");
  });

  it("lead.missing's message points to both ways of naming a lead", () => {
    const g = grid("S", [
      ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
      [1, "推进政务服务“一网通办”", "", "市直各部门配合", "2022年底前"],
    ]);
    const missing = findingAt(analyze([g], { asOf: "2022-05-01" }), 2, "lead.missing");
    expect(missing?.message).toMatch(/在任一单位列写明“××牵头”/);
    const english = findingAt(analyze([g], { asOf: "2022-05-01", language: "en-US" }), 2, "lead.missing");
    expect(english?.message).toMatch(/in any unit column/);
  });
});

describe("place prefixes from the plan's title", () => {
  it("takes the plan's place from its title: 潍坊银监分局 stays as written", () => {
    const g = grid("S", [
      ["潍坊市2019年政务公开工作要点任务分工", "", ""],
      ["序号", "工作任务", "责任单位"],
      [1, "推进金融信息公开", "市金融办、潍坊银监分局分别牵头落实"],
    ]);
    const report = analyze([g], { asOf: "2019-05-01" });
    expect(report.table?.place).toBe("潍坊");
    expect(task(report, 3).lead).toEqual(["市金融办", "潍坊银监分局"]);
  });
});

describe("deadline in the task text", () => {
  it("reads a dated milestone of the task sentence when the deadline cell is empty (info deadline.from-task)", () => {
    const g = grid("S", [
      ["序号", "工作任务", "牵头单位", "完成时限"],
      [1, "全面梳理行政许可事项，2022年10月底前编制并公布清单", "市政务服务局", ""],
      [2, "推进证明事项告知承诺制，于2022年6月30日前完成", "市司法局", "2022年12月底前"],
      [3, "总结2021年以来的改革经验", "市发改委", ""],
    ]);
    const report = analyze([g], { asOf: "2022-11-15" });
    expect(task(report, 2).deadline).toMatchObject({ kind: "month", due: "2022-10-31" });
    expect(task(report, 2).status).toBe("overdue");
    expect(findingAt(report, 2, "deadline.from-task")).toMatchObject({ severity: "info", column: "B" });
    // The deadline cell wins over the sentence; a year in passing is no deadline.
    expect(task(report, 3).deadline.due).toBe("2022-12-31");
    expect(rulesAt(report, 3)).not.toContain("deadline.from-task");
    expect(task(report, 4).deadline.kind).toBe("none");
    expect(rulesAt(report, 4)).toContain("deadline.missing");
  });

  it("reads it without any deadline column, and keeps staged phrases", () => {
    const g = grid("S", [
      ["序号", "重点任务", "责任单位"],
      [1, "建设一体化政务服务平台，2024年6月底前启动，年底前全面建成。", "省大数据局"],
    ]);
    const report = analyze([g], { asOf: "2024-07-15" });
    expect(task(report, 2).deadline).toMatchObject({
      kind: "year",
      due: "2024-12-31",
      milestones: [{ text: "2024年6月底前启动", due: "2024-06-30" }],
    });
    expect(task(report, 2).status).toBe("open");
  });
});

describe("staged deadlines", () => {
  it("is due at the completion stage, not overdue in July; the earlier stage is a milestone", () => {
    const g = grid("S", [
      ["序号", "工作任务", "牵头单位", "完成时限"],
      [1, "推进公共数据开放", "市大数据局", "2024年6月底前启动，年底前完成"],
      [2, "建立营商环境监测点", "市发改委", "7月底前（省直部门）、9月底前（州市）"],
    ]);
    const report = analyze([g], { asOf: "2024-07-15" });
    expect(task(report, 2)).toMatchObject({
      status: "open",
      deadline: { due: "2024-12-31", milestones: [{ text: "2024年6月底前启动", due: "2024-06-30" }] },
    });
    // Per-unit alternatives keep the earliest.
    expect(task(report, 3).deadline).toMatchObject({ kind: "multi", due: "2024-07-31", milestones: [] });
  });
});

describe("no table is still a report", () => {
  it("gives the error table.not-found and no tasks", () => {
    const report = analyze([grid("说明", [["关于做好2024年政务公开工作的通知"], ["各县市区人民政府："]])]);
    expect(report.table).toBeNull();
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([["table.not-found", "error"]]);
  });
});

describe("dates as people type them", () => {
  it.each([
    ["2017-08-15", "2017-08-15"],
    ["2017-8-5", "2017-08-05"],
    ["2017/8/15", "2017-08-15"],
    ["2017.8.15", "2017-08-15"],
    ["2017年8月15日", "2017-08-15"],
    ["2017年8月15号", "2017-08-15"],
    ["２０１７年８月１５日", "2017-08-15"],
    [" 2017 / 08 / 15 ", "2017-08-15"],
  ])("%j -> %s", (typed, iso) => expect(normalizeDateInput(typed)).toBe(iso));

  it.each(["2017-02-29", "2017/13/1", "8/15/2017", "17.8.15", "2017年8月", "明天", "", "2017-08-15T00:00"])(
    "%j is no date",
    (typed) => expect(normalizeDateInput(typed)).toBeNull(),
  );

  it("never throws on odd input", () => {
    for (const value of [null, undefined, 20170815, {}, "\ud800", "9".repeat(10_000)])
      expect(normalizeDateInput(value)).toBeNull();
  });
});

describe("locateTable keeps the header-finding rules for the new names", () => {
  it("does not mistake a leaders-only header for a plan", () => {
    expect(locateTable(grid("x", [["分管领导", "联系电话"]]))).toBeNull();
  });
});
