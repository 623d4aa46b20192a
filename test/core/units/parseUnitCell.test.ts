import { parse, roles } from "./helpers";

describe("role markers", () => {
  it("gives a phrase marker's role to every unit since the previous marker", () => {
    expect(roles("省发展改革委、省自然资源厅牵头；省直有关部门，各州、市人民政府按照职责分工负责")).toEqual({
      lead: ["省发展改革委", "省自然资源厅"],
      responsible: ["省直有关部门", "各州、市人民政府"],
      leadSource: "marker",
    });
  });

  it("reads traditional markers and resolves short names (縣發改局牽頭 …參與)", () => {
    const result = parse("縣發改局牽頭，縣自然資源局、縣住建局參與");
    expect(result.lead).toEqual([{ name: "县发展改革局", written: "縣發改局", kind: "department", alias: true }]);
    expect(result.responsible).toEqual([
      { name: "县自然资源局", written: "縣自然資源局", kind: "department", alias: false },
      { name: "县住房城乡建设局", written: "縣住建局", kind: "department", alias: true },
    ]);
    expect(result.leadSource).toBe("marker");
  });

  it("reads labelled parts with full- or half-width colons, also traditional", () => {
    expect(roles("牽頭單位：縣政府辦公室；責任單位：縣直有關部門")).toEqual({
      lead: ["县政府办公室"],
      responsible: ["县直有关部门"],
      leadSource: "marker",
    });
    expect(roles("牵头单位:省财政厅;配合单位:省教育厅、省审计厅")).toEqual({
      lead: ["省财政厅"],
      responsible: ["省教育厅", "省审计厅"],
      leadSource: "marker",
    });
  });

  it("gives a label's role to every unit after it, up to the next label", () => {
    expect(roles("牵头单位：省财政厅、省教育厅\n配合单位：省审计厅").lead).toEqual(["省财政厅", "省教育厅"]);
    expect(roles("牵头单位：省财政厅；责任单位：省教育厅；配合单位：省审计厅").responsible).toEqual([
      "省教育厅",
      "省审计厅",
    ]);
  });

  it("treats units after the last marker with no marker of their own as responsible", () => {
    expect(roles("省财政厅牵头，省教育厅")).toEqual({
      lead: ["省财政厅"],
      responsible: ["省教育厅"],
      leadSource: "marker",
    });
  });

  it.each([
    ["配合", "省财政厅牵头，省教育厅配合"],
    ["参与", "省财政厅牵头，省教育厅参与"],
    ["协办", "省财政厅主办，省教育厅协办"],
    ["负责落实", "省财政厅牵头，省教育厅负责落实"],
    ["分别负责", "省财政厅牵头，省教育厅分别负责"],
    ["共同负责", "省财政厅负责牵头，省教育厅共同负责"],
    ["按职责负责", "省财政厅牵头，省教育厅按职责负责"],
    ["按照职责分工负责", "省财政厅牵头，省教育厅按照职责分工负责"],
  ])("knows %s as a responsible marker and its lead counterpart", (_marker, text) => {
    expect(roles(text)).toEqual({ lead: ["省财政厅"], responsible: ["省教育厅"], leadSource: "marker" });
  });

  it("reports 分别牵头 and keeps every lead", () => {
    const result = parse("省财政厅、省教育厅分别牵头，各州、市人民政府配合");
    expect(result.multipleLeadMarker).toBe(true);
    expect(result.lead.map((u) => u.name)).toEqual(["省财政厅", "省教育厅"]);
    expect(result.responsible.map((u) => u.name)).toEqual(["各州、市人民政府"]);
    expect(parse("省财政厅牵头，省教育厅配合").multipleLeadMarker).toBe(false);
  });

  it("reads a marker in brackets after a unit: 省财政厅（牵头）", () => {
    expect(roles("省财政厅（牵头）、省教育厅", "lead")).toEqual({
      lead: ["省财政厅"],
      responsible: ["省教育厅"],
      leadSource: "marker",
    });
  });

  it("reads 会同: the units before it lead, the units after it cooperate", () => {
    expect(roles("省发展改革委会同省财政厅负责")).toEqual({
      lead: ["省发展改革委"],
      responsible: ["省财政厅"],
      leadSource: "marker",
    });
  });

  it("strips 由 before a lead: 由省财政厅牵头", () => {
    expect(roles("由省财政厅牵头，省教育厅配合").lead).toEqual(["省财政厅"]);
  });

  it("does not take 协同 inside a unit name for a marker", () => {
    expect(roles("省协同创新中心、省财政厅").lead).toEqual(["省协同创新中心"]);
  });
});

describe("column semantics", () => {
  it("makes every unit of a lead column a lead (省发展改革委、省财政厅 -> 2 leads)", () => {
    expect(roles("省发展改革委、省财政厅", "lead")).toEqual({
      lead: ["省发展改革委", "省财政厅"],
      responsible: [],
      leadSource: "column",
    });
  });

  it("lets a responsible marker inside a lead column win for its units", () => {
    expect(roles("省财政厅、省教育厅配合", "lead")).toEqual({
      lead: [],
      responsible: ["省财政厅", "省教育厅"],
      leadSource: "none",
    });
  });

  it("makes every unit of a responsible column responsible, except those a lead marker names", () => {
    expect(roles("省政府办公厅、省政府督查室", "responsible")).toEqual({
      lead: [],
      responsible: ["省政府办公厅", "省政府督查室"],
      leadSource: "none",
    });
    // A lead marker counts in any unit column (design §3b): "X牵头，Y配合" written in the 配合 column.
    expect(roles("省财政厅牵头，省教育厅配合", "responsible")).toMatchObject({
      lead: ["省财政厅"],
      responsible: ["省教育厅"],
    });
    expect(roles("省财政厅配合", "responsible").lead).toEqual([]);
  });

  it("takes the first listed unit as lead in a mixed cell without markers", () => {
    expect(roles("縣政府辦公室、縣委網信辦")).toEqual({
      lead: ["县政府办公室"],
      responsible: ["县委网信办"],
      leadSource: "implicit",
    });
    expect(roles("省政府办公厅")).toEqual({ lead: ["省政府办公厅"], responsible: [], leadSource: "implicit" });
  });

  it("gives no lead to a mixed cell whose only marker is 按职责分工负责", () => {
    expect(roles("縣直有關部門，各鄉（鎮）人民政府按職責分工負責")).toEqual({
      lead: [],
      responsible: ["县直有关部门", "各乡（镇）人民政府"],
      leadSource: "none",
    });
  });

  it("gives no lead to a mixed cell labelled 责任单位 only", () => {
    expect(roles("责任单位：省政府办公厅、省委网信办")).toEqual({
      lead: [],
      responsible: ["省政府办公厅", "省委网信办"],
      leadSource: "none",
    });
  });

  it("gives nothing for an empty or blank cell", () => {
    for (const text of ["", "   ", "\n", "、、", "无", "—"]) {
      const result = parse(text);
      expect([result.lead, result.responsible, result.leadSource]).toEqual([[], [], "none"]);
    }
  });
});

describe("collectives", () => {
  it.each([
    ["各州、市人民政府"],
    ["各县（市、区）人民政府"],
    ["各市（州）人民政府"],
    ["省直各委、办、厅、局"],
    ["省直有关部门"],
    ["各有关单位"],
    ["各乡（镇）人民政府"],
    ["县直有关部门"],
    ["有关县（市、区）人民政府"],
  ])("keeps %s whole, of kind collective", (name) => {
    const result = parse(`省财政厅、${name}、省教育厅`, "responsible");
    expect(result.responsible.map((u) => [u.name, u.kind])).toEqual([
      ["省财政厅", "department"],
      [name, "collective"],
      ["省教育厅", "department"],
    ]);
  });

  it("does not let a collective swallow the next unit (各州、市教育局、省直有关部门)", () => {
    expect(roles("各州、市教育局、省直有关部门", "responsible").responsible).toEqual([
      "各州、市教育局",
      "省直有关部门",
    ]);
  });

  it("keeps two collectives in a row apart (省直各委、办、厅、局，各州、市人民政府)", () => {
    expect(roles("省直各委、办、厅、局，各州、市人民政府", "responsible").responsible).toEqual([
      "省直各委、办、厅、局",
      "各州、市人民政府",
    ]);
  });

  it("never gives a collective a level prefix", () => {
    expect(roles("省财政厅、有关部门", "responsible").responsible).toEqual(["省财政厅", "有关部门"]);
  });
});

describe("splitting", () => {
  it.each([["、"], ["，"], [","], ["；"], [";"], ["/"], ["／"], ["\n"], ["\r\n"]])("splits on %j", (separator) => {
    expect(roles(`省财政厅${separator}省教育厅`, "responsible").responsible).toEqual(["省财政厅", "省教育厅"]);
  });

  it.each([["工业和信息化厅"], ["人力资源和社会保障厅"], ["住房和城乡建设厅"], ["工业和信息化委"], ["文化和旅游厅"]])(
    "never splits inside 省%s",
    (body) => {
      const names = roles(`省${body}`, "lead").lead;
      expect(names).toHaveLength(1);
      expect(names[0]).not.toContain("、");
    },
  );

  it("splits on 及 / 和 / 与 between whole unit names", () => {
    expect(roles("省财政厅及各州、市人民政府", "responsible").responsible).toEqual(["省财政厅", "各州、市人民政府"]);
    expect(roles("省财政厅和省教育厅", "responsible").responsible).toEqual(["省财政厅", "省教育厅"]);
    expect(roles("省财政厅与省审计厅", "responsible").responsible).toEqual(["省财政厅", "省审计厅"]);
    expect(roles("省工业和信息化厅和省财政厅", "responsible").responsible).toEqual(["省工业和信息化厅", "省财政厅"]);
  });

  it("splits on spaces only between whole unit names", () => {
    expect(roles("省财政厅 省教育厅", "responsible").responsible).toEqual(["省财政厅", "省教育厅"]);
    expect(roles("省 财政厅", "responsible").responsible).toEqual(["省财政厅"]);
  });
});

describe("cleaning names", () => {
  it.each([
    ["省财政厅等"],
    ["省财政厅等部门"],
    ["省财政厅等单位"],
    ["省财政厅等3个部门"],
    ["省财政厅等有关单位"],
    [" 省财政厅。"],
    ["“省财政厅”"],
  ])("reads %j as 省财政厅", (text) => {
    expect(roles(text, "lead").lead).toEqual(["省财政厅"]);
  });

  it("keeps the written text, original characters, trimmed", () => {
    expect(parse(" 縣財政局等 ", "lead").lead[0]).toMatchObject({ name: "县财政局", written: "縣財政局" });
  });

  it("writes brackets in Chinese names full-width, so both spellings are one unit", () => {
    const result = parse("各乡(镇)人民政府、各乡（镇）人民政府", "responsible");
    expect(result.responsible.map((u) => u.name)).toEqual(["各乡（镇）人民政府"]);
    expect(result.duplicates).toEqual(["各乡（镇）人民政府"]);
  });

  it.each([["1.省财政厅 2.省教育厅"], ["（1）省财政厅；（2）省教育厅"], ["①省财政厅②省教育厅"]])(
    "drops list numbering: %j",
    (text) => {
      expect(roles(text, "responsible").responsible).toEqual(["省财政厅", "省教育厅"]);
    },
  );

  it("reads English labels and names", () => {
    expect(roles("Lead: Finance Bureau; Responsible: Education Bureau, Audit Office")).toEqual({
      lead: ["Finance Bureau"],
      responsible: ["Education Bureau", "Audit Office"],
      leadSource: "marker",
    });
  });

  it("keeps units it cannot classify, as kind other", () => {
    expect(parse("省妇女儿童工作委员会、省残疾人福利基金", "responsible").responsible.map((u) => u.kind)).toEqual([
      "department",
      "other",
    ]);
  });
});

describe("level prefix re-attachment", () => {
  it("gives later departments the prefix of the first unit (省发展改革委、财政厅、统计局)", () => {
    const result = parse("省发展改革委、财政厅、统计局", "lead");
    expect(result.lead.map((u) => u.name)).toEqual(["省发展改革委", "省财政厅", "省统计局"]);
    expect(result.lead.map((u) => u.alias)).toEqual([false, false, false]);
    expect(result.lead.map((u) => u.written)).toEqual(["省发展改革委", "财政厅", "统计局"]);
  });

  it("carries the prefix across markers (财政厅牵头；国土资源厅配合)", () => {
    expect(roles("省发展改革委、财政厅牵头；省工业和信息化委、国土资源厅，各州、市人民政府配合")).toEqual({
      lead: ["省发展改革委", "省财政厅"],
      responsible: ["省工业和信息化委", "省国土资源厅", "各州、市人民政府"],
      leadSource: "marker",
    });
  });

  it("uses county and city prefixes and whole place names", () => {
    expect(roles("县财政局、教育局", "lead").lead).toEqual(["县财政局", "县教育局"]);
    expect(roles("昆明市财政局、教育局、市场监管局", "lead").lead).toEqual([
      "昆明市财政局",
      "昆明市教育局",
      "昆明市市场监管局",
    ]);
  });

  it("does not prefix names that already start with a place or level", () => {
    expect(roles("省财政厅、昆明市教育局、国家税务总局云南省税务局", "responsible").responsible).toEqual([
      "省财政厅",
      "昆明市教育局",
      "国家税务总局云南省税务局",
    ]);
  });

  it("never prefixes banks, companies or collectives", () => {
    expect(roles("省财政厅、人民银行昆明中心支行、云南电网公司、各有关单位", "responsible").responsible).toEqual([
      "省财政厅",
      "人民银行昆明中心支行",
      "云南电网公司",
      "各有关单位",
    ]);
  });

  it("gives Party committee bodies the committee's prefix (网信办 -> 省委网信办)", () => {
    expect(roles("省发展改革委、网信办、编办", "lead").lead).toEqual(["省发展改革委", "省委网信办", "省委编办"]);
    expect(roles("省委宣传部、网信办", "lead").lead).toEqual(["省委宣传部", "省委网信办"]);
  });

  it("leaves a name alone when no unit gives a prefix", () => {
    expect(roles("财政厅、统计局", "lead").lead).toEqual(["财政厅", "统计局"]);
  });
});

describe("built-in short names", () => {
  it.each([
    ["省发改委", "省发展改革委"],
    ["县发改局", "县发展改革局"],
    ["市人社局", "市人力资源社会保障局"],
    ["省人社厅", "省人力资源社会保障厅"],
    ["省卫健委", "省卫生健康委"],
    ["县住建局", "县住房城乡建设局"],
    ["省住建厅", "省住房城乡建设厅"],
    ["省工信厅", "省工业和信息化厅"],
    ["省文旅厅", "省文化和旅游厅"],
    ["县政府办", "县政府办公室"],
    ["省人力资源和社会保障厅", "省人力资源社会保障厅"],
    ["昆明市发改委", "昆明市发展改革委"],
    ["国家发改委", "国家发展改革委"],
  ])("resolves %s to %s (alias)", (written, name) => {
    expect(parse(written, "lead").lead).toEqual([{ name, written, kind: "department", alias: true }]);
  });

  it.each([["省委网信办"], ["省国资委"], ["省市场监管局"], ["省统计局"], ["省生态环境厅"], ["省自然资源厅"]])(
    "keeps the canonical %s (no alias)",
    (name) => {
      expect(parse(name, "lead").lead).toEqual([{ name, written: name, kind: "department", alias: false }]);
    },
  );

  it("does not treat a renamed body as an alias (国土资源厅 is not 自然资源厅)", () => {
    expect(parse("省国土资源厅", "lead").lead[0]).toMatchObject({ name: "省国土资源厅", alias: false });
  });

  it("resolves a short name after prefix re-attachment (省财政厅、发改委)", () => {
    expect(parse("省财政厅、发改委", "lead").lead[1]).toMatchObject({
      name: "省发展改革委",
      written: "发改委",
      alias: true,
    });
  });
});

describe("deadline phrases among the units", () => {
  it("takes 年内持续推进 out of the units (（省政府办公厅牵头，年内持续推进）)", () => {
    const result = parse("省政府办公厅牵头，年内持续推进");
    expect(result.lead.map((u) => u.name)).toEqual(["省政府办公厅"]);
    expect(result.responsible).toEqual([]);
    expect(result.deadlineText).toBe("年内持续推进");
  });

  it.each([["持续推进"], ["2017年底前"], ["长期坚持"], ["6月底前"], ["每季度"]])("reads %s as a deadline", (phrase) => {
    const result = parse(`省财政厅牵头，${phrase}`);
    expect(result.deadlineText).toBe(phrase);
    expect(result.lead.map((u) => u.name)).toEqual(["省财政厅"]);
  });

  it("cuts a deadline written straight after a unit (省财政厅2017年底前)", () => {
    const result = parse("省财政厅2017年底前", "lead");
    expect(result.lead.map((u) => u.name)).toEqual(["省财政厅"]);
    expect(result.deadlineText).toBe("2017年底前");
  });

  it("takes a deadline out of brackets after a unit (省财政厅（2017年底前）)", () => {
    const result = parse("省财政厅（2017年底前）", "lead");
    expect(result.lead.map((u) => u.name)).toEqual(["省财政厅"]);
    expect(result.deadlineText).toBe("2017年底前");
  });

  it("keeps the deadline as written (traditional)", () => {
    expect(parse("縣財政局牽頭，年內持續推進").deadlineText).toBe("年內持續推進");
  });

  it("is null when there is no deadline phrase", () => {
    expect(parse("省财政厅牵头，省教育厅配合").deadlineText).toBeNull();
  });
});

describe("duplicates and leads listed as responsible", () => {
  it("reports a unit written twice (省直各部门、省直各部门)", () => {
    const result = parse("省直各部门、省直各部门", "responsible");
    expect(result.duplicates).toEqual(["省直各部门"]);
    expect(result.responsible.map((u) => u.name)).toEqual(["省直各部门"]);
  });

  it("counts an alias and its canonical name as the same unit", () => {
    expect(parse("省发改委、省发展改革委", "lead").duplicates).toEqual(["省发展改革委"]);
  });

  it("keeps a unit marked lead and responsible in lead only", () => {
    const result = parse("省财政厅牵头，省财政厅、省教育厅配合");
    expect(result.lead.map((u) => u.name)).toEqual(["省财政厅"]);
    expect(result.responsible.map((u) => u.name)).toEqual(["省教育厅"]);
    expect(result.leadAlsoResponsible).toEqual(["省财政厅"]);
    expect(result.duplicates).toEqual([]);
  });

  it("treats a repeat of the implicit lead as a duplicate", () => {
    const result = parse("省财政厅、省教育厅、省财政厅");
    expect(result.lead.map((u) => u.name)).toEqual(["省财政厅"]);
    expect(result.responsible.map((u) => u.name)).toEqual(["省教育厅"]);
    expect(result.duplicates).toEqual(["省财政厅"]);
    expect(result.leadAlsoResponsible).toEqual([]);
  });
});

describe("cached results are shared and frozen", () => {
  it("refuses changes, so a repeated cell always reads the same", () => {
    const first = parse("省财政厅、省教育厅", "lead");
    expect(() => {
      first.lead[0].name = "changed";
    }).toThrow(TypeError);
    expect(() => first.lead.push(first.lead[0])).toThrow(TypeError);
    expect(() => first.duplicates.push("x")).toThrow(TypeError);
    const second = parse("省财政厅、省教育厅", "lead");
    expect(second.lead.map((u) => u.name)).toEqual(["省财政厅", "省教育厅"]);
    expect(second.duplicates).toEqual([]);
  });
});
