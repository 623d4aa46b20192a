/** Other sheets of a workbook that hold a plan table too (the check reads one sheet: say which, and that --sheet picks another). */
import { locateTable } from "../core/table";
import { isOwnedSheet } from "../core/reportNames";
import { isUnitDirectorySheet } from "../core/units";
import type { XlsxWorkbook } from "../xlsx/XlsxWorkbook";

export function otherPlanSheets(workbook: XlsxWorkbook, checkedSheet: string): string[] {
  const others: string[] = [];
  for (const sheet of workbook.sheets()) {
    if (sheet.name === checkedSheet || sheet.state === "veryHidden") continue;
    if (isOwnedSheet(sheet.name) || isUnitDirectorySheet(sheet.name)) continue;
    const grid = workbook.readSheetNamed(sheet.name);
    if (grid && locateTable(grid)) others.push(sheet.name);
  }
  return others;
}
