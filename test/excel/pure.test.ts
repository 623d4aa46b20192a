/** The Excel adapter's pure parts: addresses, block sizing, the plan sheet choice, settings, report cells. */
import fc from "fast-check";
import { parseAreas, parseRangeAddress, rangeAddress, sheetReference } from "../../src/excel/addresses";
import { DEFAULT_BLOCK_LIMITS, blockRows, estimateJsonBytes, safeMergeRows, slices } from "../../src/excel/blocks";
import { choosePlanSheet } from "../../src/excel/planSheet";
import { rectangular, textFormats } from "../../src/excel/reportSheet";
import { sanitizeSettings } from "../../src/app/settings";
import { PartialWriteError } from "../../src/excel/errors";
import { UserError } from "../../src/app/errors";

describe("addresses", () => {
  test("RangeAreas addresses, quoted sheet names with commas and apostrophes included", () => {
    expect(parseAreas("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual([
      { top: 1, left: 1, bottom: 4, right: 2 },
      { top: 1, left: 4, bottom: 4, right: 4 },
    ]);
    expect(parseAreas("'a, b''s'!$C$3:$E$5,'x'!AA10:AB11")).toEqual([
      { top: 3, left: 3, bottom: 5, right: 5 },
      { top: 10, left: 27, bottom: 11, right: 28 },
    ]);
    expect(parseAreas("")).toEqual([]);
    expect(parseRangeAddress("Sheet1!nonsense")).toBeNull();
  });

  test("sheet references are always quoted; ranges round-trip", () => {
    expect(sheetReference("分工方案", "C5")).toBe("'分工方案'!C5");
    expect(sheetReference("It's", "A1")).toBe("'It''s'!A1");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 16_384 }),
        fc.nat(50),
        fc.nat(50),
        (top, left, h, w) => {
          const area = { top, left, bottom: top + h, right: left + w };
          expect(parseRangeAddress(rangeAddress(area, true))).toEqual(area);
        },
      ),
    );
  });
});

describe("block sizing", () => {
  test("the byte estimate is the UTF-8 size of the JSON", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()))),
        (rows) => {
          expect(estimateJsonBytes(rows)).toBe(Buffer.byteLength(JSON.stringify(rows), "utf8"));
        },
      ),
    );
    expect(estimateJsonBytes([["牵头单位"]])).toBe(Buffer.byteLength('[["牵头单位"]]'));
  });

  test("rows per block fit the byte target and the cell cap; safe merge ranges hold at most 512 areas", () => {
    const limits = DEFAULT_BLOCK_LIMITS;
    expect(blockRows(100, 8, limits) * 100 * 1.25).toBeLessThanOrEqual(limits.targetBytes);
    expect(blockRows(1, 100, limits)).toBe(limits.maxBlockCells / 100);
    expect(blockRows(1e9, 8, limits)).toBe(1);
    expect(safeMergeRows(8, limits) * 8).toBeLessThanOrEqual(1024);
    expect(slices(10, 4)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(slices(0, 4)).toEqual([]);
  });
});

describe("plan sheet choice", () => {
  const sheets = (...names: string[]) =>
    names.map((name) => ({ name, visibility: name.startsWith("hidden") ? "Hidden" : "Visible" }));
  const directory = (name: string) => name === "单位名录";

  test("the requested sheet (case-insensitive), which must exist", () => {
    expect(choosePlanSheet(sheets("A", "Plan"), "A", "plan", directory).plan).toBe("Plan");
    expect(() => choosePlanSheet(sheets("A"), "A", "Plan", directory)).toThrow(
      expect.objectContaining({ code: "sheet.not-found" }),
    );
  });

  test("else the active sheet unless ours or a directory, else the first visible that is neither", () => {
    const all = sheets("问题清单", "hidden plan", "单位名录", "计划", "fengong_data");
    expect(choosePlanSheet(all, "计划", null, directory)).toEqual({ plan: "计划", directories: ["单位名录"] });
    expect(choosePlanSheet(all, "问题清单", null, directory).plan).toBe("计划");
    expect(choosePlanSheet(all, "单位名录", null, directory).plan).toBe("计划");
    expect(choosePlanSheet(all, "hidden plan", null, directory).plan).toBe("hidden plan");
    expect(() => choosePlanSheet(sheets("问题清单", "单位名录"), "问题清单", null, directory)).toThrow(
      expect.objectContaining({ code: "plan.not-found" }),
    );
  });
});

describe("settings", () => {
  test("well-formed fields kept, the rest dropped; never throws", () => {
    expect(
      sanitizeSettings(
        '{"published":"2017-05-10","dueSoonDays":7,"columns":{"deadline":"e","x":"A"},"language":"zh-Hans-CN"}',
      ),
    ).toEqual({
      published: "2017-05-10",
      dueSoonDays: 7,
      columns: { deadline: "E" },
      language: "zh-CN",
    });
    expect(sanitizeSettings({ published: "2017-13-40", dueSoonDays: 1.5, planSheet: "" })).toEqual({});
    fc.assert(fc.property(fc.anything(), (value) => void sanitizeSettings(value)));
    fc.assert(fc.property(fc.string(), (value) => void sanitizeSettings(value)));
  });
});

describe("report cells", () => {
  test("ragged rows are padded; null is empty; strings are text-formatted", () => {
    const table = rectangular([["a", 1], ["b"], [null, Infinity, true]]);
    expect(table).toEqual([
      ["a", 1, ""],
      ["b", "", ""],
      ["", "", true],
    ]);
    expect(textFormats(table)).toEqual([
      ["@", "General", "@"],
      ["@", "@", "@"],
      ["@", "@", "General"],
    ]);
    expect(rectangular([])).toEqual([[""]]);
  });
});

describe("PartialWriteError", () => {
  test("keeps the cause's code and adds what the cleanup did, in both languages", () => {
    const error = new PartialWriteError(new UserError("network"), "cleanup.report-left", { sheet: "fengong_tmp_1" });
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe("network");
    expect(error.messageIn("zh-CN")).toMatch(/连接中断.*fengong_tmp_1/);
    expect(error.messageIn("en-US")).toMatch(/interrupted.*fengong_tmp_1/);
  });
});
