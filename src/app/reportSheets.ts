/** Use cases "write findings" and "totals by unit": our own report sheets, replaced on each run. */
import { cellAddress, columnNumber } from "../core/address";
import { REPORT_SHEET_NAMES } from "../core/reportNames";
import type { Assessment } from "../core/assessment";
import { assessmentTable } from "../core/assessmentText";
import { totalsTable } from "../core/summary";
import type { Language, Report, RuleId } from "../core/types";
import { appText, type AppTextKey } from "./messages";
import type { CellLink, ReportSheet, WorkbookPort } from "./port";

/** Excel holds at most 32,767 characters in a cell: a longer value fails in Excel and makes an .xlsx "need repair". */
export const MAX_CELL_TEXT = 32_767;

/** A value for a report cell: text longer than a cell holds is cut (never inside a surrogate pair) and ends in "……". */
export function cellValue<T extends string | number>(value: T): T | string {
  if (typeof value !== "string" || value.length <= MAX_CELL_TEXT) return value;
  let end = MAX_CELL_TEXT - 2;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}……`;
}

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/**
 * The name for our sheet: `name` unless a sheet that is not ours holds it (Excel compares names ignoring case),
 * else "name (2)", "name (3)" … — the first free one, cut to Excel's 31 characters.
 */
export function reportSheetName(name: string, takenByOthers: readonly string[]): string {
  const taken = new Set(takenByOthers.map((n) => n.toLocaleUpperCase()));
  if (!taken.has(name.toLocaleUpperCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLocaleUpperCase())) return candidate;
  }
}

/** A rule's name in the report's language ("缺少牵头单位", not "lead.missing"). */
export const ruleName = (language: Language, rule: RuleId): string => appText(language, `rule.${rule}` as AppTextKey);

export function findingsSheet(report: Report): ReportSheet {
  const lang = report.language;
  const header = ["col.severity", "col.rule", "col.row", "col.cell", "col.message", "col.suggestion"] as const;
  const rows: ReportSheet["rows"] = [header.map((key) => appText(lang, key))];
  const links: CellLink[] = [];
  for (const finding of report.findings) {
    const address =
      finding.row !== null && finding.column !== null ? cellAddress(finding.row, columnNumber(finding.column)) : "";
    if (address) links.push({ row: rows.length, column: 3, sheet: finding.sheet, address });
    rows.push([
      appText(lang, `severity.${finding.severity}`),
      ruleName(lang, finding.rule),
      finding.row ?? "",
      address,
      cellValue(finding.message),
      cellValue(finding.suggestion ?? ""),
    ]);
  }
  return {
    kind: "findings",
    name: REPORT_SHEET_NAMES.findings[lang],
    replaces: Object.values(REPORT_SHEET_NAMES.findings),
    rows,
    links,
    columnWidths: [10, 26, 8, 10, 80, 24],
  };
}

export function totalsSheet(report: Report): ReportSheet {
  const table = totalsTable(report.totals, report.language);
  // The completion rate is the table's last column (a change-since-last-check column may come before it).
  const rateColumn = table.header.length - 1;
  // The rate as a number (0.429, shown 42.9% by the column's format), not the table's "42.9%" text.
  const rows = table.rows.map((row, i) => {
    const rate = report.totals[i]?.completionRate;
    return row.map((value, c) => (c === rateColumn ? (typeof rate === "number" ? rate : "") : cellValue(value)));
  });
  return {
    kind: "totals",
    name: REPORT_SHEET_NAMES.totals[report.language],
    replaces: Object.values(REPORT_SHEET_NAMES.totals),
    rows: [table.header, ...rows],
    links: [],
    columnWidths: [28, 10, 14, 8, 10, 10, 8, 10],
    numberFormats: table.header.map((_, c) => (c === 0 ? "@" : c === rateColumn ? "0.0%" : "0")),
  };
}

/** The ranking of the year-end assessment (考核评分): one row per unit, best first. */
export function assessmentSheet(report: Report, assessment: Assessment): ReportSheet {
  const table = assessmentTable(assessment, report.language);
  return {
    kind: "assessment",
    name: REPORT_SHEET_NAMES.assessment[report.language],
    replaces: Object.values(REPORT_SHEET_NAMES.assessment),
    rows: [table.header, ...table.rows.map((row) => row.map(cellValue))],
    links: [],
    columnWidths: [8, 28, 8, 10, 10, 10, 10, 12, 14],
  };
}

export async function writeAssessment(
  port: WorkbookPort,
  report: Report,
  assessment: Assessment,
): Promise<ReportSheet> {
  return write(port, assessmentSheet(report, assessment));
}

/** Write a report sheet; the sheet as written (its name is the one the workbook gave it). */
async function write(port: WorkbookPort, sheet: ReportSheet): Promise<ReportSheet> {
  const written = await port.writeReportSheet(sheet);
  return typeof written === "string" ? { ...sheet, name: written } : sheet;
}

export async function writeFindings(port: WorkbookPort, report: Report): Promise<ReportSheet> {
  return write(port, findingsSheet(report));
}

export async function writeTotals(port: WorkbookPort, report: Report): Promise<ReportSheet> {
  return write(port, totalsSheet(report));
}
