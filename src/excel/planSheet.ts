/** Which sheet holds the plan, and which sheets are unit directories. Pure: names in, names out. */
import { UserError } from "../app/errors";
import { OWNED_DATA_SHEET } from "../app/port";
import { isOwnedSheet } from "../core/reportNames";

export interface SheetInfo {
  name: string;
  /** "Visible" | "Hidden" | "VeryHidden" */
  visibility: string;
}

export interface SheetChoice {
  plan: string;
  directories: string[];
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The plan sheet: the requested one (the workbook's settings name it) — which must exist; else the active
 * sheet unless it is one of ours or a unit directory; else the first visible sheet that is neither.
 * The directories: every unit directory sheet other than the plan.
 */
export function choosePlanSheet(
  sheets: SheetInfo[],
  active: string | null,
  requested: string | null | undefined,
  isUnitDirectorySheet: (name: string) => boolean,
): SheetChoice {
  const ours = (name: string) => isOwnedSheet(name) || sameName(name, OWNED_DATA_SHEET);
  let plan: string | undefined;
  if (requested) {
    plan = sheets.find((sheet) => sameName(sheet.name, requested))?.name;
    if (!plan) throw new UserError("sheet.not-found", { sheet: requested });
  } else {
    const candidate = (sheet: SheetInfo) => !ours(sheet.name) && !isUnitDirectorySheet(sheet.name);
    const activeSheet = sheets.find((sheet) => active !== null && sheet.name === active);
    if (activeSheet && candidate(activeSheet)) plan = activeSheet.name;
    else plan = sheets.find((sheet) => sheet.visibility === "Visible" && candidate(sheet))?.name;
    if (!plan) throw new UserError("plan.not-found", { sheet: active ?? sheets[0]?.name ?? "" });
  }
  const chosen = plan;
  const directories = sheets
    .filter((sheet) => !sameName(sheet.name, chosen) && !ours(sheet.name) && isUnitDirectorySheet(sheet.name))
    .map((sheet) => sheet.name);
  return { plan: chosen, directories };
}
