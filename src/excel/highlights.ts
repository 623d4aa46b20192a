/**
 * Owned highlights in Excel, per the encoding contract of src/app/port.ts: a very hidden fengong_data
 * sheet with the row lists, workbook names over them, and one custom conditional format per category
 * whose formula names them. We recognise our rules by OWNED_MARKER in the formula, delete only those
 * (never clearAll), and never touch a user's rule, fill or value.
 *
 * Round trips: three to take stock (sheets, names, protection; each sheet's rules; the formulas of the
 * custom ones — skipped when there are none), then one to write (more only for very long row lists).
 */
import { UserError } from "../app/errors";
import {
  HIGHLIGHT_FILLS,
  OWNED_DATA_COLUMNS,
  OWNED_DATA_SHEET,
  OWNED_FORMULAS,
  OWNED_MARKER,
  OWNED_NAMES,
  errorCellKey,
  type HighlightCategory,
  type HighlightPlan,
} from "../app/port";
import { slices } from "./blocks";
import { rangeAddress } from "./addresses";
import type { ConditionalFormatProxy, WorksheetProxy } from "./officeTypes";
import type { Session } from "./session";

/** Set once the first write is queued: a failure after that may have left part of it applied. */
export interface WriteProgress {
  writing: boolean;
}

const CATEGORIES: HighlightCategory[] = ["overdue", "dueSoon", "error"];
const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const isOwnedName = (name: string): boolean => name.toLowerCase().startsWith(OWNED_MARKER);

/**
 * Ours: the formula names our marker. Or it is empty: a custom rule Excel never lets a user save without a
 * formula, so an empty one is ours, left by a write interrupted between adding the rule and setting its formula
 * (a batch is not a transaction).
 */
const isOwnedRuleFormula = (formula: unknown): boolean =>
  typeof formula === "string" && (formula === "" || formula.includes(OWNED_MARKER));

interface SheetStock {
  name: string;
  sheet: WorksheetProxy;
  protected: boolean;
  /** Our rules on this sheet, highest position first (so deleting them in order never shifts the next). */
  ownedRules: ConditionalFormatProxy[];
}

interface Stock {
  sheets: SheetStock[];
  /** Our workbook names that exist (exact spelling). */
  names: string[];
  dataSheet: SheetStock | null;
  /** null when ExcelApi 1.7 (workbook protection) is not supported. */
  structureProtected: boolean | null;
}

/** What of ours is in the workbook, and what is protected. */
export async function takeStock(session: Session): Promise<Stock> {
  const workbook = session.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  workbook.names.load("items/name");
  const structure = session.supports("1.7") ? workbook.protection : null;
  structure?.load("protected");
  await session.sync();

  const perSheet = worksheets.items.map((sheet) => {
    sheet.protection.load("protected");
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/type");
    return { sheet, formats };
  });
  await session.sync();

  const customs = perSheet.flatMap(({ formats }) =>
    formats.items
      .map((format, index) => ({ format, index }))
      .filter(({ format }) => format.type === "Custom")
      .map((entry) => {
        const rule = entry.format.customOrNullObject.rule;
        rule.load("formula");
        return { ...entry, rule, formats };
      }),
  );
  if (customs.length > 0) await session.sync();

  const sheets: SheetStock[] = perSheet.map(({ sheet, formats }) => ({
    name: sheet.name,
    sheet,
    protected: sheet.protection.protected,
    ownedRules: customs
      .filter((entry) => entry.formats === formats && isOwnedRuleFormula(entry.rule.formula))
      .sort((a, b) => b.index - a.index)
      .map((entry) => entry.format),
  }));
  return {
    sheets,
    names: workbook.names.items.map((item) => item.name).filter(isOwnedName),
    dataSheet: sheets.find((s) => sameName(s.name, OWNED_DATA_SHEET)) ?? null,
    structureProtected: structure ? structure.protected : null,
  };
}

/** Refuse before writing anything: a protected sheet we must change, or a protected structure. */
function checkWritable(stock: Stock, planSheet: SheetStock | null, needsStructure: boolean): void {
  if (planSheet?.protected) throw new UserError("sheet.protected", { sheet: planSheet.name });
  const blocked = stock.sheets.find((s) => s.protected && s.ownedRules.length > 0);
  if (blocked) throw new UserError("sheet.protected", { sheet: blocked.name });
  if (needsStructure && stock.structureProtected) throw new UserError("workbook.protected");
}

function deleteOwnedRules(stock: Stock): void {
  for (const sheet of stock.sheets) for (const rule of sheet.ownedRules) rule.delete();
}

function lists(plan: HighlightPlan): Record<HighlightCategory, number[]> {
  // Row 1 of each list holds 0, so a list is never empty and its name always refers to a range.
  return {
    overdue: [0, ...plan.overdueRows],
    dueSoon: [0, ...plan.dueSoonRows],
    error: [0, ...plan.errorCells.map((cell) => errorCellKey(cell.row, cell.column))],
  };
}

const nameFormula = (category: HighlightCategory, length: number): string => {
  const column = OWNED_DATA_COLUMNS[category];
  return `=${OWNED_DATA_SHEET}!$${column}$1:$${column}$${length}`;
};

/** Replace our highlights with the plan's: data sheet and names first, then the rules. */
export async function applyOwnedHighlights(
  session: Session,
  plan: HighlightPlan,
  targetBytes: number,
  progress: WriteProgress = { writing: false },
): Promise<void> {
  const { firstRow, lastRow, firstColumn, lastColumn } = plan.body;
  if (lastRow < firstRow || lastColumn < firstColumn || firstRow < 1 || firstColumn < 1) {
    await clearOwnedHighlightsIn(session, progress);
    return;
  }
  const stock = await takeStock(session);
  const planSheet = stock.sheets.find((s) => sameName(s.name, plan.sheet)) ?? null;
  if (!planSheet) throw new UserError("sheet.not-found", { sheet: plan.sheet });
  checkWritable(stock, planSheet, stock.dataSheet === null);
  progress.writing = true;

  const worksheets = session.workbook.worksheets;
  const data = lists(plan);
  let dataSheet: WorksheetProxy;
  if (stock.dataSheet) {
    dataSheet = stock.dataSheet.sheet;
    dataSheet.getRange("A:C").clear("Contents");
  } else {
    dataSheet = worksheets.add(OWNED_DATA_SHEET);
    dataSheet.visibility = "VeryHidden";
  }
  // Each list is one 2-D column array. Very long lists are written in requests of their own first.
  const rowsPerRequest = Math.max(1, Math.floor(targetBytes / 24));
  const chunked = CATEGORIES.reduce((n, category) => n + data[category].length, 0) > rowsPerRequest;
  for (const category of CATEGORIES) {
    const column = OWNED_DATA_COLUMNS[category];
    const values = data[category];
    for (const [start, end] of slices(values.length, rowsPerRequest)) {
      dataSheet.getRange(`${column}${start + 1}:${column}${end}`).values = values
        .slice(start, end)
        .map((value) => [value]);
      if (chunked) await session.sync();
    }
  }
  const names = session.workbook.names;
  for (const category of CATEGORIES) {
    const formula = nameFormula(category, data[category].length);
    const existing = stock.names.find((name) => sameName(name, OWNED_NAMES[category]));
    if (existing) names.getItem(existing).formula = formula;
    else names.add(OWNED_NAMES[category], formula);
  }
  deleteOwnedRules(stock);
  const body = planSheet.sheet.getRange(
    rangeAddress({ top: firstRow, left: firstColumn, bottom: lastRow, right: lastColumn }),
  );
  for (const category of CATEGORIES) {
    const format = body.conditionalFormats.add("Custom");
    format.custom.rule.formula = OWNED_FORMULAS[category];
    format.custom.format.fill.color = HIGHLIGHT_FILLS[category];
  }
  await session.sync();
}

/** Remove every rule, name and data sheet of ours; nothing else. */
export async function clearOwnedHighlightsIn(
  session: Session,
  progress: WriteProgress = { writing: false },
): Promise<void> {
  const stock = await takeStock(session);
  const ruleCount = stock.sheets.reduce((n, s) => n + s.ownedRules.length, 0);
  if (ruleCount === 0 && stock.names.length === 0 && !stock.dataSheet) return;
  checkWritable(stock, null, stock.dataSheet !== null);
  progress.writing = true;
  deleteOwnedRules(stock);
  for (const name of stock.names) session.workbook.names.getItem(name).delete();
  if (stock.dataSheet) {
    // A very hidden sheet is made merely hidden before it goes (the safe order on every platform).
    stock.dataSheet.sheet.visibility = "Hidden";
    stock.dataSheet.sheet.delete();
  }
  await session.sync();
}
