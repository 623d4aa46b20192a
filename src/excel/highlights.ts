/**
 * Owned highlights in Excel, written from OwnedHighlightParts (src/app/highlightParts.ts): a very hidden
 * fengong_data sheet with the row keys, due dates and status words, workbook names over it, and one custom
 * conditional format per category whose formula names them. We recognise our rules by OWNED_MARKER in the
 * formula, delete only those (never clearAll), and never touch a user's rule, fill or value.
 *
 * Conditional formats are reached by position (Office.js has no other handle on a rule it did not just add), and
 * a co-author can add or delete rules between two of our requests. So rules are never deleted by a position read
 * in an earlier request: the collections are read again in the request right before the one that deletes, with
 * nothing of ours in between, and only the rules whose formula that read shows as ours are deleted.
 *
 * Round trips: three to take stock (sheets, names, protection; each sheet's rules; the formulas of the
 * custom ones — skipped when there are none), one to write the data sheet and names and read the rules again
 * (two when there are custom rules), one to delete ours and add the new ones.
 */
import { UserError } from "../app/errors";
import { ownedHighlightParts } from "../app/highlightParts";
import { OWNED_DATA_SHEET, OWNED_MARKER, type HighlightPlan } from "../app/port";
import { estimateJsonBytes, slices } from "./blocks";
import type { ConditionalFormatProxy, WorksheetProxy } from "./officeTypes";
import type { Session } from "./session";

/** Set once the first write is queued: a failure after that may have left part of it applied. */
export interface WriteProgress {
  writing: boolean;
}

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

/** Our rules on each sheet, read now: positions valid until the next request (highest position first). */
async function readOwnedRules(
  session: Session,
  sheets: WorksheetProxy[],
  extra: () => void = () => undefined,
): Promise<ConditionalFormatProxy[][]> {
  const perSheet = sheets.map((sheet) => {
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/type");
    return formats;
  });
  extra();
  await session.sync();
  const customs = perSheet.flatMap((formats, sheetIndex) =>
    formats.items
      .map((format, index) => ({ format, index }))
      .filter(({ format }) => format.type === "Custom")
      .map((entry) => {
        const rule = entry.format.customOrNullObject.rule;
        rule.load("formula");
        return { ...entry, rule, sheetIndex };
      }),
  );
  if (customs.length > 0) await session.sync();
  return perSheet.map((_, sheetIndex) =>
    customs
      .filter((entry) => entry.sheetIndex === sheetIndex && isOwnedRuleFormula(entry.rule.formula))
      .sort((a, b) => b.index - a.index)
      .map((entry) => entry.format),
  );
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

  const owned = await readOwnedRules(session, worksheets.items, () => {
    for (const sheet of worksheets.items) sheet.protection.load("protected");
  });
  const sheets: SheetStock[] = worksheets.items.map((sheet, i) => ({
    name: sheet.name,
    sheet,
    protected: sheet.protection.protected,
    ownedRules: owned[i],
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

/**
 * Delete our rules as they are now: read the collections again (after `queued`, the caller's writes that go in
 * the same request), then queue the deletes of the rules that read shows as ours. The caller syncs.
 */
async function deleteOwnedRulesNow(
  session: Session,
  stock: Stock,
  queued: () => void = () => undefined,
): Promise<void> {
  const owned = await readOwnedRules(
    session,
    stock.sheets.map((s) => s.sheet),
    queued,
  );
  for (const rules of owned) for (const rule of rules) rule.delete();
}

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
  const parts = ownedHighlightParts(plan);
  const stock = await takeStock(session);
  const planSheet = stock.sheets.find((s) => sameName(s.name, parts.sheet)) ?? null;
  if (!planSheet) throw new UserError("sheet.not-found", { sheet: parts.sheet });
  checkWritable(stock, planSheet, stock.dataSheet === null);
  progress.writing = true;

  const worksheets = session.workbook.worksheets;
  let dataSheet: WorksheetProxy;
  if (stock.dataSheet) {
    dataSheet = stock.dataSheet.sheet;
    dataSheet.getRange().clear("Contents");
  } else {
    dataSheet = worksheets.add(OWNED_DATA_SHEET);
    dataSheet.visibility = "VeryHidden";
  }
  // The data as 2-D blocks, text columns formatted "@" first (a key may start with "=" or look like a number).
  // Very long data is written in requests of its own.
  const width = Math.max(1, ...parts.data.map((row) => row.length));
  const rows = parts.data.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? ""));
  const formats = rows.map((row) => row.map((value) => (typeof value === "string" && value !== "" ? "@" : "General")));
  const bytesPerRow = (1.25 * (estimateJsonBytes(rows) + estimateJsonBytes(formats))) / rows.length;
  const rowsPerRequest = Math.max(1, Math.floor(targetBytes / Math.max(1, bytesPerRow)));
  const blocks = slices(rows.length, rowsPerRequest);
  for (const [start, end] of blocks) {
    const range = dataSheet.getRangeByIndexes(start, 0, end - start, width);
    range.numberFormat = formats.slice(start, end);
    range.values = rows.slice(start, end);
    if (blocks.length > 1) await session.sync();
  }
  const names = session.workbook.names;
  for (const { name, refersTo } of parts.names) {
    const existing = stock.names.find((n) => sameName(n, name));
    if (existing) names.getItem(existing).formula = `=${refersTo}`;
    else names.add(name, `=${refersTo}`);
  }
  // Names of ours the parts no longer use (an earlier encoding's).
  for (const name of stock.names) {
    if (!parts.names.some((n) => sameName(n.name, name))) names.getItem(name).delete();
  }
  await deleteOwnedRulesNow(session, stock);
  const body = planSheet.sheet.getRange(parts.ref);
  // Added in reverse: each add takes the top priority, so the first rule of the parts ends on top.
  for (const rule of [...parts.rules].reverse()) {
    const format = body.conditionalFormats.add("Custom");
    format.custom.rule.formula = rule.formula;
    format.custom.format.fill.color = rule.fill;
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
  await deleteOwnedRulesNow(session, stock);
  for (const name of stock.names) session.workbook.names.getItem(name).delete();
  if (stock.dataSheet) {
    // A very hidden sheet is made merely hidden before it goes (the safe order on every platform).
    stock.dataSheet.sheet.visibility = "Hidden";
    stock.dataSheet.sheet.delete();
  }
  await session.sync();
}
