/**
 * One analysis reads each different unit cell once (unitCellReader): a remembered reading must be the very one the
 * text gets in its kind of column, with the plan's directory and place, never one read for another column, place
 * or directory, nor one that rows around it (group lines, carried instructions) have changed.
 */
import { analyze } from "../../../src/core/analyze";
import type { Report } from "../../../src/core/types";
import {
  parseUnitCell,
  readUnitDirectory,
  unitCellReader,
  type UnitColumn,
  type UnitDirectory,
} from "../../../src/core/units";
import { grid } from "../helpers";

const COLUMNS: UnitColumn[] = ["lead", "responsible", "mixed"];
const CELLS = [
  "省发展改革委、省财政厅",
  "縣發改局牽頭，縣自然資源局、縣住建局參與",
  "财政厅、审计厅",
  "市财政局、市审计局（列第一位的为牵头单位，下同）",
  "省委网信办牵头，省直有关部门配合",
  "潍坊银监分局、市金融办",
  "",
];

function directory(): UnitDirectory {
  const result = readUnitDirectory([
    grid("单位名录", [
      ["单位名称", "简称"],
      ["省发展改革委", "省发改委"],
      ["省财政厅", "财厅"],
    ]),
  ]);
  if (!result) throw new Error("directory expected");
  return result;
}

describe("unitCellReader", () => {
  it("gives each text, in any order of columns, the reading parseUnitCell gives it in that column", () => {
    const read = unitCellReader(null, null);
    for (let round = 0; round < 2; round++)
      for (const text of CELLS)
        for (const column of round === 0 ? COLUMNS : [...COLUMNS].reverse())
          expect(read(text, column)).toEqual(parseUnitCell(text, column, null, null));
  });

  it("reads the same text as lead in the lead column and as responsible in the responsible column", () => {
    const read = unitCellReader(null, null);
    const asLead = read("省发展改革委、省财政厅", "lead");
    const asResponsible = read("省发展改革委、省财政厅", "responsible");
    const asMixed = read("省发展改革委、省财政厅", "mixed");
    expect(asLead.lead.map((unit) => unit.name)).toEqual(["省发展改革委", "省财政厅"]);
    expect(asResponsible.lead).toEqual([]);
    expect(asResponsible.responsible.map((unit) => unit.name)).toEqual(["省发展改革委", "省财政厅"]);
    expect(asMixed.lead.map((unit) => unit.name)).toEqual(["省发展改革委"]);
    expect(asMixed.leadSource).toBe("implicit");
  });

  it("keeps apart readers of plans with other places and directories", () => {
    const inWeifang = unitCellReader(null, "潍坊");
    const elsewhere = unitCellReader(null, null);
    const withDirectory = unitCellReader(directory(), null);
    for (const text of CELLS) {
      expect(inWeifang(text, "responsible")).toEqual(parseUnitCell(text, "responsible", null, "潍坊"));
      expect(elsewhere(text, "responsible")).toEqual(parseUnitCell(text, "responsible", null, null));
      expect(withDirectory(text, "mixed")).toEqual(parseUnitCell(text, "mixed", directory(), null));
    }
    expect(withDirectory("省发改委、财厅", "responsible").responsible.map((unit) => [unit.name, unit.alias])).toEqual([
      ["省发展改革委", true],
      ["省财政厅", true],
    ]);
  });
});

describe("analyze reads repeated unit cells by their place in the plan", () => {
  const task = (report: Report, row: number) => {
    const found = report.tasks.find((t) => t.row === row);
    if (!found) throw new Error(`no task at row ${row}`);
    return found;
  };

  it("the same text in the lead column of one row and the responsible column of another", () => {
    const report = analyze(
      [
        grid("分工方案", [
          ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
          [1, "推进政务公开标准化", "省政府办公厅", "省发展改革委、省财政厅", "2024年底前"],
          [2, "做好预算公开", "省发展改革委、省财政厅", "省审计厅", "2024年6月底前"],
          [3, "推进审计结果公开", "省审计厅", "省发展改革委、省财政厅", "2024年9月底前"],
        ]),
      ],
      { asOf: "2024-05-01" },
    );
    expect(task(report, 2)).toMatchObject({ lead: ["省政府办公厅"], responsible: ["省发展改革委", "省财政厅"] });
    expect(task(report, 3)).toMatchObject({ lead: ["省发展改革委", "省财政厅"], responsible: ["省审计厅"] });
    expect(task(report, 4)).toMatchObject({ lead: ["省审计厅"], responsible: ["省发展改革委", "省财政厅"] });
    expect(report.findings.filter((f) => f.rule === "lead.multiple").map((f) => f.row)).toEqual([3]);
  });

  it("rows with the same (empty) unit cell under two different group lines take each their own line's units", () => {
    const report = analyze(
      [
        grid("分工方案", [
          ["序号", "工作任务", "责任单位", "完成时限"],
          ["一、", "深化政务公开", "", ""],
          [1, "公开财政预决算", "", "2024年底前"],
          [2, "公开审计结果", "", "2024年底前"],
          ["", "（牵头单位：省财政厅；责任单位：省审计厅）", "", ""],
          ["二、", "优化政务服务", "", ""],
          [3, "推进一网通办", "", "2024年底前"],
          [4, "推进跨省通办", "", "2024年底前"],
          ["", "（牵头单位：省政务服务局；责任单位：省大数据局）", "", ""],
        ]),
      ],
      { asOf: "2024-05-01" },
    );
    expect(task(report, 3)).toMatchObject({ lead: ["省财政厅"], responsible: ["省审计厅"] });
    expect(task(report, 4)).toMatchObject({ lead: ["省财政厅"], responsible: ["省审计厅"] });
    expect(task(report, 7)).toMatchObject({ lead: ["省政务服务局"], responsible: ["省大数据局"] });
    expect(task(report, 8)).toMatchObject({ lead: ["省政务服务局"], responsible: ["省大数据局"] });
  });

  it("the same unit cell under a carried instruction and before it reads alike, and gets the carried units", () => {
    const report = analyze(
      [
        grid("分工方案", [
          ["序号", "重点任务", "责任单位", "时间节点"],
          [1, "推进财政资金直达", "市财政局、市审计局", "持续推进"],
          [2, "公开政府债务", "市财政局、市审计局（列第一位的为牵头单位，下同）", "持续推进"],
          [3, "公开审计整改", "市财政局、市审计局", "持续推进"],
          [4, "公开国资监管", "市国资委、市财政局", "持续推进"],
        ]),
      ],
      { asOf: "2024-05-01" },
    );
    for (const row of [2, 3, 4])
      expect(task(report, row)).toMatchObject({ lead: ["市财政局"], responsible: ["市审计局"] });
    expect(task(report, 5)).toMatchObject({ lead: ["市国资委"], responsible: ["市财政局"] });
    // Before the convention the first unit leads by a guess (lead.implicit); from its row on, by the plan's word.
    const implicit = report.findings.filter((f) => f.rule === "lead.implicit").map((f) => f.row);
    expect(implicit).toEqual([2]);
  });
});

describe("parts and names read once serve every cell they stand in", () => {
  const names = (text: string, directory: UnitDirectory | null = null, place: string | null = null) => {
    const parse = parseUnitCell(text, "responsible", directory, place);
    return parse.responsible.map((unit) => unit.name);
  };

  it("an elided name takes the prefix of the list it stands in, each time anew", () => {
    expect(names("省发展改革委、财政厅")).toEqual(["省发展改革委", "省财政厅"]);
    expect(names("市发展改革委、财政厅")).toEqual(["市发展改革委", "市财政厅"]);
    expect(names("财政厅")).toEqual(["财政厅"]);
    expect(names("县委办、网信办")).toEqual(["县委办", "县委网信办"]);
    expect(names("省发展改革委、网信办")).toEqual(["省发展改革委", "省委网信办"]);
  });

  it("a name that begins with the plan's place or a place of its cell takes no prefix", () => {
    expect(names("市金融办、潍坊银监分局", null, "潍坊")).toEqual(["市金融办", "潍坊银监分局"]);
    expect(names("市金融办、潍坊银监分局")).toEqual(["市金融办", "市潍坊银监分局"]);
    expect(names("人民银行潍坊市中心支行、潍坊银监分局")).toEqual(["人民银行潍坊市中心支行", "潍坊银监分局"]);
  });

  it("a part is an alias with one directory and a plain name without it", () => {
    const withDirectory = parseUnitCell("省发改委、省审计厅", "responsible", directory(), null).responsible;
    const without = parseUnitCell("省发改委、省审计厅", "responsible", null, null).responsible;
    expect(withDirectory.map((unit) => [unit.name, unit.alias])).toEqual([
      ["省发展改革委", true],
      ["省审计厅", false],
    ]);
    expect(without.map((unit) => [unit.name, unit.alias])).toEqual([
      ["省发展改革委", true],
      ["省审计厅", false],
    ]);
    expect(parseUnitCell("财厅", "responsible", directory(), null).responsible[0]).toMatchObject({
      name: "省财政厅",
      alias: true,
    });
    expect(parseUnitCell("财厅", "responsible", null, null).responsible[0]).toMatchObject({ name: "财厅" });
  });

  it("a part that is a unit, a leader or a deadline reads the same in any cell, its written form kept", () => {
    const first = parseUnitCell("省财政厅2017年底前、分管副省长", "mixed", null, null);
    const second = parseUnitCell("省教育厅、省財政廳2017年底前；分管副省长", "mixed", null, null);
    expect(first.lead.map((unit) => unit.name)).toEqual(["省财政厅"]);
    expect(first.deadlineText).toBe("2017年底前");
    expect(first.leaders).toEqual(["分管副省长"]);
    expect(second.responsible.map((unit) => [unit.name, unit.written])).toEqual([["省财政厅", "省財政廳"]]);
    expect(second.deadlineText).toBe("2017年底前");
    expect(second.leaders).toEqual(["分管副省长"]);
  });
});
