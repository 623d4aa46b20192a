import {
  closestUnit,
  isKnownUnit,
  isUnitDirectorySheet,
  readUnitDirectory,
  type UnitDirectory,
} from "../../../src/core/units";
import { grid, parse } from "./helpers";

const plan = grid("分工方案", [
  ["序号", "工作任务", "牵头单位"],
  [1, "任务", "省发改委"],
]);

function directory(): UnitDirectory {
  const result = readUnitDirectory([
    plan,
    grid("单位名录", [
      ["省级单位名录（示例）"],
      ["序号", "单位名称", "简称"],
      [1, "省发展改革委", "省发改委、发改委"],
      [2, "省财政厅", null],
      [3, "省人力资源社会保障厅", "人社厅；省人社厅\n省人力资源和社会保障厅"],
      [4, "", "孤立简称"],
      [5, "省财政厅", "财厅"],
      [6, "省自然资源厅", "省国土资源厅"],
      [7, "各州、市人民政府", "州市政府"],
    ]),
  ]);
  if (!result) throw new Error("directory expected");
  return result;
}

describe("isUnitDirectorySheet", () => {
  it.each([
    ["单位名录"],
    ["单位清单"],
    ["单位目录"],
    ["Units"],
    ["units"],
    ["Unit directory"],
    ["單位名錄"],
    [" 单位名录 "],
  ])("accepts %j", (name) => expect(isUnitDirectorySheet(name)).toBe(true));

  it.each([["分工方案"], ["问题清单"], ["Sheet1"], [""], ["单位名录2"]])("rejects %j", (name) =>
    expect(isUnitDirectorySheet(name)).toBe(false),
  );
});

describe("readUnitDirectory", () => {
  it("reads canonical names in order, without blanks or duplicates", () => {
    const result = directory();
    expect(result.sheet).toBe("单位名录");
    expect(result.canonical).toEqual([
      "省发展改革委",
      "省财政厅",
      "省人力资源社会保障厅",
      "省自然资源厅",
      "各州、市人民政府",
    ]);
  });

  it("maps every alias of a cell (split on 、；, newline) to its canonical name", () => {
    const result = directory();
    expect(result.lookup.get("省发改委")).toBe("省发展改革委");
    expect(result.lookup.get("发改委")).toBe("省发展改革委");
    expect(result.lookup.get("人社厅")).toBe("省人力资源社会保障厅");
    expect(result.lookup.get("省人社厅")).toBe("省人力资源社会保障厅");
    expect(result.lookup.get("省人力资源和社会保障厅")).toBe("省人力资源社会保障厅");
    expect(result.lookup.get("财厅")).toBe("省财政厅");
    expect(result.lookup.has("孤立简称")).toBe(false);
  });

  it("reads English headers, traditional names and no alias column", () => {
    const result = readUnitDirectory([
      grid("Units", [
        ["Name", "Aliases"],
        ["Finance Bureau", "FB, Finance"],
        ["縣財政局", ""],
      ]),
    ]);
    expect(result?.canonical).toEqual(["Finance Bureau", "县财政局"]);
    expect(result?.lookup.get("FB")).toBe("Finance Bureau");
    const noAlias = readUnitDirectory([grid("单位清单", [["单位"], ["县财政局"], ["县教育局"]])]);
    expect(noAlias?.canonical).toEqual(["县财政局", "县教育局"]);
  });

  it("reads a plain list without a header", () => {
    const result = readUnitDirectory([grid("单位名录", [["县财政局"], ["县教育局", "县教体局"]])]);
    expect(result?.canonical).toEqual(["县财政局", "县教育局"]);
    expect(result?.lookup.get("县教体局")).toBe("县教育局");
  });

  it("lets a canonical name win over an earlier alias that spells it", () => {
    const result = readUnitDirectory([
      grid("单位名录", [
        ["单位名称", "别名"],
        ["省财政厅", "省教育厅"],
        ["省教育厅", ""],
      ]),
    ]);
    expect(result?.lookup.get("省教育厅")).toBe("省教育厅");
  });

  it("is null without a directory sheet, or with an empty one", () => {
    expect(readUnitDirectory([plan])).toBeNull();
    expect(readUnitDirectory([])).toBeNull();
    expect(readUnitDirectory([grid("单位名录", [])])).toBeNull();
    expect(
      readUnitDirectory([
        grid("单位名录", [
          ["单位名称", "简称"],
          ["", ""],
        ]),
      ]),
    ).toBeNull();
  });
});

describe("units resolved through the directory", () => {
  it("resolves a directory alias before the built-in table (alias true)", () => {
    expect(parse("省发改委", "lead", directory()).lead).toEqual([
      { name: "省发展改革委", written: "省发改委", kind: "department", alias: true },
    ]);
  });

  it("resolves an alias after prefix re-attachment (省财政厅、人社厅)", () => {
    expect(parse("省财政厅、人社厅", "lead", directory()).lead.map((u) => [u.name, u.alias])).toEqual([
      ["省财政厅", false],
      ["省人力资源社会保障厅", true],
    ]);
  });

  it("lets a directory declare a renamed body (国土资源厅 -> 自然资源厅)", () => {
    expect(parse("省国土资源厅", "lead", directory()).lead[0]).toMatchObject({ name: "省自然资源厅", alias: true });
  });

  it("does not call traditional spelling or a re-attached prefix an alias", () => {
    expect(parse("省財政廳", "lead", directory()).lead[0]).toMatchObject({ name: "省财政厅", alias: false });
    expect(parse("省发展改革委、财政厅", "lead", directory()).lead[1]).toMatchObject({
      name: "省财政厅",
      alias: false,
    });
  });

  it("gives the directory's spelling after a built-in resolution", () => {
    const units = readUnitDirectory([grid("单位名录", [["单位名称"], ["省住房城乡建设厅"]])]);
    expect(parse("省住建厅", "lead", units).lead[0]).toMatchObject({ name: "省住房城乡建设厅", alias: true });
  });

  it("splits at 和 between directory names that have no unit suffix", () => {
    const units = readUnitDirectory([grid("单位名录", [["单位名称"], ["省扶贫基金"], ["省慈善基金"]])]);
    expect(parse("省扶贫基金和省慈善基金", "responsible", units).responsible.map((u) => [u.name, u.kind])).toEqual([
      ["省扶贫基金", "department"],
      ["省慈善基金", "department"],
    ]);
    // Without the directory they are not recognisably units: one part, kind other.
    expect(parse("省扶贫基金和省慈善基金", "responsible", null).responsible.map((u) => [u.name, u.kind])).toEqual([
      ["省扶贫基金和省慈善基金", "other"],
    ]);
  });
});

describe("isKnownUnit", () => {
  it("knows canonical names and aliases, in any spelling", () => {
    const units = directory();
    expect(isKnownUnit("省发展改革委", units)).toBe(true);
    expect(isKnownUnit("省发改委", units)).toBe(true);
    expect(isKnownUnit("省 財政廳", units)).toBe(true);
    expect(isKnownUnit("各州、市人民政府", units)).toBe(true);
    expect(isKnownUnit("省教育厅", units)).toBe(false);
    expect(isKnownUnit("", units)).toBe(false);
  });
});

describe("closestUnit", () => {
  it("suggests the nearest directory name for a misspelt or shortened one", () => {
    const units = directory();
    expect(closestUnit("省财政局", units)).toBe("省财政厅");
    expect(closestUnit("财政厅", units)).toBe("省财政厅");
    expect(closestUnit("云南省财政厅", units)).toBe("省财政厅");
    expect(closestUnit("省自然资源局", units)).toBe("省自然资源厅");
  });

  it("suggests through an alias (省人社局 -> 省人力资源社会保障厅)", () => {
    expect(closestUnit("省人社局", directory())).toBe("省人力资源社会保障厅");
  });

  it("returns the canonical name of a known name", () => {
    expect(closestUnit("省发改委", directory())).toBe("省发展改革委");
  });

  it("suggests nothing when no name is close", () => {
    expect(closestUnit("市公安局交通管理支队", directory())).toBeNull();
    expect(closestUnit("", directory())).toBeNull();
  });
});
