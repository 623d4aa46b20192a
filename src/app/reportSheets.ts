/** Use cases "write findings" and "totals by unit": our own report sheets, replaced on each run. */
import { cellAddress, columnNumber } from "../core/address";
import { REPORT_SHEET_NAMES } from "../core/reportNames";
import { totalsTable } from "../core/summary";
import type { Report } from "../core/types";
import { appText } from "./messages";
import type { CellLink, ReportSheet, WorkbookPort } from "./port";

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
      finding.rule,
      finding.row ?? "",
      address,
      finding.message,
      finding.suggestion ?? "",
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
  return {
    kind: "totals",
    name: REPORT_SHEET_NAMES.totals[report.language],
    replaces: Object.values(REPORT_SHEET_NAMES.totals),
    rows: [table.header, ...table.rows],
    links: [],
    columnWidths: [28, 10, 14, 8, 10, 10, 8, 10],
  };
}

export async function writeFindings(port: WorkbookPort, report: Report): Promise<ReportSheet> {
  const sheet = findingsSheet(report);
  await port.writeReportSheet(sheet);
  return sheet;
}

export async function writeTotals(port: WorkbookPort, report: Report): Promise<ReportSheet> {
  const sheet = totalsSheet(report);
  await port.writeReportSheet(sheet);
  return sheet;
}
