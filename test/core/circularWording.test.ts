/** The circular as a careful reader of official Chinese would have it (issue 14). */
import { analyze } from "../../src/core/analyze";
import { chineseCount } from "../../src/core/summary";
import type { CellValue } from "../../src/core/types";
import { grid } from "./helpers";

jest.setTimeout(60_000);

const HEADER = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限", "进展情况"];

const circular = (rows: CellValue[][], asOf = "2017-08-15"): string =>
  analyze([grid("任务分解表", [["附件"], HEADER, ...rows])], { asOf }).summary.text;

describe("the circular's wording", () => {
  const text = circular([
    ["1", "制定政务公开工作考核办法。", "市政府办公室", "", "2017年6月底前", "正在推进"],
    ["2", "推进重大建设项目信息公开；", "", "各县（市、区）人民政府", "2017年7月底前", ""],
    ["3", "建立政策解读机制", "市发改委", "", "2017年8月20日", "正在推进"],
    ["4", "推进公共资源配置信息公开", "市财政局", "", "持续推进", ""],
    ["5", "开展政务公开培训", "市人社局", "", "2017年12月底前", "未启动"],
    ["6", "推进食品安全信息公开", "市市场监管局", "", "2017年11月底前", "尚未启动"],
    ["7", "完善依申请公开办理制度", "市司法局", "", "2017年10月底前", "已完成"],
  ]);

  it("puts no stray punctuation before its own: no 。， or ；，", () => {
    expect(text).not.toMatch(/[。；;，,][，,]/);
    expect(text).toContain("（制定政务公开工作考核办法，逾期46天）");
    expect(text).toContain("（推进重大建设项目信息公开，逾期15天）");
  });

  it("names a task without a lead unit as such, not 由未明确牵头单位牵头的", () => {
    expect(text).not.toContain("由未明确牵头单位牵头的");
    expect(text).toContain("未明确牵头单位的第2项");
  });

  it("says 其中 once in a sentence, and names tasks not started as not started", () => {
    const sentences = text.split(/[。；]/);
    for (const sentence of sentences) expect(sentence.split("其中").length - 1).toBeLessThanOrEqual(1);
    expect(text).toContain("正在推进2项（其中持续推进或定期开展的1项，7天内到期的1项），尚未启动2项");
  });

  it("lists only the units that stand out (the top five with two overdue tasks or more)", () => {
    const rows: CellValue[][] = [];
    const units = ["市财政局", "市教育局", "市卫生健康委", "市住房城乡建设局", "市交通运输局", "市水利局"];
    let id = 1;
    units.forEach((unit, u) => {
      for (let i = 0; i < 2 + (u === 0 ? 2 : 0); i++)
        rows.push([String(id++), `${unit}承担的第${i + 1}项任务`, unit, "", "2017年6月30日", "正在推进"]);
    });
    for (const unit of ["市审计局", "市统计局", "市林业局"])
      rows.push([String(id++), `${unit}承担的任务`, unit, "", "2017年6月30日", ""]);
    const many = circular(rows);
    const listed = /逾期任务较多的是：([^。]*)。/.exec(many)?.[1] ?? "";
    expect(listed.split("、")).toHaveLength(5);
    expect(listed.startsWith("市财政局4项（其中牵头4项）")).toBe(true);
    for (const unit of ["市审计局", "市统计局", "市林业局"]) expect(listed).not.toContain(unit);
    // Nobody stands out: no such sentence at all.
    expect(circular(rows.slice(-3))).not.toContain("逾期任务较多");
  });

  it("writes numbers of periods as a circular does", () => {
    expect([2, 3, 10, 12, 20, 25, 100].map(chineseCount)).toEqual(["两", "三", "十", "十二", "二十", "二十五", "100"]);
  });
});
