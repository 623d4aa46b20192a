import { splitTrailingUnits } from "../../../src/core/units";
import { parse, roles } from "./helpers";

describe("splitTrailingUnits", () => {
  it("takes the units out of a trailing （…） after the final 。", () => {
    expect(splitTrailingUnits("推进财政资金信息公开。（省财政厅牵头，各州、市人民政府配合）")).toEqual({
      task: "推进财政资金信息公开。",
      units: "省财政厅牵头，各州、市人民政府配合",
    });
  });

  it.each([
    ["（", "）"],
    ["(", ")"],
    ["〔", "〕"],
    ["[", "]"],
    ["【", "】"],
  ])("accepts %s…%s", (open, close) => {
    expect(splitTrailingUnits(`做好政务公开培训。${open}责任单位：省政府办公厅、省委网信办${close}`)).toEqual({
      task: "做好政务公开培训。",
      units: "责任单位：省政府办公厅、省委网信办",
    });
  });

  it("keeps a final 。 written after the parenthesis", () => {
    expect(splitTrailingUnits("推进政务公开（省财政厅牵头）。")).toEqual({
      task: "推进政务公开。",
      units: "省财政厅牵头",
    });
    expect(splitTrailingUnits("推进政务公开。（省财政厅牵头） ")).toEqual({
      task: "推进政务公开。",
      units: "省财政厅牵头",
    });
  });

  it("matches nested brackets (各乡（镇）人民政府 inside)", () => {
    expect(splitTrailingUnits("推进乡村信息公开（县财政局牵头，各乡（镇）人民政府配合）")).toEqual({
      task: "推进乡村信息公开",
      units: "县财政局牵头，各乡（镇）人民政府配合",
    });
  });

  it("keeps a unit list that mixes full- and half-width brackets", () => {
    expect(splitTrailingUnits("推进政务公开（省财政厅牵头)")?.units).toBe("省财政厅牵头");
  });

  it.each([
    ["办法（试行）"],
    ["实施方案（2017年版）"],
    ["（征求意见稿）"],
    ["推进政务公开。"],
    ["推进政务公开（省财政厅牵头"],
    ["推进政务公开）"],
    [""],
    ["）"],
    ["推进（以下简称“办法”）"],
    ["做好2017年工作（年内持续推进）"],
  ])("returns null for %j (no trailing unit parenthesis)", (text) => {
    expect(splitTrailingUnits(text)).toBeNull();
  });

  it("accepts a parenthesis holding units without markers", () => {
    expect(splitTrailingUnits("推进政务公开（省财政厅）")).toEqual({ task: "推进政务公开", units: "省财政厅" });
  });

  it("only looks at the end of the text", () => {
    expect(splitTrailingUnits("（省财政厅牵头）推进政务公开")).toBeNull();
  });
});

describe("units read from a trailing parenthesis (mixed rules)", () => {
  it("（省政府办公厅牵头，年内持续推进）: a lead and a deadline phrase", () => {
    const inner = splitTrailingUnits("加强政府网站管理。（省政府办公厅牵头，年内持续推进）")!.units;
    const result = parse(inner, "mixed");
    expect(result.lead.map((u) => u.name)).toEqual(["省政府办公厅"]);
    expect(result.responsible).toEqual([]);
    expect(result.deadlineText).toBe("年内持续推进");
  });

  it("〔责任单位：省政府办公厅、省委网信办〕: no lead, two responsible", () => {
    const inner = splitTrailingUnits("做好政务公开培训。〔责任单位：省政府办公厅、省委网信办〕")!.units;
    expect(roles(inner)).toEqual({ lead: [], responsible: ["省政府办公厅", "省委网信办"], leadSource: "none" });
  });

  it("State Council style with elided prefixes and a collective", () => {
    const inner = splitTrailingUnits(
      "推进……信息公开。（省发展改革委、财政厅牵头；省工业和信息化委、国土资源厅，各州、市人民政府配合）",
    )!.units;
    expect(roles(inner)).toEqual({
      lead: ["省发展改革委", "省财政厅"],
      responsible: ["省工业和信息化委", "省国土资源厅", "各州、市人民政府"],
      leadSource: "marker",
    });
  });
});
