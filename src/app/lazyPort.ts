/**
 * A WorkbookPort loaded on first use. The Excel adapter pulls in the analysis core (unit names, calendars,
 * traditional-to-simplified tables): most of the page's JavaScript. Behind this, the pane and the ribbon
 * commands start light and the adapter arrives as a lazy chunk on first use. A failed load is retried on
 * the next call.
 */
import type { WorkbookPort } from "../app/port";

export function lazyPort(load: () => Promise<WorkbookPort>): WorkbookPort {
  let loading: Promise<WorkbookPort> | null = null;
  const port = (): Promise<WorkbookPort> => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  return {
    readGrids: (options) => port().then((p) => p.readGrids(options)),
    applyHighlights: (plan) => port().then((p) => p.applyHighlights(plan)),
    clearHighlights: () => port().then((p) => p.clearHighlights()),
    writeReportSheet: (sheet) => port().then((p) => p.writeReportSheet(sheet)),
    readSettings: () => port().then((p) => p.readSettings()),
    writeSettings: (settings) => port().then((p) => p.writeSettings(settings)),
    // The optional methods: a port that has none keeps no history and cannot merge.
    readOwnedRows: (sheet) => port().then((p) => (p.readOwnedRows ? p.readOwnedRows(sheet) : null)),
    writeOwnedRows: (sheet, rows) => port().then((p) => p.writeOwnedRows?.(sheet, rows)),
    writeCells: (sheet, cells) =>
      port().then((p) => {
        if (!p.writeCells) throw new Error("This workbook cannot be written cell by cell");
        return p.writeCells(sheet, cells);
      }),
  };
}
