/** The WorkbookPort inside Excel. (Temporary until src/excel/excelWorkbook.ts lands.) */
import { UserError } from "../app/errors";
import type { WorkbookPort } from "../app/port";

export function createExcelPort(): WorkbookPort {
  const unavailable = (): Promise<never> => Promise.reject(new UserError("office.unavailable"));
  return {
    readGrids: unavailable,
    applyHighlights: unavailable,
    clearHighlights: unavailable,
    writeReportSheet: unavailable,
    readSettings: unavailable,
    writeSettings: unavailable,
  };
}
