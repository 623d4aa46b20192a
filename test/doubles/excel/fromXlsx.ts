/**
 * Build an ExcelDouble from .xlsx bytes (exceljs), holding what Excel's range.values would give:
 * dates as serial numbers, formulas as their cached results, rich text as plain text, error values as
 * "#N/A"-style strings, and "" in every merged cell but the top-left. Also sheet visibility, the active
 * sheet, number formats, solid fills, workbook names and expression conditional formats (as Custom).
 */
import ExcelJS from "exceljs";
import { ExcelDouble, type ExcelDoubleOptions } from "./excelDouble";
import { cellFor, type CellScalar, type Visibility } from "./state";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function excelValue(value: ExcelJS.CellValue): CellScalar | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / 86_400_000;
  if (typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if ("result" in v) return v.result === undefined ? "" : excelValue(v.result as ExcelJS.CellValue);
    if ("formula" in v || "sharedFormula" in v) return "";
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((part) => part.text).join("");
    if (typeof v.text === "string") return v.text;
    if (typeof v.error === "string") return v.error;
  }
  return String(value);
}

const VISIBILITY: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

const colour = (argb: unknown): string | undefined =>
  typeof argb === "string" && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;

export async function doubleFromXlsx(
  data: ArrayBuffer | Uint8Array,
  options: ExcelDoubleOptions = {},
): Promise<ExcelDouble> {
  const workbook = new ExcelJS.Workbook();
  // exceljs' typings want a Node Buffer; it accepts any of these.
  await workbook.xlsx.load(data as unknown as Parameters<ExcelJS.Workbook["xlsx"]["load"]>[0]);
  const excel = new ExcelDouble(options);
  for (const worksheet of workbook.worksheets) {
    const sheet = excel.addSheet(worksheet.name, { visibility: VISIBILITY[worksheet.state] ?? "Visible" });
    worksheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const isSlave = cell.isMerged && cell.master && cell.master.address !== cell.address;
        const value = isSlave ? null : excelValue(cell.value);
        const numFmt = typeof cell.numFmt === "string" && cell.numFmt !== "General" ? cell.numFmt : undefined;
        const fill =
          cell.fill && cell.fill.type === "pattern" && cell.fill.pattern === "solid"
            ? colour(cell.fill.fgColor?.argb)
            : undefined;
        if ((value === null || value === "") && !numFmt && !fill) return;
        const state = cellFor(sheet, r, c);
        if (value !== null) state.value = value;
        const formula = (cell.value as { formula?: unknown } | null)?.formula;
        if (!isSlave && typeof formula === "string") state.formula = `=${formula}`;
        if (numFmt) state.numberFormat = numFmt;
        if (fill) state.fill = fill;
      });
    });
    const merges = (worksheet.model as unknown as { merges?: string[] }).merges ?? [];
    for (const merge of merges) excel.merge(worksheet.name, merge);
    const formattings =
      (worksheet as unknown as { conditionalFormattings?: { ref: string; rules: Record<string, unknown>[] }[] })
        .conditionalFormattings ?? [];
    for (const formatting of formattings) {
      for (const rule of formatting.rules) {
        const formulae = rule.formulae as string[] | undefined;
        const style = rule.style as { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } } } | undefined;
        const range = formatting.ref.split(/\s+/)[0];
        if (rule.type === "expression" && formulae?.[0]) {
          excel.addConditionalFormat(worksheet.name, {
            type: "Custom",
            range,
            formula: `=${formulae[0].replace(/^=/, "")}`,
            fill: colour(style?.fill?.bgColor?.argb ?? style?.fill?.fgColor?.argb),
          });
        } else {
          excel.addConditionalFormat(worksheet.name, { type: String(rule.type), range, config: { ...rule } });
        }
      }
    }
    // exceljs lists conditional formats in file order (first = highest priority): keep it.
    sheet.conditionalFormats.reverse();
  }
  const activeTab = workbook.views?.[0]?.activeTab;
  const active = typeof activeTab === "number" ? workbook.worksheets[activeTab] : undefined;
  if (active) excel.activate(active.name);
  for (const defined of (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ??
    []) {
    if (defined.ranges.length > 0) excel.addName(defined.name, `=${defined.ranges.join(",")}`);
  }
  return excel;
}
