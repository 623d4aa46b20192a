// Reading workbooks in Node with exceljs: the sample (for the Excel double) and the pane's annotated copy.
import ExcelJS from "exceljs";

/** An exceljs cell value as Excel's range.values gives it (dates as serials, formulas as their result). */
export function plainValue(value) {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return plainValue(value.result);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
    return "";
  }
  return value;
}

/** Every sheet of a workbook file as { name, values, merges } (values from A1). */
export async function readSheets(file) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => {
    const values = [];
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row = [];
      for (let c = 1; c <= sheet.columnCount; c += 1) row.push(plainValue(sheet.getCell(r, c).value));
      values.push(row);
    }
    return { name: sheet.name, values, merges: [...(sheet.model.merges ?? [])] };
  });
}

/** What the pane wrote into a copy: sheet names, defined names, conditional-format formulas per sheet. */
export async function readAnnotations(file) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const formulas = {};
  for (const sheet of workbook.worksheets) {
    formulas[sheet.name] = (sheet.conditionalFormattings ?? []).flatMap((format) =>
      format.rules.flatMap((rule) => (rule.formulae ?? []).map(String)),
    );
  }
  const names = (workbook.definedNames.model ?? []).map((entry) => entry.name);
  return { sheets: workbook.worksheets.map((sheet) => sheet.name), names, formulas };
}

/** Totals per unit implied by the expected tasks (a unit counts once per task; lead wins). */
export function expectedTotals(tasks) {
  const totals = new Map();
  const of = (unit) => {
    if (!totals.has(unit)) totals.set(unit, { lead: 0, responsible: 0, overdue: 0 });
    return totals.get(unit);
  };
  for (const task of tasks) {
    for (const unit of new Set(task.lead)) {
      of(unit).lead += 1;
      if (task.status === "overdue") of(unit).overdue += 1;
    }
    for (const unit of new Set(task.responsible)) {
      if (task.lead.includes(unit)) continue;
      of(unit).responsible += 1;
      if (task.status === "overdue") of(unit).overdue += 1;
    }
  }
  return totals;
}
