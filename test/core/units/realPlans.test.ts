/**
 * Unit cells as provinces, cities, counties and departments actually write them (design §3b): notes,
 * leaders, whole role phrases, markers followed by their work, 等 tails, place prefixes, short forms, English.
 */
import fc from "fast-check";
import { parseUnitCell } from "../../../src/core/units";
import { roles } from "./helpers";

const names = (text: string, place: string | null = null, column: "mixed" | "lead" | "responsible" = "mixed") => {
  const parse = parseUnitCell(text, column, null, place);
  return {
    lead: parse.lead.map((unit) => unit.name),
    responsible: parse.responsible.map((unit) => unit.name),
    leaders: [...parse.leaders],
  };
};

describe("notes inside a unit cell are never units, and their role words are no markers", () => {
  it.each([
    // 杭州: the convention written after the units
    ["市发改委、市财政局（第一责任单位为牵头单位，下同）", ["市发展改革委"], ["市财政局"]],
    ["区教育局、区卫健局、区民政局（列第一位的为牵头单位）", ["区教育局"], ["区卫生健康局", "区民政局"]],
    ["县农业农村局，县水利局(排名第一的为牵头单位)", ["县农业农村局"], ["县水利局"]],
    ["州自然资源局、州住建局〔排在第一位的为牵头单位，下同〕", ["州自然资源局"], ["州住房城乡建设局"]],
  ])("%s", (text, lead, responsible) => {
    const parse = parseUnitCell(text, "mixed", null);
    expect(parse.lead.map((unit) => unit.name)).toEqual(lead);
    expect(parse.responsible.map((unit) => unit.name)).toEqual(responsible);
    // Stated by the plan, not guessed: no lead.implicit.
    expect(parse.leadSource).toBe("note");
  });

  it("applies the stated convention in a responsible column too, when no marker names a lead", () => {
    expect(names("市商务局、市统计局（列第一位的为牵头单位）", null, "responsible")).toMatchObject({
      lead: ["市商务局"],
      responsible: ["市统计局"],
    });
  });

  it("drops exceptions and remarks: （除市委办外）, （汇总）, （以下同）", () => {
    expect(roles("各成员单位（除县委办、县政府办外）")).toMatchObject({ lead: ["各成员单位"], responsible: [] });
    expect(roles("市政府办公室（汇总）、市直各部门")).toMatchObject({
      lead: ["市政府办公室"],
      responsible: ["市直各部门"],
    });
  });

  it("keeps the units of a bracket whose other clause is a note: （省发展改革委牵头，省直有关部门配合，下同）", () => {
    const parse = parseUnitCell("（省发展改革委牵头，省直有关部门配合，下同）", "mixed", null);
    expect(parse.lead.map((unit) => unit.name)).toEqual(["省发展改革委"]);
    expect(parse.responsible.map((unit) => unit.name)).toEqual(["省直有关部门"]);
    expect(parse.standing).toMatchObject({ sameAsAbove: true, units: [] });
  });

  it("keeps a bracket that is part of a name: 各县（市、区）人民政府, 市（州）", () => {
    expect(roles("省民政厅牵头，各县（市、区）人民政府配合")).toMatchObject({
      lead: ["省民政厅"],
      responsible: ["各县（市、区）人民政府"],
    });
  });
});

describe("standing instructions in a cell name their units and govern the rows below", () => {
  it.each([
    ["（以下均需各县市区落实，不再逐一列出）", ["各县市区"]],
    ["具体任务均涉及相关市（州）人民政府，不再做分工", ["相关市（州）人民政府"]],
    ["以下任务均需各乡镇（街道）落实，不再逐一列出。", ["各乡镇（街道）"]],
  ])("%s", (text, units) => {
    const parse = parseUnitCell(text, "mixed", null);
    expect(parse.lead).toEqual([]);
    expect(parse.responsible.map((unit) => unit.name)).toEqual(units);
    expect(parse.standing?.units.map((unit) => unit.name)).toEqual(units);
    expect(parse.standing?.text).toBe(text.replace(/。$/, ""));
  });

  it("a plain list is no standing instruction", () => {
    expect(parseUnitCell("市发改委、市财政局", "mixed", null).standing).toBeNull();
    expect(parseUnitCell("市财政局汇总各单位数据", "mixed", null).standing).toBeNull();
  });
});

describe("leaders in unit cells are people, not units", () => {
  it.each([
    ["分管副省长、协管副秘书长，省工业和信息化厅", ["省工业和信息化厅"], [], ["分管副省长", "协管副秘书长"]],
    ["李明副市长；市政府办公室牵头，市大数据局配合", ["市政府办公室"], ["市大数据局"], ["李明副市长"]],
    ["张华同志、县委办、县政府办", ["县委办"], ["县政府办公室"], ["张华同志"]],
    ["秘书长，市政府督查室", ["市政府督查室"], [], ["秘书长"]],
    ["王强（副县长）、县财政局", ["县财政局"], [], ["王强（副县长）"]],
  ])("%s", (text, lead, responsible, leaders) => {
    expect(names(text)).toEqual({ lead, responsible, leaders });
  });
});

describe("role phrases leave nothing behind", () => {
  it.each([
    [
      "市金融办、人民银行潍坊市中心支行、潍坊银监分局分别牵头落实",
      ["市金融办", "人民银行潍坊市中心支行", "潍坊银监分局"],
      [],
    ],
    ["县发改局牵头落实，县直各部门配合", ["县发展改革局"], ["县直各部门"]],
    ["区住建局牵头负责；各街道办事处具体落实", ["区住房城乡建设局"], ["各街道办事处"]],
    ["省教育厅负责落实", [], ["省教育厅"]],
    ["市城管局组织实施，市公安局、市交通局协助", ["市城市管理局"], ["市公安局", "市交通运输局"]],
    ["各县市区政府分别牵头负责", ["各县市区政府"], []],
  ])("%s", (text, lead, responsible) => {
    const parse = names(text);
    expect(parse.lead).toEqual(lead);
    expect(parse.responsible).toEqual(responsible);
    for (const name of [...parse.lead, ...parse.responsible]) expect(name).not.toMatch(/^(落实|负责|实施)$/);
  });

  it("a lead marker counts in the responsible column", () => {
    expect(names("市发改委牵头，市财政局、市审计局配合", null, "responsible")).toMatchObject({
      lead: ["市发展改革委"],
      responsible: ["市财政局", "市审计局"],
    });
    expect(names("（县司法局牵头）县法院、县检察院", null, "responsible")).toMatchObject({
      lead: ["县司法局"],
      responsible: ["县法院", "县检察院"],
    });
  });
});

describe("a marker followed by its work: the work is no unit", () => {
  it.each([
    [
      "县司法局牵头开展规范性文件清理工作，各乡镇具体落实；各成员单位负责做好本单位自查工作",
      ["县司法局"],
      ["各乡镇", "各成员单位"],
    ],
    ["市发改委负责制定实施方案，市财政局配合做好资金保障", ["市发展改革委"], ["市财政局"]],
    ["省商务厅牵头组织开展专项督查；省市场监管局参与", ["省商务厅"], ["省市场监管局"]],
    ["区政务服务中心负责推进“一网通办”，区直各部门按职责分工负责", ["区政务服务中心"], ["区直各部门"]],
  ])("%s", (text, lead, responsible) => {
    expect(names(text)).toMatchObject({ lead, responsible });
  });
});

describe("等 tails", () => {
  it.each([
    ["市财政局等市级相关单位", ["市财政局"]],
    ["县教育局、县卫健局等有关部门", ["县教育局", "县卫生健康局"]],
    ["省公安厅等8个部门", ["省公安厅"]],
    ["区应急局等区直有关单位", ["区应急管理局"]],
    ["州民政局等各成员单位", ["州民政局"]],
  ])("%s", (text, units) => {
    const parse = names(text);
    expect([...parse.lead, ...parse.responsible]).toEqual(units);
  });
});

describe("place prefixes: a name that begins with a place takes none", () => {
  it("the plan's own place (from its title)", () => {
    expect(names("市金融办、潍坊银监分局", "潍坊").responsible).toEqual(["潍坊银监分局"]);
    expect(names("市金融办、潍坊银监分局").responsible).toEqual(["市潍坊银监分局"]);
    expect(names("县发改局、丽水银保监分局", "丽水").responsible).toEqual(["丽水银保监分局"]);
  });

  it("a place another unit of the cell names with its level", () => {
    expect(names("市人行、人民银行潍坊市中心支行、潍坊银监分局").responsible).toContain("潍坊银监分局");
  });

  it("names with a place before their department part, and the elided prefix still re-attached", () => {
    expect(names("昆明市发展改革委、财政局、统计局").responsible).toEqual(["昆明市财政局", "昆明市统计局"]);
    expect(names("市发改委、高新区管委会、财政局").responsible).toEqual(["高新区管委会", "市财政局"]);
    expect(names("省发展改革委、财政厅、统计局").responsible).toEqual(["省财政厅", "省统计局"]);
  });
});

describe("official short forms", () => {
  it.each([
    ["市经信委", "市经济和信息化委"],
    ["省经信厅", "省经济和信息化厅"],
    ["县经信局", "县经济和信息化局"],
    ["区工信局", "区工业和信息化局"],
    ["省文旅厅", "省文化和旅游厅"],
    ["市文旅局", "市文化和旅游局"],
    ["县交通局", "县交通运输局"],
    ["市人力社保局", "市人力资源社会保障局"],
    ["省人力社保厅", "省人力资源社会保障厅"],
    ["县教体局", "县教育和体育局"],
  ])("%s -> %s", (written, standard) => {
    const parse = parseUnitCell(written, "lead", null);
    expect(parse.lead.map((unit) => [unit.name, unit.alias])).toEqual([[standard, true]]);
  });

  it.each(["县文广旅体局", "市市场监管局", "区行政审批局", "县文广新局", "市行政审批服务局"])(
    "%s is a body of its own and stays as written",
    (written) => {
      const parse = parseUnitCell(written, "lead", null);
      expect(parse.lead.map((unit) => [unit.name, unit.alias])).toEqual([[written, false]]);
    },
  );
});

describe("English unit cells", () => {
  it("splits on commas, semicolons, ' and ' and newlines, never on the space inside a name", () => {
    expect(names("Government Office, Finance Bureau and Audit Office")).toMatchObject({
      lead: ["Government Office"],
      responsible: ["Finance Bureau", "Audit Office"],
    });
    expect(names("Lead: Development and Reform Commission; Supporting: Statistics Bureau\nTax Office")).toMatchObject({
      lead: ["Development and Reform Commission"],
      responsible: ["Statistics Bureau", "Tax Office"],
    });
  });

  it("keeps formula-like text as a literal unit name", () => {
    expect(names("Finance Bureau, =2+3")).toMatchObject({ lead: ["Finance Bureau"], responsible: ["=2+3"] });
    expect(names("=SUM(A1:A3)、市财政局").lead).toEqual(["=SUM(A1:A3)"]);
  });
});

describe("property: notes, leaders and role phrases never become units", () => {
  const unit = fc.constantFrom(
    "市发改委",
    "市财政局",
    "县司法局",
    "区住建局",
    "省教育厅",
    "各乡镇人民政府",
    "市直有关部门",
  );
  const phrase = fc.constantFrom("", "牵头", "分别牵头落实", "牵头负责", "负责落实", "具体落实", "配合", "组织实施");
  const note = fc.constantFrom(
    "",
    "（列第一位的为牵头单位，下同）",
    "（除市委办外）",
    "（以下均需各县市区落实，不再逐一列出）",
    "（汇总）",
  );
  const leader = fc.constantFrom("", "分管副市长", "张三同志", "协管副秘书长");
  const separator = fc.constantFrom("、", "，", "；");

  it("reads every listed unit, and nothing else, whatever the phrases, notes and leaders around them", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(leader, fc.array(unit, { minLength: 1, maxLength: 3 }), phrase, note), {
          minLength: 1,
          maxLength: 3,
        }),
        separator,
        (groups, sep) => {
          const text = groups
            .map(([who, units, role, remark]) => [who, units.join("、") + role + remark].filter(Boolean).join("、"))
            .join(sep);
          const parse = parseUnitCell(text, "mixed", null);
          const read = [...parse.lead, ...parse.responsible].map((u) => u.name);
          for (const name of read) {
            expect(name).not.toMatch(/落实|负责|实施|下同|以下|不再|除|汇总|第一位|同志|副市长|秘书长/);
          }
          const leaders = groups.map(([who]) => who).filter(Boolean);
          expect(new Set(parse.leaders)).toEqual(new Set(leaders));
          const expected = new Set(
            groups.flatMap(([, units]) => units).map((u) => parseUnitCell(u, "lead", null).lead[0].name),
          );
          for (const name of expected) expect(read).toContain(name);
        },
      ),
      { numRuns: 300 },
    );
  });
});
