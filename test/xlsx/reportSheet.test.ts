import ExcelJS from "exceljs";
import type { ReportSheet } from "../../src/app/port";
import { XlsxWorkbook, SETTINGS_SHEET } from "../../src/xlsx/XlsxWorkbook";
import { loadWorkbook } from "./workbookDump";
import { zipEntries } from "./zipEntries";
const findings: ReportSheet = {
  kind: "findings",
  name: "问题清单",
  replaces: ["问题清单", "Findings"],
  rows: [
    ["严重程度", "规则", "行", "单元格", "问题说明", "修改建议"],
    ["错误", "lead.missing", 14, "C14", "=SUM(A1) 第14行没有牵头单位", ""],
    ["警告", "unit.duplicate", 13, "D13", "+1 重复", "@省直各部门"],
    ["提示", "unit.alias", 16, "D16", "-省发改委", null],
  ],
  links: [
    { row: 1, column: 3, sheet: "分工方案", address: "C14" },
    { row: 2, column: 3, sheet: "Bob's plan", address: "D13" },
  ],
  columnWidths: [10, 26, 8, 10, 80, 24],
};

function workbookWith(...names: string[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const name of names) wb.addWorksheet(name).getCell("A1").value = `old ${name}`;
  return wb;
}

async function portWith(...names: string[]): Promise<XlsxWorkbook> {
  const wb = workbookWith(...names);
  return XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), "w.xlsx");
}
const back = async (port: XlsxWorkbook) => loadWorkbook(await port.toBuffer());
const english: ReportSheet = { ...findings, name: "Findings" };

describe("writeReportSheet", () => {
  it("writes formula-like text as text, never as a formula", async () => {
    const port = await portWith("分工方案");
    await port.writeReportSheet(findings);
    const ws = (await back(port)).getWorksheet("问题清单")!;
    for (const address of ["E2", "E3", "F3", "E4"]) {
      const cell = ws.getCell(address);
      expect(typeof cell.value).toBe("string");
      expect(cell.formula).toBeUndefined();
    }
    expect(ws.getCell("E2").value).toBe("=SUM(A1) 第14行没有牵头单位");
    expect(ws.getCell("F3").value).toBe("@省直各部门");
    expect(ws.getCell("E2").numFmt).toBe("@");
    expect(ws.getCell("C2").value).toBe(14);
  });

  it("links cells to the plan with quoted sheet names, bolds and freezes the header, sets widths", async () => {
    const port = await portWith("分工方案");
    await port.writeReportSheet(findings);
    const ws = (await back(port)).getWorksheet("问题清单")!;
    // Internal links (Excel's <hyperlink location=…>, which needs no relationship part).
    const parts = [...zipEntries(await port.toBuffer()).values()].map((b) => b.toString("utf8"));
    const xml = parts.find((part) => part.includes("<hyperlinks>"))!;
    expect(xml).toContain(`<hyperlink ref="D2" location="'分工方案'!C14" display="C14"/>`);
    expect(xml).toContain(`<hyperlink ref="D3" location="'Bob''s plan'!D13" display="D13"/>`);
    expect(ws.getCell("D2").font?.underline).toBe(true);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(5).width).toBe(80);
  });

  it("replaces our sheet in place (renamed with the language), never a user's sheet of the same name", async () => {
    const port = await portWith("分工方案", "问题清单", "说明");
    const userSheet = async () => (await back(port)).getWorksheet("问题清单")!.getCell("A1").value;
    await port.writeReportSheet(findings);
    expect((await back(port)).worksheets.map((ws) => ws.name)).toEqual([
      "分工方案",
      "问题清单",
      "说明",
      "问题清单 (2)",
      SETTINGS_SHEET,
    ]);
    await port.writeReportSheet(english);
    await port.writeReportSheet(findings);
    expect((await back(port)).worksheets.map((ws) => ws.name)).toEqual([
      "分工方案",
      "问题清单",
      "说明",
      "问题清单 (2)",
      SETTINGS_SHEET,
    ]);
    expect(await userSheet()).toBe("old 问题清单");
    const other = await portWith("分工方案");
    await other.writeReportSheet(findings);
    await other.writeReportSheet(english);
    expect((await back(other)).worksheets.map((ws) => ws.name)).toEqual(["分工方案", "Findings", SETTINGS_SHEET]);
  });

  it("gives the same file when written twice", async () => {
    const port = await portWith("分工方案");
    await port.writeReportSheet(findings);
    const first = Buffer.from(await port.toBuffer());
    await port.writeReportSheet(findings);
    expect(Buffer.from(await port.toBuffer()).equals(first)).toBe(true);
  });

  it("writes the columns' number formats below the header (a completion rate as a percentage)", async () => {
    const port = await portWith("分工方案");
    await port.writeReportSheet({
      ...findings,
      kind: "totals",
      name: "按单位汇总",
      rows: [
        ["单位", "完成率"],
        ["省财政厅", 0.429],
      ],
      links: [],
      numberFormats: ["@", "0.0%"],
    });
    const ws = (await back(port)).getWorksheet("按单位汇总")!;
    expect(ws.getCell("B2").value).toBe(0.429);
    expect(ws.getCell("B2").numFmt).toBe("0.0%");
  });
});

describe("settings in an .xlsx copy", () => {
  it("round-trips through a very hidden sheet and drops ill-formed fields", async () => {
    const port = await portWith("分工方案");
    await port.writeSettings({
      published: "2017-05-10",
      dueSoonDays: 10,
      planSheet: "分工方案",
      columns: { lead: "c", deadline: "E" },
      language: "en-US",
    });
    const copy = await XlsxWorkbook.fromBuffer(await port.toBuffer(), "copy.xlsx");
    expect((await back(port)).getWorksheet(SETTINGS_SHEET)?.state).toBe("veryHidden");
    expect(await copy.readSettings()).toEqual({
      published: "2017-05-10",
      dueSoonDays: 10,
      planSheet: "分工方案",
      columns: { lead: "C", deadline: "E" },
      language: "en-US",
    });
    for (const json of ['{"published":"yesterday","dueSoonDays":-3,"columns":{"lead":"C1"}}', "not json"]) {
      const wb = workbookWith("分工方案");
      const sheet = wb.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
      sheet.getCell("A1").value = "fengong.settings";
      sheet.getCell("B1").value = json;
      const hand = await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), "hand.xlsx");
      expect(await hand.readSettings()).toEqual({});
    }
  });

  it("gives no settings for a workbook that never saved any, and keeps the owned-sheets marker when saving", async () => {
    const port = await portWith("分工方案");
    expect(await port.readSettings()).toEqual({});
    await port.writeReportSheet(findings);
    await port.writeSettings({ dueSoonDays: 5 });
    await port.writeReportSheet(findings);
    expect((await back(port)).worksheets.map((ws) => ws.name)).toEqual(["分工方案", "问题清单", SETTINGS_SHEET]);
    expect(await port.readSettings()).toEqual({ dueSoonDays: 5 });
  });
});
