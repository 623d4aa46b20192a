/**
 * Merged areas are read in linear time (indexed by row) with the rule of the quadratic check they replaced: an
 * area that overlaps one kept before it is dropped, the first wins. Checked against that quadratic rule on many
 * areas (short and full-height ones, which coarsen the index), and through the whole read.
 */
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { MergeIndex, readMerges } from "../../src/xlsx/merges";
import { ByteText } from "../../src/xlsx/byteText";
import type { MergedArea } from "../../src/core/types";
import type { UserError } from "../../src/app/errors";
import { handWorkbook, zipOf } from "./packageParts";

const letters = (column: number): string => {
  let s = "";
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};
const refOf = (a: MergedArea) => `${letters(a.left)}${a.top}:${letters(a.right)}${a.bottom}`;
const mergeXml = (areas: MergedArea[]) =>
  `<mergeCells count="${areas.length}">${areas.map((a) => `<mergeCell ref="${refOf(a)}"/>`).join("")}</mergeCells>`;

/** The rule as the quadratic check applied it. */
function keptNaively(areas: MergedArea[]): MergedArea[] {
  const kept: MergedArea[] = [];
  for (const area of areas) {
    if (!kept.some((a) => a.left <= area.right && a.right >= area.left && a.top <= area.bottom && a.bottom >= area.top))
      kept.push(area);
  }
  return kept.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A small deterministic generator (the same areas on every run). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const noCheck = () => undefined;
const text = (xml: string) => new ByteText(new TextEncoder().encode(xml));

describe("merged areas", () => {
  it("keeps the first of overlapping areas, and one that overlaps only a dropped area", () => {
    const areas: MergedArea[] = [
      { top: 1, left: 1, bottom: 2, right: 2 }, // A1:B2 kept
      { top: 2, left: 2, bottom: 3, right: 3 }, // B2:C3 overlaps A1:B2 at B2: dropped
      { top: 1, left: 3, bottom: 2, right: 3 }, // C1:C2 kept
      { top: 2, left: 1, bottom: 2, right: 1 }, // A2 inside A1:B2: dropped
      { top: 3, left: 3, bottom: 3, right: 4 }, // C3:D3 overlaps only the dropped B2:C3: kept
    ];
    const kept = readMerges(text(mergeXml(areas)), "", 0, noCheck);
    expect(kept.map(refOf)).toEqual(["A1:B2", "C1:C2", "C3:D3"]);
  });

  it.each([
    ["short areas", 0],
    ["short areas among full-height ones (a coarser index)", 6],
  ])("on 4,000 random %s: the same areas as comparing each with every earlier one", (_name, tall) => {
    const next = random(20_241_130 + tall);
    const areas: MergedArea[] = [];
    for (let i = 0; i < 4000; i++) {
      if (tall > 0 && i % 700 === 0) {
        const column = 1 + Math.floor(next() * 30);
        areas.push({ top: 1, left: column, bottom: 1_048_576, right: column });
        continue;
      }
      const top = 1 + Math.floor(next() * 3000);
      const left = 1 + Math.floor(next() * 30);
      areas.push({
        top,
        left,
        bottom: top + Math.floor(next() * next() * 40),
        right: left + Math.floor(next() * 3),
      });
    }
    const index = new MergeIndex(areas);
    // Full-height areas list too many rows for an index of one row per bucket.
    expect((index as unknown as { shift: number }).shift > 0).toBe(tall > 0);
    for (const area of areas) if (!index.overlaps(area)) index.keep(area);
    const kept = keptNaively(areas);
    expect(index.areas.slice().sort((a, b) => a.top - b.top || a.left - b.left)).toEqual(kept);
    expect(kept.length).toBeGreaterThan(100);
  });

  it("reads refs as written: lower case, $ signs, one cell, reversed corners", () => {
    const xml =
      '<mergeCells><mergeCell ref="b2:c3"/><mergeCell ref="$E$5:$F$6"/><mergeCell ref="H8"/><mergeCell ref="K12:J10"/><mergeCell ref="bad"/></mergeCells>';
    expect(readMerges(text(xml), "", 0, noCheck)).toEqual([
      { top: 2, left: 2, bottom: 3, right: 3 },
      { top: 5, left: 5, bottom: 6, right: 6 },
      { top: 8, left: 8, bottom: 8, right: 8 },
      { top: 10, left: 10, bottom: 12, right: 11 },
    ]);
  });

  it("finds mergeCell elements under any prefix, and only those", () => {
    const xml =
      '<x:mergeCells count="5"><x:mergeCell ref="A1:B1"/><a.b-c:mergeCell ref=\'C1:D1\'/><x:mergeCellX ref="E1:F1"/>' +
      '<y:z:mergeCell ref="G1:H1"/><x:mergeCell\tref = "I1:&#74;1"/><x:mergeCell ref="K1:L1"></x:mergeCell></x:mergeCells>';
    expect(readMerges(text(xml), "x:", 0, noCheck).map(refOf)).toEqual(["A1:B1", "C1:D1", "I1:J1", "K1:L1"]);
  });

  it("in a read sheet: a value under a dropped area stays, one under a kept area reads empty", async () => {
    const body =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>一、加强组织领导</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>省政府办公厅</t></is></c><c r="B2" t="inlineStr"><is><t>昆明市人民政府</t></is></c><c r="C2" t="inlineStr"><is><t>大理州人民政府</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>曲靖市</t></is></c><c r="C3" t="inlineStr"><is><t>玉溪市</t></is></c></row></sheetData>' +
      // B2:C3 overlaps A1:B2 and is dropped: C2 and C3 keep their values; B2 lies in A1:B2 and reads "".
      '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>';
    const wb = await XlsxWorkbook.fromBuffer(zipOf(handWorkbook([{ name: "分工方案", body }])), "x.xlsx");
    const grid = (await wb.readGrids()).plan;
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
    expect(grid.values).toEqual([
      ["一、加强组织领导", "", ""],
      ["", "", "大理州人民政府"],
      ["曲靖市", "", "玉溪市"],
    ]);
  });

  it("refuses an area beyond Excel's last row with the row limit's message", async () => {
    const body =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:A2000000"/></mergeCells>';
    const wb = await XlsxWorkbook.fromBuffer(zipOf(handWorkbook([{ name: "分工方案", body }])), "tall.xlsx");
    let error: UserError | undefined;
    try {
      await wb.readGrids();
    } catch (caught) {
      error = caught as UserError;
    }
    expect(error?.code).toBe("file.too-many-rows");
    expect(error?.messageIn("en-US")).toContain("2,000,000");
  });
});
