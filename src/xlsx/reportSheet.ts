/**
 * Write one of our report sheets (findings, totals) into an exceljs workbook, replacing our earlier one: only a
 * sheet this copy records as ours (fengong_settings row 2) is replaced; a user's sheet of the same name stays and
 * ours goes beside it ("问题清单 (2)"). (The package writer replacing this file does the same; see port.ts.)
 */
import type { Workbook } from "exceljs";
import type { ReportSheet } from "../app/port";
import { reportSheetName } from "../app/reportSheets";
import { readOwnedReportSheets, writeOwnedReportSheets } from "./settings";
import { addSheetAt, quoteSheetName, sameSheetName, sheetPosition } from "./sheets";

/** Text that Excel would take for a formula if typed: kept as text, and marked as text ("@"). */
const FORMULA_LIKE = /^[=+\-@]/;

export function writeReportSheet(workbook: Workbook, report: ReportSheet): string {
  const owned = readOwnedReportSheets(workbook);
  const ours = workbook.worksheets.filter((ws) => (owned[report.kind] ?? []).some((n) => sameSheetName(n, ws.name)));
  const position = sheetPosition(
    workbook,
    ours.map((ws) => ws.name),
  );
  for (const ws of ours) workbook.removeWorksheet(ws.id);
  const name = reportSheetName(
    report.name,
    workbook.worksheets.map((ws) => ws.name),
  );
  const sheet = addSheetAt(workbook, name, ours.length > 0 ? position : null, "visible");
  writeOwnedReportSheets(workbook, { ...owned, [report.kind]: [name] });
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
      const format = report.numberFormats?.[c];
      if (typeof value === "number" && r > 0 && format) cell.numFmt = format;
    });
  });
  if (report.rows.length > 0) sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  report.columnWidths?.forEach((width, c) => {
    if (Number.isFinite(width) && width > 0) sheet.getColumn(c + 1).width = width;
  });
  return name;
}
