import ExcelJS from "exceljs";
import type { ReportSheet } from "../../src/app/port";
import { writeReportSheet } from "../../src/xlsx/reportSheet";
import { readSettings, writeSettings, SETTINGS_SHEET } from "../../src/xlsx/settings";
import { dumpWorkbook, roundTrip } from "./workbookDump";

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

describe("writeReportSheet", () => {
  it("writes formula-like text as text, never as a formula", async () => {
    const wb = workbookWith("分工方案");
    writeReportSheet(wb, findings);
    const ws = (await roundTrip(wb)).getWorksheet("问题清单")!;
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
    const wb = workbookWith("分工方案");
    writeReportSheet(wb, findings);
    const ws = (await roundTrip(wb)).getWorksheet("问题清单")!;
    expect(ws.getCell("D2").value).toEqual({ text: "C14", hyperlink: "#'分工方案'!C14" });
    expect(ws.getCell("D3").value).toEqual({ text: "D13", hyperlink: "#'Bob''s plan'!D13" });
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(5).width).toBe(80);
  });

  it("replaces only the report sheet this copy records as ours, in its place; a user's sheet is left alone", async () => {
    const wb = workbookWith("分工方案", "Findings", "说明");
    expect(writeReportSheet(wb, findings)).toBe("问题清单");
    const back = await roundTrip(wb);
    const visible = (w: typeof back) => w.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name);
    expect(visible(back)).toEqual(["分工方案", "Findings", "说明", "问题清单"]);
    writeReportSheet(back, findings);
    expect(writeReportSheet(back, { ...findings, name: "Findings" })).toBe("Findings (2)");
    expect(visible(back)).toEqual(["分工方案", "Findings", "说明", "Findings (2)"]);
  });

  it("gives the same workbook when written twice", async () => {
    const wb = workbookWith("分工方案");
    writeReportSheet(wb, findings);
    const first = await roundTrip(wb);
    const expected = dumpWorkbook(first);
    writeReportSheet(first, findings);
    expect(dumpWorkbook(await roundTrip(first))).toEqual(expected);
  });
});

describe("settings in an .xlsx copy", () => {
  it("round-trips through a very hidden sheet and drops ill-formed fields", async () => {
    const wb = workbookWith("分工方案");
    writeSettings(wb, {
      published: "2017-05-10",
      dueSoonDays: 10,
      planSheet: "分工方案",
      columns: { lead: "c", deadline: "E" },
      language: "en-US",
    });
    const back = await roundTrip(wb);
    expect(back.getWorksheet(SETTINGS_SHEET)?.state).toBe("veryHidden");
    expect(readSettings(back)).toEqual({
      published: "2017-05-10",
      dueSoonDays: 10,
      planSheet: "分工方案",
      columns: { lead: "C", deadline: "E" },
      language: "en-US",
    });
    back.getWorksheet(SETTINGS_SHEET)!.getCell("B1").value =
      '{"published":"yesterday","dueSoonDays":-3,"columns":{"lead":"C1"}}';
    expect(readSettings(back)).toEqual({});
    back.getWorksheet(SETTINGS_SHEET)!.getCell("B1").value = "not json";
    expect(readSettings(back)).toEqual({});
  });

  it("gives no settings for a workbook that never saved any", () => {
    expect(readSettings(workbookWith("分工方案"))).toEqual({});
  });
});
