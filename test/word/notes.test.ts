/** The Word documents: each unit's note holds its own late tasks and nothing of other units'; the circular's tables. */
import { CIRCULAR_FILE, noteFiles, safeFileName, unitNotes } from "../../src/app/documents";
import { analyze } from "../../src/core/analyze";
import { assessUnits } from "../../src/core/assessment";
import { totalsTable } from "../../src/core/summary";
import type { Report } from "../../src/core/types";
import { grid } from "../core/helpers";
import { readDocx, type DocxContent } from "./docxText";

// As of 2018-09-30: tasks 1 and 5 overdue, 3 and 4 due soon (4 due today), 2 done, 6 open.
const TASKS: [string, string][] = [
  ["1", "建立重点项目审批绿色通道，压缩审批时限"],
  ["2", "开展城区黑臭水体整治"],
  ["3", "完成农村人居环境整治三年行动年度任务"],
  ["4", "出台进一步优化营商环境的实施意见"],
  ["5", "推进政务服务“一网通办”，企业开办时间压缩至5个工作日"],
  ["6", "编制全市养老服务设施布局规划"],
];
const text = (id: string) => TASKS.find(([n]) => n === id)![1];

function plan(): Report {
  return analyze(
    [
      grid("任务分解表", [
        ["2018年市政府重点工作任务分解表"],
        ["序号", "重点任务", "牵头单位", "责任单位", "完成时限", "进展情况"],
        ["1", text("1"), "市发改委", "市自然资源局、市住建局", "2018年6月底前", "方案已起草，正在征求意见"],
        ["2", text("2"), "市生态环境局", "市住房和城乡建设局", "2018年8月31日", "已完成"],
        ["3", text("3"), "市农业农村局", "各县（市、区）人民政府", "2018年10月5日前", "正在推进"],
        ["4", text("4"), "市住房城乡建设局", "市发展改革委", "三季度", ""],
        ["5", text("5"), "市政务服务管理局", "", "2018年7月15日", "未启动"],
        ["6", text("6"), "市民政局", "市自然资源局", "2018年12月底前", "正在推进"],
      ]),
    ],
    { asOf: "2018-09-30" },
  );
}

/** Which tasks each unit is reminded of, lead tasks first. */
const EXPECTED: Record<string, string[]> = {
  "市发展改革委": ["1", "4"],
  "市住房城乡建设局": ["4", "1"],
  "市自然资源局": ["1"],
  "市农业农村局": ["3"],
  "各县（市、区）人民政府": ["3"],
  "市政务服务管理局": ["5"],
};

describe("Word documents", () => {
  const report = plan();
  let files: Awaited<ReturnType<typeof noteFiles>>;
  const docs = new Map<string | null, DocxContent>();

  beforeAll(async () => {
    files = await noteFiles(report, { feedbackDate: "2018-10-12", assessment: assessUnits(report) });
    for (const file of files) docs.set(file.unit, readDocx(file.bytes));
  }, 60_000);

  it("writes the circular and one note per unit with something to remind", () => {
    expect(files[0].name).toBe(CIRCULAR_FILE["zh-CN"]);
    expect(new Set(files.slice(1).map((f) => f.unit))).toEqual(new Set(Object.keys(EXPECTED)));
    expect(files.slice(1).map((f) => f.name)).toContain("各县（市、区）人民政府.docx");
    // 市生态环境局 has only a done task, 市民政局 only an open one: nothing to remind.
    expect(files.map((f) => f.unit)).not.toContain("市生态环境局");
    expect(files.map((f) => f.unit)).not.toContain("市民政局");
  });

  it("puts each unit's overdue and due-soon tasks, numbers and texts, in its note, and nothing of other units", () => {
    for (const [unit, ids] of Object.entries(EXPECTED)) {
      const doc = docs.get(unit)!;
      expect(doc.paragraphs).toContain(`${unit}：`);
      const headings = doc.paragraphs.filter((p) => /^（[一二三四五六七八九十]+）第\d+项：/.test(p));
      expect(headings).toEqual(ids.map((id, i) => `（${"一二三"[i]}）第${id}项：${text(id)}`));
      for (const [id, task] of TASKS) {
        if (ids.includes(id)) continue;
        expect(doc.text).not.toContain(task);
        expect(doc.text).not.toContain(`第${id}项`);
      }
    }
  });

  it("says the role, the deadline as written, the days overdue, the progress and the feedback date", () => {
    const housing = docs.get("市住房城乡建设局")!.paragraphs;
    const fields = housing.filter((p) => p.startsWith("承担角色"));
    expect(fields[0]).toBe(
      "承担角色：牵头；完成时限：三季度；应完成日期：2018年9月30日；办理状态：今日到期；当前进展：未填报。",
    );
    expect(fields[1]).toBe(
      "承担角色：配合；完成时限：2018年6月底前；应完成日期：2018年6月30日；办理状态：已逾期92天；当前进展：方案已起草，正在征求意见。",
    );
    expect(housing).toContain("请于2018年10月12日前将上述事项办理情况（已办结的附佐证材料）书面反馈。");
    expect(housing).toEqual(expect.arrayContaining(["一、督办事项", "二、办理要求", "三、反馈时限"]));
  });

  it("gives the circular a per-unit table with one row per unit and the figures of totals", () => {
    const circular = docs.get(null)!;
    const expected = totalsTable(report.totals, "zh-CN");
    const table = circular.tables[0];
    expect(table[0]).toEqual(expected.header);
    expect(table.slice(1)).toEqual(expected.rows.map((row) => row.map(String)));
    expect(table.length - 1).toBe(report.totals.length);
    // the overdue tasks as a second table, the longest overdue first
    expect(circular.tables[1].slice(1).map((row) => row[0])).toEqual(["第1项", "第5项"]);
    expect(circular.paragraphs).toContain(report.summary.text);
    // year end: the ranking, one row per unit
    expect(circular.tables[2].length - 1).toBe(report.totals.length);
  });

  it("is an A4 page with page numbers in the footer and official fonts with fallbacks", () => {
    const circular = docs.get(null)!;
    expect(circular.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = Object.entries(circular.parts).find(([name]) => /word\/footer\d*\.xml/.test(name))![1];
    expect(footer).toMatch(/PAGE/);
    expect(circular.xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(circular.xml).toContain('w:eastAsia="黑体"');
    expect(circular.parts["word/fontTable.xml"]).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it("gives the same note as text to paste", () => {
    const notes = unitNotes(report, { feedbackDate: "2018-10-12" });
    const development = notes.find((n) => n.unit === "市发展改革委")!;
    expect(development.text).toContain("（一）第1项：建立重点项目审批绿色通道，压缩审批时限");
    expect(development.text.indexOf("第1项")).toBeLessThan(development.text.indexOf("第4项"));
    expect(development.text).not.toContain(text("5"));
  });
});

describe("file names", () => {
  it("are safe on Windows and never collide", () => {
    const taken = new Set<string>(["通报.docx"]);
    expect(safeFileName("市住房和城乡建设局/市人防办", ".docx", taken)).toBe("市住房和城乡建设局_市人防办.docx");
    expect(safeFileName('区"智慧城市"办公室: 试点*', ".docx", taken)).toBe("区_智慧城市_办公室_ 试点_.docx");
    expect(safeFileName("CON", ".docx", taken)).toBe("CON_.docx");
    expect(safeFileName("通报", ".docx", taken)).toBe("通报 (2).docx");
    expect(safeFileName("县政府办...", ".docx", taken)).toBe("县政府办.docx");
    expect(safeFileName("县政府办", ".docx", taken)).toBe("县政府办 (2).docx");
    expect([...safeFileName("很长".repeat(100), ".docx", taken)].length).toBe(80 + 5);
  });
});
