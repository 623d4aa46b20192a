/**
 * Owned highlights in an exceljs workbook, written from OwnedHighlightParts (src/app/highlightParts.ts): a very
 * hidden data sheet with the row keys, due dates and status words, workbook names over its columns, and one
 * expression rule per category.
 * Our rules take the top priorities (as Excel's `conditionalFormats.add` does); the user's rules keep their
 * order, shifted below ours, and shift back when ours are cleared.
 */
import type { Workbook, Worksheet } from "exceljs";
import { UserError } from "../app/errors";
import { ownedHighlightParts } from "../app/highlightParts";
import { OWNED_DATA_SHEET, OWNED_MARKER, type HighlightPlan } from "../app/port";
import { addSheetAt, findSheet, sameSheetName, sheetPosition } from "./sheets";

/** The parts of an exceljs conditional format we touch (the typings do not expose the sheet's list). */
interface RuleModel {
  type?: string;
  priority?: number;
  formulae?: unknown[];
  [key: string]: unknown;
}
interface FormattingModel {
  ref: string;
  rules: RuleModel[];
}
interface WithFormattings {
  conditionalFormattings?: FormattingModel[];
}

function formattingsOf(worksheet: Worksheet): FormattingModel[] {
  const holder = worksheet as unknown as WithFormattings;
  if (!Array.isArray(holder.conditionalFormattings)) holder.conditionalFormattings = [];
  return holder.conditionalFormattings;
}

export function isOwnedRule(rule: RuleModel): boolean {
  return Array.isArray(rule.formulae) && rule.formulae.some((f) => typeof f === "string" && f.includes(OWNED_MARKER));
}

/** Remove our rules from one sheet; the user's rules move up by as many places as ours held above them. */
function removeOwnedRules(worksheet: Worksheet): void {
  const formattings = formattingsOf(worksheet);
  const removed: number[] = [];
  const kept: FormattingModel[] = [];
  for (const formatting of formattings) {
    const rules = Array.isArray(formatting.rules) ? formatting.rules : [];
    const theirs = rules.filter((rule) => !isOwnedRule(rule));
    for (const rule of rules) if (isOwnedRule(rule) && typeof rule.priority === "number") removed.push(rule.priority);
    if (theirs.length === rules.length) kept.push(formatting);
    else if (theirs.length > 0) kept.push({ ...formatting, rules: theirs });
  }
  if (removed.length === 0 && kept.length === formattings.length) return;
  for (const formatting of kept) {
    for (const rule of formatting.rules) {
      if (typeof rule.priority !== "number") continue;
      const above = removed.filter((p) => p < (rule.priority as number)).length;
      if (above > 0) rule.priority -= above;
    }
  }
  (worksheet as unknown as WithFormattings).conditionalFormattings = kept;
}

function removeOwnedNames(workbook: Workbook): void {
  const model = workbook.definedNames.model;
  const kept = model.filter((name) => !name.name.includes(OWNED_MARKER));
  if (kept.length !== model.length) workbook.definedNames.model = kept;
}

/** Remove every rule, name and sheet we own for highlights; nothing else. */
export function clearOwnedHighlights(workbook: Workbook): void {
  for (const worksheet of workbook.worksheets) removeOwnedRules(worksheet);
  removeOwnedNames(workbook);
  for (const worksheet of workbook.worksheets) {
    if (sameSheetName(worksheet.name, OWNED_DATA_SHEET)) workbook.removeWorksheet(worksheet.id);
  }
}

/** "#F8CBAD" -> "FFF8CBAD" */
const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** Replace our highlights: clear ours everywhere, then write the lists, names and rules for this plan. */
export function applyOwnedHighlights(workbook: Workbook, plan: HighlightPlan): void {
  const target = findSheet(workbook, plan.sheet);
  if (!target) throw new UserError("sheet.not-found", { sheet: plan.sheet });
  const { firstRow, lastRow, firstColumn, lastColumn } = plan.body;
  if (!(firstRow >= 1 && lastRow >= firstRow && firstColumn >= 1 && lastColumn >= firstColumn)) {
    throw new UserError("unexpected", { detail: `invalid highlight range ${JSON.stringify(plan.body)}` });
  }
  // The data sheet keeps its place among the sheets when it is rewritten.
  const position = sheetPosition(workbook, [OWNED_DATA_SHEET]);
  clearOwnedHighlights(workbook);
  const parts = ownedHighlightParts(plan);
  const data = addSheetAt(workbook, OWNED_DATA_SHEET, position, "veryHidden");
  parts.data.forEach((values, r) => {
    values.forEach((value, c) => {
      if (value !== "") data.getCell(r + 1, c + 1).value = value;
    });
  });
  for (const { name, refersTo } of parts.names) workbook.definedNames.add(refersTo, name);

  const formattings = formattingsOf(target);
  for (const formatting of formattings) {
    for (const rule of formatting.rules ?? []) {
      if (typeof rule.priority === "number") rule.priority += parts.rules.length;
    }
  }
  parts.rules.forEach((rule, i) => {
    target.addConditionalFormatting({
      ref: parts.ref,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          // exceljs writes formulae without the leading "=".
          formulae: [rule.formula.replace(/^=/, "")],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } } },
        },
      ],
    });
  });
}
