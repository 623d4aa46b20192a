/** Write one of our report sheets (findings, totals) into an exceljs workbook, replacing any earlier one. */
import type { Workbook } from "exceljs";
import type { ReportSheet } from "../app/port";
import { quoteSheetName, replaceSheet } from "./sheets";

/** Text that Excel would take for a formula if typed: kept as text, and marked as text ("@"). */
const FORMULA_LIKE = /^[=+\-@]/;

export function writeReportSheet(workbook: Workbook, report: ReportSheet): void {
  const sheet = replaceSheet(workbook, report.name, report.replaces);
  const links = new Map<string, string>();
  for (const link of report.links) {
    links.set(`${link.row}:${link.column}`, `#${quoteSheetName(link.sheet)}!${link.address}`);
  }
  report.rows.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    values.forEach((value, c) => {
      if (value === null || value === "") return;
      const cell = row.getCell(c + 1);
      const target = links.get(`${r}:${c}`);
      if (target !== undefined) {
        cell.value = { text: String(value), hyperlink: target };
        cell.font = { color: { argb: "FF0563C1" }, underline: true };
        return;
      }
      // A string stays a string value in exceljs (a formula would be { formula }), so "=SUM(A1)" is text.
      cell.value = value;
      if (typeof value === "string" && FORMULA_LIKE.test(value)) cell.numFmt = "@";
    });
  });
  if (report.rows.length > 0) sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  report.columnWidths?.forEach((width, c) => {
    if (Number.isFinite(width) && width > 0) sheet.getColumn(c + 1).width = width;
  });
}
