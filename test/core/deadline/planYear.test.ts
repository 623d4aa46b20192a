import { findPlanYear, looksLikeDeadline } from "../../../src/core/deadline";

describe("findPlanYear", () => {
  it("takes the first 20xx年 of the title rows", () => {
    expect(findPlanYear(["附件", "云南省贯彻落实国务院办公厅2017年政务公开工作要点分工方案"])).toBe(2017);
    expect(findPlanYear(["某縣2021年政務公開重點任務台賬"])).toBe(2021);
    expect(findPlanYear(["2018年工作要点", "2019年计划"])).toBe(2018);
  });

  it("reads Chinese numerals, full-width digits and spaces", () => {
    expect(findPlanYear(["二〇一七年政务公开工作要点"])).toBe(2017);
    expect(findPlanYear(["二○一九年工作要点"])).toBe(2019);
    expect(findPlanYear(["２０２０年工作要点"])).toBe(2020);
    expect(findPlanYear(["2017 年工作要点"])).toBe(2017);
  });

  it("prefers 20xx年 anywhere over a bare 20xx, and a span gives its first year", () => {
    expect(findPlanYear(["国办发〔2016〕8号", "2017年工作要点"])).toBe(2017);
    expect(findPlanYear(["2017—2020年行动计划"])).toBe(2017);
    expect(findPlanYear(["2018-2020年三年行动"])).toBe(2018);
  });

  it("falls back to a bare 20xx, e.g. a document number", () => {
    expect(findPlanYear(["国办发〔2019〕12号"])).toBe(2019);
  });

  it("ignores years inside longer numbers, other centuries and non-text", () => {
    expect(findPlanYear(["电话 0871-12017456"])).toBeNull();
    expect(findPlanYear(["1998年工作要点"])).toBeNull();
    expect(findPlanYear(["无年份的标题", ""])).toBeNull();
    expect(findPlanYear([])).toBeNull();
    expect(findPlanYear([42, null, true, "2017年"] as unknown as string[])).toBe(2017);
    expect(findPlanYear(null as unknown as string[])).toBeNull();
  });
});

describe("looksLikeDeadline", () => {
  it.each([
    "年内持续推进",
    "2017年底前",
    "2017年底前完成",
    "7月底前",
    "每季度",
    "持续推进",
    "长期坚持",
    "本通知公布后30个工作日内",
    "三季度末",
    "2017年2月30日",
    "end of July",
    "ongoing",
  ])("%s is a deadline", (text) => expect(looksLikeDeadline(text)).toBe(true));

  it.each([
    "省发展改革委",
    "各州、市人民政府",
    "按职责分工负责",
    "省直有关部门",
    "团省委（青年工作部）",
    "省统计局",
    "",
    "   ",
    "—",
    "Provincial Finance Department",
  ])("%s is not a deadline", (text) => expect(looksLikeDeadline(text)).toBe(false));

  it("never throws on non-text", () => {
    expect(looksLikeDeadline(null as unknown as string)).toBe(false);
    expect(looksLikeDeadline(42 as unknown as string)).toBe(false);
  });
});
