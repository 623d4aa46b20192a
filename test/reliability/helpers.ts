/** Shared by the reliability tests: both ports on the same bytes, and what "nothing half-written" means. */
import { check, type CheckOptions } from "../../src/app/check";
import { OWNED_DATA_SHEET, OWNED_MARKER, OWNED_NAMES } from "../../src/app/port";
import { MAX_CELL_TEXT } from "../../src/app/reportSheets";
import { OWNED_SHEET_NAMES } from "../../src/core/reportNames";
import type { Report } from "../../src/core/types";
import { ExcelWorkbook } from "../../src/excel/excelWorkbook";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { decodeText } from "../../src/xlsx/csv";
import type { ExcelDouble, WorkbookSnapshot } from "../doubles/excel";

type SheetSnapshot = WorkbookSnapshot["sheets"][number];

/** The .xlsx port on these bytes (a .csv by its name). */
export async function xlsxPort(bytes: Uint8Array, fileName: string): Promise<XlsxWorkbook> {
  return /\.csv$/i.test(fileName)
    ? XlsxWorkbook.fromCsv(decodeText(bytes), fileName)
    : XlsxWorkbook.fromBuffer(bytes, fileName);
}

export async function xlsxReport(bytes: Uint8Array, fileName: string, options: CheckOptions): Promise<Report> {
  return check(await xlsxPort(bytes, fileName), options);
}

export const excelPort = (excel: ExcelDouble): ExcelWorkbook =>
  new ExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported });

/** Sheets, rules and names that are ours (report sheets in any language, fengong_*). */
export const isOurSheet = (name: string): boolean => OWNED_SHEET_NAMES.includes(name) || name.startsWith(OWNED_MARKER);
const isOurRule = (rule: { formula?: string }): boolean => rule.formula?.includes(OWNED_MARKER) ?? false;

/** The users' part of a snapshot: their sheets as they are, without our rules; their names; settings. */
export function usersPart(snapshot: WorkbookSnapshot): unknown {
  return {
    sheets: snapshot.sheets
      .filter((sheet) => !isOurSheet(sheet.name))
      .map((sheet) => ({ ...sheet, conditionalFormats: sheet.conditionalFormats.filter((rule) => !isOurRule(rule)) })),
    names: snapshot.names.filter((name) => !name.name.startsWith(OWNED_MARKER)),
    structureProtected: snapshot.structureProtected,
  };
}

/** Every cell we wrote: text stays text (formatted "@", never a formula) and fits an Excel cell. */
export function expectTextCells(sheet: SheetSnapshot): void {
  for (const [address, cell] of Object.entries(sheet.cells)) {
    expect({ address, formula: cell.f }).toEqual({ address, formula: undefined });
    if (typeof cell.v === "string") {
      expect({ address, format: cell.nf }).toEqual({ address, format: "@" });
      expect(cell.v.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    }
  }
}

/**
 * What the issue calls "no half-written report sheet or orphan rule": no temporary sheet of ours; our
 * highlights all there or none of it (three rules on one sheet, the three names, the very hidden data sheet
 * whose lists the names cover exactly); a report sheet either absent or equal to a finished one.
 * `finished` lists the report sheets a finished run may leave (from a clean run, or the state before).
 */
export function expectConsistent(snapshot: WorkbookSnapshot, finished: SheetSnapshot[]): void {
  const names = snapshot.sheets.map((sheet) => sheet.name);
  expect(names.filter((name) => name.startsWith("fengong_tmp"))).toEqual([]);

  const rules = snapshot.sheets.flatMap((sheet) =>
    sheet.conditionalFormats.filter(isOurRule).map((rule) => ({ sheet: sheet.name, formula: rule.formula })),
  );
  const ourNames = snapshot.names.filter((name) => name.name.startsWith(OWNED_MARKER));
  const data = snapshot.sheets.find((sheet) => sheet.name === OWNED_DATA_SHEET);
  if (rules.length === 0 && ourNames.length === 0 && !data) return expectReports(snapshot, finished);

  expect(rules).toHaveLength(3);
  expect(new Set(rules.map((rule) => rule.sheet)).size).toBe(1);
  expect(ourNames.map((name) => name.name).sort()).toEqual(Object.values(OWNED_NAMES).sort());
  expect(data?.visibility).toBe("VeryHidden");
  for (const name of ourNames) {
    // Each name covers exactly the filled cells of its first column, from its first row down.
    const match = /^=fengong_data!\$([A-E])\$(\d+):\$[A-E]\$(\d+)$/.exec(name.formula);
    expect(match).not.toBeNull();
    const [, column, first, last] = match!;
    const listed = Object.entries(data!.cells).filter(
      ([address, cell]) =>
        cell.v !== "" &&
        address.replace(/\d+$/, "") === column &&
        Number(address.replace(/^[A-Z]+/, "")) >= Number(first),
    );
    expect({ name: name.name, rows: listed.length }).toEqual({
      name: name.name,
      rows: Number(last) - Number(first) + 1,
    });
  }
  expectReports(snapshot, finished);
}

function expectReports(snapshot: WorkbookSnapshot, finished: SheetSnapshot[]): void {
  for (const sheet of snapshot.sheets.filter((s) => OWNED_SHEET_NAMES.includes(s.name))) {
    const candidates = finished.filter((f) => f.name === sheet.name);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.some((candidate) => equal(candidate, sheet))).toBe(true);
  }
}

function equal(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

/** The report sheets of a snapshot. */
export const reportSheets = (snapshot: WorkbookSnapshot): SheetSnapshot[] =>
  snapshot.sheets.filter((sheet) => OWNED_SHEET_NAMES.includes(sheet.name));

/** What both ports must agree on, whichever reads the workbook. */
export function comparable(report: Report): unknown {
  return {
    language: report.language,
    table: report.table,
    tasks: report.tasks,
    findings: report.findings.map(({ rule, severity, sheet, row, column, message, suggestion }) => ({
      rule,
      severity,
      sheet,
      row,
      column,
      message,
      suggestion,
    })),
    totals: report.totals,
    summary: report.summary,
  };
}

/** Per-unit figures recounted from the tasks (lead wins; a unit counts once per task). */
export function expectTotalsAgree(report: Report): void {
  const units = new Set(report.tasks.flatMap((task) => [...task.lead, ...task.responsible]));
  expect(new Set(report.totals.map((t) => t.unit))).toEqual(units);
  for (const totals of report.totals) {
    const tasks = report.tasks.filter((t) => t.lead.includes(totals.unit) || t.responsible.includes(totals.unit));
    const leads = tasks.filter((t) => t.lead.includes(totals.unit));
    expect(totals).toEqual({
      unit: totals.unit,
      lead: leads.length,
      responsible: tasks.length - leads.length,
      overdue: tasks.filter((t) => t.status === "overdue").length,
      overdueAsLead: leads.filter((t) => t.status === "overdue").length,
      dueSoon: tasks.filter((t) => t.status === "due-soon").length,
      done: tasks.filter((t) => t.status === "done").length,
      completionRate: tasks.length > 0 ? tasks.filter((t) => t.status === "done").length / tasks.length : null,
    });
  }
}
