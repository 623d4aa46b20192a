/**
 * Everything our highlights put into a workbook, adapter-neutral: the Excel adapter and the .xlsx writer write
 * exactly these parts and nothing else, so a copy marked by the CLI and a workbook marked in Excel hold the same
 * thing, and either can clear the other's.
 */
import { cellAddress } from "../core/address";
import {
  HIGHLIGHT_FILLS,
  OWNED_DATA_COLUMNS,
  OWNED_DATA_SHEET,
  OWNED_FORMULAS,
  OWNED_NAMES,
  errorCellKey,
  type HighlightCategory,
  type HighlightPlan,
} from "./port";

export interface OwnedRule {
  category: HighlightCategory;
  /** With the leading "=", relative to the top-left cell of OwnedHighlightParts.ref. */
  formula: string;
  /** "#RRGGBB". */
  fill: string;
}

export interface OwnedHighlightParts {
  /** The plan sheet the rules go on. */
  sheet: string;
  /** A1 range the rules apply to (the bounded table body), e.g. "A5:G120". */
  ref: string;
  /** Cell values of the very hidden data sheet, from A1 (row-major; "" = empty cell). */
  data: (string | number)[][];
  /** Workbook-level names; `refersTo` without the leading "=", e.g. "fengong_data!$A$1:$A$4". */
  names: { name: string; refersTo: string }[];
  /** Highest priority first: an error cell shows over its row's overdue colour. */
  rules: OwnedRule[];
  /** The data sheet's name (OWNED_DATA_SHEET). */
  dataSheet: string;
}

const RULE_ORDER: readonly HighlightCategory[] = ["error", "overdue", "dueSoon"];

/** The parts for a plan, in today's encoding (row lists; see port.ts). */
export function ownedHighlightParts(plan: HighlightPlan): OwnedHighlightParts {
  const { firstRow, lastRow, firstColumn, lastColumn } = plan.body;
  const lists: Record<HighlightCategory, number[]> = {
    // Row 1 of each list holds 0, so a list is never empty and its name always refers to a range.
    overdue: [0, ...plan.overdueRows],
    dueSoon: [0, ...plan.dueSoonRows],
    error: [0, ...plan.errorCells.map((cell) => errorCellKey(cell.row, cell.column))],
  };
  const categories: HighlightCategory[] = ["overdue", "dueSoon", "error"];
  const height = Math.max(...categories.map((c) => lists[c].length));
  const data: (string | number)[][] = [];
  for (let r = 0; r < height; r++) data.push(categories.map((c) => lists[c][r] ?? ""));
  return {
    sheet: plan.sheet,
    ref: `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, lastColumn)}`,
    data,
    names: categories.map((c) => {
      const column = OWNED_DATA_COLUMNS[c];
      return { name: OWNED_NAMES[c], refersTo: `${OWNED_DATA_SHEET}!$${column}$1:$${column}$${lists[c].length}` };
    }),
    rules: RULE_ORDER.map((category) => ({
      category,
      formula: OWNED_FORMULAS[category],
      fill: HIGHLIGHT_FILLS[category],
    })),
    dataSheet: OWNED_DATA_SHEET,
  };
}
