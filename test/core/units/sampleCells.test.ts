/**
 * The unit cells of the three sample workbooks (/work/shared/samples, copied here as text), with the
 * units their expectations name. Lead and responsible columns are parsed separately here; removing a
 * lead from the responsible list of the same row is the row reader's job.
 */
import { roles } from "./helpers";

describe("county-ledger-traditional (one unit column 責任單位, traditional)", () => {
  it.each([
    ["縣財政局牽頭，各鄉（鎮）人民政府配合", ["县财政局"], ["各乡（镇）人民政府"], "marker"],
    ["牽頭單位：縣政府辦公室；責任單位：縣直有關部門", ["县政府办公室"], ["县直有关部门"], "marker"],
    ["縣政府辦公室、縣委網信辦", ["县政府办公室"], ["县委网信办"], "implicit"],
    ["縣直有關部門，各鄉（鎮）人民政府按職責分工負責", [], ["县直有关部门", "各乡（镇）人民政府"], "none"],
    ["縣發改局牽頭，縣自然資源局、縣住建局參與", ["县发展改革局"], ["县自然资源局", "县住房城乡建设局"], "marker"],
    ["縣公共資源交易中心牽頭，縣財政局配合", ["县公共资源交易中心"], ["县财政局"], "marker"],
  ])("%s", (cell, lead, responsible, leadSource) => {
    expect(roles(cell, "mixed")).toEqual({ lead, responsible, leadSource });
  });
});

describe("units-in-task-text (trailing parenthesis)", () => {
  it.each([
    ["省财政厅牵头，各州、市人民政府配合", ["省财政厅"], ["各州、市人民政府"], "marker"],
    ["省国资委牵头；省直有关部门按职责分工负责", ["省国资委"], ["省直有关部门"], "marker"],
    ["责任单位：省政府办公厅、省委网信办", [], ["省政府办公厅", "省委网信办"], "none"],
    ["省政府办公厅牵头，年内持续推进", ["省政府办公厅"], [], "marker"],
  ])("%s", (cell, lead, responsible, leadSource) => {
    expect(roles(cell, "mixed")).toEqual({ lead, responsible, leadSource });
  });
});

describe("yunnan-2017-notice (lead column + responsible column)", () => {
  it.each([
    ["省政府办公厅", ["省政府办公厅"]],
    ["省发展改革委、省财政厅", ["省发展改革委", "省财政厅"]],
    ["各州、市人民政府", ["各州、市人民政府"]],
    ["省政府督查室", ["省政府督查室"]],
  ])("lead column %s", (cell, lead) => {
    expect(roles(cell, "lead")).toEqual({ lead, responsible: [], leadSource: "column" });
  });

  it.each([
    ["省直各委、办、厅、局，各州、市人民政府", ["省直各委、办、厅、局", "各州、市人民政府"]],
    ["省直有关部门、各州、市人民政府", ["省直有关部门", "各州、市人民政府"]],
    ["省编办", ["省编办"]],
    ["省政府办公厅、省政府督查室", ["省政府办公厅", "省政府督查室"]],
    ["省直有关部门", ["省直有关部门"]],
    ["省直各部门、省直各部门", ["省直各部门"]],
    ["省直有关部门，各州、市人民政府", ["省直有关部门", "各州、市人民政府"]],
    ["省政府办公厅", ["省政府办公厅"]],
    ["省发改委、省工业和信息化委", ["省发展改革委", "省工业和信息化委"]],
  ])("responsible column %s", (cell, responsible) => {
    expect(roles(cell, "responsible")).toEqual({ lead: [], responsible, leadSource: "none" });
  });
});
