/** The workbook the formula engine evaluates, taken from an .xlsx (exceljs) or from the Excel double. */
import type ExcelJS from "exceljs";
import { OWNED_MARKER } from "../../src/app/port";
import { columnNumber } from "../../src/core/address";
import type { CellValue } from "../../src/core/types";
import type { WorkbookSnapshot } from "../doubles/excel";
import type { EngineRule, EngineSheet, EngineWorkbook } from "./engine";

/** A cell value as the sheet holds it (exceljs: rich text joined, formulas by their result, dates as serials). */
function exceljsValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25569;
  if (typeof value === "object" && "richText" in value) return value.richText.map((part) => part.text).join("");
  if (typeof value === "object" && "result" in value) return exceljsValue(value.result as ExcelJS.CellValue);
  if (typeof value === "object" && "text" in value) return String(value.text);
  if (typeof value === "object" && "error" in value) return String(value.error);
  return "";
}

interface FormattingModel {
  ref: string;
  rules: {
    type?: string;
    priority?: number;
    formulae?: unknown[];
    style?: { fill?: { bgColor?: { argb?: string } } };
  }[];
}

/** Sheets (values), names and our expression rules (by priority) of an exceljs workbook. */
export function fromExcelJs(workbook: ExcelJS.Workbook): EngineWorkbook {
  const sheets: EngineSheet[] = workbook.worksheets.map((ws) => {
    const values: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const line: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // exceljs shows a merged area's value in every cell of it; the file (and Excel) holds it in the first only.
        line[c - 1] = cell.isMerged && cell.master.address !== cell.address ? "" : exceljsValue(cell.value);
      });
      values[r - 1] = Array.from(line, (v) => v ?? "");
    });
    return { name: ws.name, values: Array.from(values, (row) => row ?? []) };
  });
  const names = workbook.definedNames.model.map((n) => ({ name: n.name, refersTo: n.ranges[0] }));
  const rules: (EngineRule & { priority: number })[] = [];
  for (const ws of workbook.worksheets) {
    const formattings = (ws as unknown as { conditionalFormattings?: FormattingModel[] }).conditionalFormattings ?? [];
    for (const formatting of formattings) {
      for (const rule of formatting.rules) {
        const formula = rule.formulae?.[0];
        if (rule.type !== "expression" || typeof formula !== "string" || !formula.includes(OWNED_MARKER)) continue;
        const fill = rule.style?.fill?.bgColor?.argb ?? "";
        rules.push({ sheet: ws.name, ref: formatting.ref, formula: `=${formula}`, fill, priority: rule.priority ?? 0 });
      }
    }
  }
  rules.sort((a, b) => a.priority - b.priority);
  return { sheets, names, rules };
}

/** Sheets (values), names and our custom rules (highest priority first) of the Excel double. */
export function fromDouble(snapshot: WorkbookSnapshot): EngineWorkbook {
  const sheets: EngineSheet[] = snapshot.sheets.map((sheet) => {
    const values: CellValue[][] = [];
    for (const [address, cell] of Object.entries(sheet.cells)) {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      const r = Number(m[2]) - 1;
      const c = columnNumber(m[1]) - 1;
      (values[r] ??= [])[c] = cell.v;
    }
    return { name: sheet.name, values: Array.from(values, (row) => Array.from(row ?? [], (v) => v ?? "")) };
  });
  const names = snapshot.names.map((n) => ({ name: n.name, refersTo: n.formula }));
  const rules: EngineRule[] = snapshot.sheets.flatMap((sheet) =>
    sheet.conditionalFormats
      .filter((f) => f.type === "Custom" && f.formula?.includes(OWNED_MARKER))
      .map((f) => ({ sheet: sheet.name, ref: f.range.replace(/\$/g, ""), formula: f.formula!, fill: f.fill ?? "" })),
  );
  return { sheets, names, rules };
}
