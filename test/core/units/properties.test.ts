/** Property tests: the unit reader never throws and never returns an empty name, whatever it is given. */
import fc from "fast-check";
import type { CellValue, Grid } from "../../../src/core/types";
import {
  closestUnit,
  isKnownUnit,
  isUnitDirectorySheet,
  parseUnitCell,
  readUnitDirectory,
  splitTrailingUnits,
  type UnitCellParse,
  type UnitColumn,
} from "../../../src/core/units";

/** Pieces real cells are made of, so random cells hit the interesting paths (markers, collectives …). */
const PIECES = [
  "省财政厅",
  "县发改局",
  "縣住建局",
  "各州、市人民政府",
  "各县（市、区）人民政府",
  "省直各委、办、厅、局",
  "省直有关部门",
  "工业和信息化厅",
  "牵头",
  "分别牵头",
  "配合",
  "按职责分工负责",
  "牽頭單位：",
  "责任单位:",
  "会同",
  "负责",
  "年内持续推进",
  "2017年底前",
  "等部门",
  "、",
  "，",
  "；",
  "及",
  "和",
  " ",
  "\n",
  "（",
  "）",
  "(",
  ")",
  "〔",
  "】",
  "。",
  "\ud800",
  "\udc00",
  "😀",
  "",
];
const piece = fc.constantFrom(...PIECES);
const cellLike = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 24 })
  .map((parts) => parts.join(""));
const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), cellLike);
const column = fc.constantFrom<UnitColumn>("lead", "responsible", "mixed");

const directory = readUnitDirectory([
  {
    sheet: "单位名录",
    origin: { row: 1, column: 1 },
    merges: [],
    values: [
      ["单位名称", "简称"],
      ["省发展改革委", "省发改委"],
      ["省财政厅", ""],
      ["各州、市人民政府", "州市政府"],
    ],
  },
]);

function checkParse(result: UnitCellParse): void {
  for (const unit of [...result.lead, ...result.responsible]) {
    expect(unit.name.trim()).not.toBe("");
    expect(typeof unit.written).toBe("string");
    expect(["department", "collective", "other"]).toContain(unit.kind);
  }
  const names = result.lead.map((u) => u.name);
  expect(new Set(names).size).toBe(names.length);
  for (const unit of result.responsible) expect(names).not.toContain(unit.name);
  if (result.lead.length === 0) expect(result.leadSource).toBe("none");
  else expect(result.leadSource).not.toBe("none");
  for (const name of [...result.duplicates, ...result.leadAlsoResponsible]) expect(name).not.toBe("");
  if (result.deadlineText !== null) expect(result.deadlineText.trim()).not.toBe("");
}

describe("parseUnitCell never throws", () => {
  it("on any text, column and directory", () => {
    fc.assert(
      fc.property(anyText, column, fc.boolean(), (text, col, withDirectory) => {
        checkParse(parseUnitCell(text, col, withDirectory ? directory : null));
      }),
      { numRuns: 2000 },
    );
  });

  it("on huge cells", () => {
    for (const text of [
      "省财政厅、".repeat(20_000),
      "（".repeat(50_000) + "省财政厅",
      "。".repeat(100_000) + "x",
      "和".repeat(100_000),
      "各州、".repeat(30_000),
      "省财政厅牵头，".repeat(10_000),
      "\ud800".repeat(50_000),
    ]) {
      checkParse(parseUnitCell(text, "mixed", directory));
    }
  });

  it("on values that are not strings (a caller's mistake)", () => {
    const wrong = [null, undefined, 42, {}] as unknown as string[];
    for (const value of wrong) expect(parseUnitCell(value, "mixed", null).lead).toEqual([]);
    expect(parseUnitCell("省财政厅", "other" as UnitColumn, null).leadSource).toBe("implicit");
  });

  it("gives the same result for the same cell (cached or not)", () => {
    fc.assert(
      fc.property(cellLike, column, (text, col) => {
        expect(parseUnitCell(text, col, null)).toEqual(parseUnitCell(text, col, null));
      }),
    );
  });
});

describe("splitTrailingUnits never throws", () => {
  it("on any text, and the units it returns are the inside of the text's end", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = splitTrailingUnits(text);
        if (result !== null) {
          expect(result.units.trim()).not.toBe("");
          expect(text).toContain(result.units);
          expect(text.indexOf(result.units)).toBeGreaterThanOrEqual(result.task.replace(/[。．.；;]$/, "").length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("on huge texts", () => {
    expect(() => splitTrailingUnits("推进".repeat(100_000) + "（省财政厅牵头）")).not.toThrow();
    expect(() => splitTrailingUnits("）".repeat(100_000))).not.toThrow();
    expect(() => splitTrailingUnits("（".repeat(100_000) + "）")).not.toThrow();
  });
});

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(anyText, fc.double(), fc.boolean(), fc.constant(null));
const gridArbitrary: fc.Arbitrary<Grid> = fc.record({
  sheet: fc.oneof(fc.constantFrom("单位名录", "Units", "單位名錄", "分工方案"), fc.string()),
  origin: fc.constant({ row: 1, column: 1 }),
  values: fc.array(fc.array(cellValue, { maxLength: 6 }), { maxLength: 12 }),
  merges: fc.constant([]),
});

describe("readUnitDirectory never throws", () => {
  it("on any grid shape, and never lists an empty name", () => {
    fc.assert(
      fc.property(fc.array(gridArbitrary, { maxLength: 3 }), (grids) => {
        const result = readUnitDirectory(grids);
        if (result === null) return;
        expect(isUnitDirectorySheet(result.sheet)).toBe(true);
        for (const name of result.canonical) {
          expect(name).not.toBe("");
          expect(isKnownUnit(name, result)).toBe(true);
          expect(closestUnit(name, result)).toBe(name);
        }
        for (const [key, name] of result.lookup) {
          expect(key).not.toBe("");
          expect(result.canonical).toContain(name);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("on ragged, sparse or malformed grids", () => {
    const odd = [
      { sheet: "单位名录", origin: { row: 1, column: 1 }, merges: [], values: [[], ["单位名称"], [null, "x"], []] },
      { sheet: "单位名录", origin: { row: 1, column: 1 }, merges: [], values: [undefined, null] },
      { sheet: 5, values: null },
      null,
    ] as unknown as Grid[];
    expect(() => readUnitDirectory(odd)).not.toThrow();
    expect(readUnitDirectory(null as unknown as Grid[])).toBeNull();
  });

  it("closestUnit and isKnownUnit never throw on any name", () => {
    fc.assert(
      fc.property(anyText, (name) => {
        const suggestion = closestUnit(name, directory!);
        if (suggestion !== null) expect(directory!.canonical).toContain(suggestion);
        expect(typeof isKnownUnit(name, directory!)).toBe("boolean");
      }),
    );
  });
});
