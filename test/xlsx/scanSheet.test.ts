/**
 * The package reader (zip central directory + a scan of the sheet XML) gives the same Grid as exceljs' full
 * read (src/xlsx/readGrid.ts) on every fixture, on generated plans, and on hand-written XML with what other
 * tools write (rich and phonetic text, inline strings, errors, formulas, 1904 dates, merges, hidden rows).
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { readGrid } from "./oracle/readGrid";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { enableLinearMergeCheck } from "./oracle/linearMerges";
import { fflateCodec } from "../../src/xlsx/zipCodec";
import { nodeZipCodec } from "../../src/cli/nodeZip";
import { generatePlan } from "../../bench/generatePlan";
import { writePlanXlsx } from "../../bench/writeXlsx";
import type { Grid } from "../../src/core/types";
import { handWorkbook, zipOf } from "./packageParts";

const FIXTURES = join(__dirname, "..", "fixtures");
const xlsxIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(dir, f));

interface Read {
  sheets: { name: string; state: string }[];
  grids: Grid[];
}

async function viaExceljs(bytes: Uint8Array): Promise<Read | "fails"> {
  enableLinearMergeCheck();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return "fails";
  }
  if (wb.worksheets.length === 0) return "fails";
  const date1904 = Boolean(wb.properties?.date1904);
  return {
    sheets: wb.worksheets.map((ws) => ({ name: ws.name, state: ws.state })),
    grids: wb.worksheets.map((ws) => readGrid(ws, date1904)),
  };
}

async function viaPackage(bytes: Uint8Array, codec = nodeZipCodec): Promise<Read | "fails"> {
  let wb: XlsxWorkbook;
  try {
    wb = await XlsxWorkbook.fromBuffer(bytes, "x.xlsx", { codec });
  } catch {
    return "fails";
  }
  const sheets = wb.sheets();
  return {
    sheets,
    grids: sheets.map((s) =>
      wb.readSheet((wb as unknown as { findWorksheet(n: string): never }).findWorksheet(s.name)),
    ),
  };
}

/** Grids compared as plain data (numberFormats rows may be sparse in both). */
const plain = (read: Read | "fails") => (read === "fails" ? read : JSON.parse(JSON.stringify(read)));

describe("the package reader gives exceljs' Grid", () => {
  it.each([...xlsxIn(FIXTURES), ...xlsxIn(join(FIXTURES, "bad"))].map((f) => [f.slice(FIXTURES.length + 1), f]))(
    "%s",
    async (_name, file) => {
      const bytes = readFileSync(file);
      const expected = await viaExceljs(bytes);
      const actual = await viaPackage(bytes);
      expect(plain(actual)).toEqual(plain(expected));
      // fflate (the browser's inflater) reads the same.
      expect(plain(await viaPackage(bytes, fflateCodec))).toEqual(plain(expected));
    },
    30_000,
  );

  it.each(["two-column", "one-column"] as const)(
    "on a generated %s plan of 3,000 rows",
    async (layout) => {
      const dir = mkdtempSync(join(tmpdir(), "fengong-scan-"));
      try {
        const file = join(dir, "plan.xlsx");
        await writePlanXlsx(generatePlan({ rows: 3000, layout, seed: 7 }).grid, file);
        const bytes = readFileSync(file);
        const expected = await viaExceljs(bytes);
        expect(expected).not.toBe("fails");
        expect(plain(await viaPackage(bytes))).toEqual(plain(expected));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it("on what other tools write: rich, phonetic and escaped text, inline strings, errors, formulas, merges, hidden rows", async () => {
    const strings = [
      "省发展改革委",
      '<r><rPr><b/></rPr><t>省财政厅</t></r><r><t xml:space="preserve"> 牵头</t></r>',
      '<t>昆明市</t><rPh sb="0" eb="3"><t>クンミン</t></rPh>',
      "<t>第一行_x000D_&#10;第二行 &amp; 附件</t>",
      "",
    ];
    const sharedStringsXml =
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      strings.map((s, i) => (i === 0 ? `<si><t>${s}</t></si>` : i === 4 ? "<si/>" : `<si>${s}</si>`)).join("") +
      "</sst>";
    const body =
      '<dimension ref="A1:F9"/><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' +
      '<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>内联文字 &lt;甲&gt;</t></is></c><c r="B2" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="b"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" s="1"><v>42916</v></c><c r="B3" s="2"><v>42916.5</v></c><c r="C3" s="3"><v>12</v></c><c r="D3" s="4"><v>0.4285</v></c><c r="E3"><v>1.5E3</v></c></row>' +
      '<row r="4"><c r="A4"><f>A3+1</f><v>42917</v></c><c r="B4" s="1"><f>A3+1</f><v>42917</v></c><c r="C4" t="str"><f>"a&amp;amp;b"</f><v>a&amp;amp;b</v></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E4"><f>NOW()</f></c><c r="F4" t="b"><f>TRUE</f><v>1</v></c></row>' +
      '<row r="5" hidden="1" s="2" customFormat="1"><c r="A5" s="2"/></row>' +
      '<row r="6" hidden="1"><c r="A6" t="s"><v>0</v></c><c r="B6" t="s"><v>1</v></c></row>' +
      '<row r="7" hidden="1"/>' +
      '<row r="8"><c r="B8" t="s"><v>0</v></c></row>' +
      '<row r="9"><c r="A9" t="s"><v>0</v></c><c r="B9"><v>7</v></c></row>' +
      "</sheetData>" +
      '<mergeCells count="2"><mergeCell ref="A6:B7"/><mergeCell ref="E8:F9"/></mergeCells>';
    const parts = handWorkbook(
      [
        { name: "分工方案", body },
        { name: "隐藏表", body: '<sheetData><row r="3"><c r="C3"><v>5</v></c></row></sheetData>', state: "hidden" },
        { name: "空表", body: "<sheetData/>", state: "veryHidden" },
      ],
      { sharedStringsXml },
    );
    const bytes = zipOf(parts);
    const expected = await viaExceljs(bytes);
    expect(expected).not.toBe("fails");
    expect(plain(await viaPackage(bytes))).toEqual(plain(expected));
    // and in the 1904 date system
    const bytes1904 = zipOf({
      ...parts,
      "xl/workbook.xml": parts["xl/workbook.xml"].replace("<bookViews>", '<workbookPr date1904="1"/><bookViews>'),
    });
    const expected1904 = await viaExceljs(bytes1904);
    expect(plain(await viaPackage(bytes1904))).toEqual(plain(expected1904));
  });

  it("on start tags spelled every way XML allows and cells laid out over several lines", async () => {
    const body =
      "<sheetData>\n" +
      '  <row r="1"\tspans="1:6"><c\nr="A1"\tt="s"><v>0</v></c><c t = "s" r = \'B1\'><v>1</v></c><c s="1" r="C1"><v>42916</v></c>' +
      '<c r="D1" s="0"><v>00042</v></c><c r="E1" t="n"><v>-3.25</v></c><c r="F1"><v>12345678901234567890</v></c></row>\n' +
      '  <row r="2" hidden=\'true\'>\n    <c r="A2" t="b">\n      <v>0</v>\n    </c>\n    <c r="B2" t="inlineStr"><is><t>文山州</t></is></c>\n' +
      '    <c r="C2" t="b"><v>1</v></c><c r="D2" t="str"><v>12</v></c><c r="E2" t="e"><v>#REF!</v></c><c r="F2"><v></v></c></row>\n' +
      '  <row r="3" spans="1:2" hidden="1"><c r="A3" s="2"/><c r="B3" t="s"><v>2</v></c></row>\n' +
      '  <row r="5"><c r="A5" t="s" s="3"><v>1</v></c><c r="C5" s="4"><v>0.25</v></c><c r="E5"><v>1E+3</v></c></row>\n' +
      "</sheetData>";
    const parts = handWorkbook([{ name: "分工方案", body }], { sharedStrings: ["楚雄州", "红河州", "西双版纳州"] });
    const bytes = zipOf(parts);
    const expected = await viaExceljs(bytes);
    expect(expected).not.toBe("fails");
    expect(plain(await viaPackage(bytes))).toEqual(plain(expected));
    expect(plain(await viaPackage(bytes, fflateCodec))).toEqual(plain(expected));
  });

  it("on hidden rows under merged areas of every shape (hidden rows with and without cells)", async () => {
    const rows: string[] = [];
    const merges: string[] = [];
    for (let block = 0; block < 40; block++) {
      const r = block * 6 + 1;
      rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>第${block + 1}项 昭通市</t></is></c></row>`);
      // Hidden rows: some with cells, some empty, some only covered by an area below its top row.
      for (let k = 1; k <= 4; k++) {
        const hiddenRow = r + k;
        const cell = (block + k) % 3 === 0 ? `<c r="C${hiddenRow}"><v>${block * 10 + k}</v></c>` : "";
        rows.push(`<row r="${hiddenRow}" hidden="1">${cell}</row>`);
      }
      const shape = block % 4;
      if (shape === 0) merges.push(`A${r}:A${r + 2}`); // one column, down into hidden rows
      if (shape === 1) merges.push(`A${r + 1}:B${r + 1}`); // one hidden row, two columns
      if (shape === 2) merges.push(`B${r + 2}:B${r + 2}`); // one cell on a hidden row
      if (shape === 3) merges.push(`D${r + 3}:D${r + 4}`); // top row hidden, one column
    }
    const body =
      `<sheetData>${rows.join("")}</sheetData>` +
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
    const bytes = zipOf(handWorkbook([{ name: "分工方案", body }]));
    const expected = await viaExceljs(bytes);
    expect(expected).not.toBe("fails");
    const actual = plain(await viaPackage(bytes));
    expect(actual).toEqual(plain(expected));
    expect(actual.grids[0].hiddenRows.length).toBeGreaterThan(40);
  });

  it.each([
    [
      "rows and cells out of order, a cell written twice",
      '<sheetData><row r="5"><c r="C5" t="s"><v>0</v></c><c r="A5"><v>3</v></c></row><row r="2"><c r="B2" s="1"><v>42916</v></c><c r="B2" s="1"><v>42917</v></c></row><row r="3"><c r="D3" t="s"><v>1</v></c></row></sheetData>',
    ],
    [
      "a used range starting at column C, with dates",
      '<sheetData><row r="4"><c r="C4" t="s"><v>0</v></c><c r="E4" s="2"><v>45626</v></c></row><row r="5"><c r="D5" s="4"><v>0.5</v></c><c r="F5"><v>7</v></c></row></sheetData>',
    ],
    [
      "values under merged cells at the edge of the used range (the range shrinks)",
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>5</v></c><c r="D2" s="1"><v>45000</v></c></row><row r="3"><c r="D3" t="s"><v>2</v></c></row></sheetData>' +
        '<mergeCells count="1"><mergeCell ref="C2:D3"/></mergeCells>',
    ],
    [
      "merged areas reaching above and left of the values",
      '<sheetData><row r="3"><c r="C3" t="s"><v>0</v></c><c r="D3"><v>1</v></c></row><row r="4"><c r="D4" s="2"><v>45626</v></c></row></sheetData>' +
        '<mergeCells count="2"><mergeCell ref="C3:C6"/><mergeCell ref="A1:D2"/></mergeCells>',
    ],
    [
      // A start tag ends at the first ">" outside its quoted values (the scan reads the tag's attributes to find it).
      'a ">" inside attribute values (legal XML), in a row tag and a cell tag',
      '<sheetData><row r="1" x14ac:dyDescent="0.25 > 0"><c r="A1" t="s" cm="a>b"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row>' +
        "<row r='2'><c r='A2' t='s' vm='>'><v>1</v></c></row></sheetData>",
    ],
    [
      // The end of the data is found from the end of the part: what follows it must not pass for rows.
      "page breaks after the data (<rowBreaks> starts like <row)",
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData>' +
        '<rowBreaks count="1" manualBreakCount="1"><brk id="1" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="1" max="1048575" man="1"/></colBreaks>',
    ],
    [
      "a master cell holding the only value of a wide merged row",
      '<sheetData><row r="7"><c r="B7" t="s"><v>1</v></c><c r="C7"/><c r="D7"/></row></sheetData><mergeCells count="1"><mergeCell ref="B7:F8"/></mergeCells>',
    ],
  ])("on %s", async (_name, body) => {
    const parts = handWorkbook([{ name: "分工方案", body }], {
      sharedStrings: ["曲靖市人民政府", "省教育厅", "保山市"],
    });
    const bytes = zipOf(parts);
    const expected = await viaExceljs(bytes);
    expect(expected).not.toBe("fails");
    expect(plain(await viaPackage(bytes))).toEqual(plain(expected));
  });

  it("ends the data at its close tag when rows carry no attributes and page breaks follow (exceljs rejects such rows)", async () => {
    const body =
      '<sheetData><row><c t="s"><v>2</v></c></row><row><c><v>7</v></c></row><row/></sheetData>' +
      '<rowBreaks count="1" manualBreakCount="1"><brk id="2" max="16383" man="1"/></rowBreaks>';
    const parts = handWorkbook([{ name: "分工方案", body }], {
      sharedStrings: ["曲靖市人民政府", "省教育厅", "保山市"],
    });
    for (const codec of [nodeZipCodec, fflateCodec]) {
      const wb = await XlsxWorkbook.fromBuffer(zipOf(parts), "x.xlsx", { codec });
      expect((await wb.readGrids()).plan.values).toEqual([["保山市"], [7]]);
    }
  });

  it("reads a sheet whose elements carry a prefix (x:worksheet, as some .NET tools write), after a byte-order mark", async () => {
    const parts = handWorkbook([{ name: "分工方案", body: "<sheetData/>" }], {
      sharedStrings: ["省林草局", "怒江州人民政府"],
    });
    parts["xl/worksheets/sheet1.xml"] =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="2" hidden="1"><x:c r="A2" s="2"><x:v>45626</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>迪庆州</x:t></x:is></x:c></x:row>' +
      '<x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B2:B3"/></x:mergeCells></x:worksheet>';
    for (const codec of [nodeZipCodec, fflateCodec]) {
      const wb = await XlsxWorkbook.fromBuffer(zipOf(parts), "x.xlsx", { codec });
      const grid = (await wb.readGrids()).plan;
      expect(grid.values).toEqual([
        ["省林草局", "怒江州人民政府"],
        [45626, "迪庆州"],
        [3, ""],
      ]);
      expect(grid.numberFormats?.[1]?.[0]).toBe('yyyy"年"m"月"d"日"');
      expect(grid.merges).toEqual([{ top: 2, left: 2, bottom: 3, right: 2 }]);
      expect(grid.hiddenRows).toEqual([2]);
    }
  });

  it.each([
    [
      "a cell left open: the row ends at its </row>",
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></row><row r="2"><c r="A2"><v>2</v></c><c r="B2" t="s"><v>1</v></c></row></sheetData>',
      [
        ["普洱市", ""],
        [2, "临沧市"],
      ],
    ],
    [
      "a row left open: it runs to the next </row>",
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c></row></sheetData>',
      [
        [2, ""],
        ["", ""],
        ["", 3],
      ],
    ],
    [
      "the last cell of the sheet left open, and another element among the cells",
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><cx r="B1"/><c r="C1"><v>5</v></c></row><row r="2"><c r="A2"><v>7</v></c><c r="B2"><v>8</v></sheetData>',
      [
        ["普洱市", "", 5],
        [7, 8, ""],
      ],
    ],
  ])("reads what it can of malformed rows (%s), as before", async (_name, body, values) => {
    const bytes = zipOf(handWorkbook([{ name: "分工方案", body }], { sharedStrings: ["普洱市", "临沧市"] }));
    const wb = await XlsxWorkbook.fromBuffer(bytes, "x.xlsx");
    expect((await wb.readGrids()).plan.values).toEqual(values);
  });

  it("reads rows and cells written without references (exceljs refuses them) in order", async () => {
    const body =
      '<sheetData><row><c t="inlineStr"><is><t>序号</t></is></c><c t="inlineStr"><is><t>牵头单位</t></is></c></row><row><c><v>1</v></c><c r="C2" t="inlineStr"><is><t>省财政厅</t></is></c></row></sheetData>';
    const wb = await XlsxWorkbook.fromBuffer(zipOf(handWorkbook([{ name: "表", body }])), "x.xlsx");
    expect((await wb.readGrids()).plan.values).toEqual([
      ["序号", "牵头单位", ""],
      [1, "", "省财政厅"],
    ]);
  });
});

describe("a Chinese character across a chunk boundary", () => {
  /** A shared string long enough that, at some offset, a 3-byte character straddles every 16 KiB boundary. */
  it.each([0, 1, 2])("comes out whole when shifted by %i bytes (node:zlib and fflate)", async (shift) => {
    const unit = "一二三四五六七八九十省市县区乡镇";
    const text = "a".repeat(shift) + unit.repeat(12_000);
    const parts = handWorkbook(
      [{ name: "s", body: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' }],
      {
        sharedStrings: [text],
      },
    );
    // The sheet and the strings, deflated whole and also stored.
    const bytes = zipOf(parts);
    for (const codec of [nodeZipCodec, fflateCodec]) {
      const wb = await XlsxWorkbook.fromBuffer(bytes, "x.xlsx", { codec });
      expect((await wb.readGrids()).plan.values[0][0]).toBe(text);
    }
    // The inflaters hand out data in pieces (fflate in 64 KiB input slices; zlib in 16 KiB chunks): the
    // reader joins the bytes before decoding, so no boundary can split a character.
    expect(deflateRawSync(Buffer.from(text)).length).toBeGreaterThan(0);
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * 65_536);
  });
});
