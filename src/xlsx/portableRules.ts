/**
 * exceljs' browser bundle cannot take the CLI's fidelity patch (src/cli/exceljsFidelity.ts), and unpatched it
 * writes some kinds of a user's conditional formats as nothing (duplicate values, begins with …) or without the
 * attributes LibreOffice needs (contains text). Before such a workbook is written, those rules are rewritten as
 * "expression" rules with the same formula, style and priority — what Excel itself evaluates for them — so the
 * copy still shows them. Ours (OWNED_MARKER) are expression rules already and are not touched.
 */
import type { Workbook } from "exceljs";

interface RuleModel {
  type?: string;
  formulae?: unknown[];
  [key: string]: unknown;
}

interface FormattingModel {
  ref?: string;
  rules?: RuleModel[];
}

/** Rule types whose formula Excel stores with them: an expression with that formula behaves the same. */
const FORMULA_TYPES = new Set([
  "containsText",
  "notContainsText",
  "beginsWith",
  "endsWith",
  "containsBlanks",
  "notContainsBlanks",
  "containsErrors",
  "notContainsErrors",
]);

const SINGLE_AREA = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/;

/** duplicateValues / uniqueValues over one area: Excel compares case-insensitively, as COUNTIF does. */
function countFormula(type: string, ref: string): string | null {
  const area = SINGLE_AREA.exec(ref.trim());
  if (!area) return null;
  const [, left, top, right, bottom] = area;
  const count = `COUNTIF($${left}$${top}:$${right}$${bottom},${left}${top})`;
  return type === "duplicateValues" ? `AND(${left}${top}<>"",${count}>1)` : `AND(${left}${top}<>"",${count}=1)`;
}

/** Rewrites the rules exceljs would lose; returns how many were rewritten. */
export function makeUserRulesPortable(workbook: Workbook): number {
  let rewritten = 0;
  for (const sheet of workbook.worksheets) {
    const formattings = (sheet as unknown as { conditionalFormattings?: FormattingModel[] }).conditionalFormattings;
    for (const formatting of formattings ?? []) {
      for (const rule of formatting.rules ?? []) {
        const type = rule.type ?? "";
        let formula: string | null = null;
        if (FORMULA_TYPES.has(type) && typeof rule.formulae?.[0] === "string") formula = rule.formulae[0];
        else if ((type === "duplicateValues" || type === "uniqueValues") && formatting.ref)
          formula = countFormula(type, formatting.ref);
        if (formula === null) continue;
        rule.type = "expression";
        rule.formulae = [formula];
        delete rule.operator;
        delete rule.text;
        rewritten++;
      }
    }
  }
  return rewritten;
}
