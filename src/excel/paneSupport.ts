/**
 * What only the task pane does in Excel — select a finding's cell, insert the circular at the selection,
 * notice edits to the plan — on Office.js. (Reading and writing the workbook is ExcelWorkbook's.)
 */
import { toExcelUserError } from "./gateway";

/** The slice of the Excel namespace these use (the real `Excel`, or a double in tests). */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** In the context an event handler was added in (to remove it). */
  run<T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
}

/** WorksheetCollection.onChanged: newer than the manifest's ExcelApi 1.7, so checked before use. */
const CHANGED_EVENT_API = "1.9";

export class ExcelPaneSupport {
  constructor(
    private readonly excel: ExcelRunner,
    /** Office.context.requirements.isSetSupported (default: everything supported). */
    private readonly isSetSupported: (name: string, version?: string) => boolean = () => true,
  ) {}

  /** On the `Excel` global of office.js. */
  static forOffice(): ExcelPaneSupport {
    const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
    return new ExcelPaneSupport(Excel, (name, version) => requirements?.isSetSupported(name, version) ?? false);
  }

  /** Excel.run with Office errors turned into messages for the user. */
  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>, sheet?: string): Promise<T> {
    return this.excel.run(batch).catch((error: unknown) => {
      throw toExcelUserError(error, { sheet });
    });
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    }, sheet);
  }

  insertText(text: string): Promise<boolean> {
    const lines = text.split(/\r?\n/);
    return this.run(async (context) => {
      const selected = context.workbook.getSelectedRange();
      selected.load("rowIndex, columnIndex");
      const worksheet = selected.worksheet;
      await context.sync();
      const target = worksheet.getRangeByIndexes(selected.rowIndex, selected.columnIndex, lines.length, 1);
      target.load("formulas");
      await context.sync();
      // Never overwrite what a user wrote: every target cell must be empty (no value, no formula).
      const empty = (target.formulas as unknown[][]).every((row) => row.every((cell) => cell === "" || cell === null));
      if (!empty) return false;
      target.numberFormat = lines.map(() => ["@"]);
      target.values = lines.map((line) => [line]);
      await context.sync();
      return true;
    });
  }

  onPlanChanged(listener: (sheet: string) => void): () => void {
    // Without the event (ExcelApi < 1.9) there is simply no "edited since the check" notice.
    if (!this.isSetSupported("ExcelApi", CHANGED_EVENT_API)) return () => undefined;
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    let stopped = false;
    const handler = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
      try {
        const name = await this.excel.run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(event.worksheetId);
          worksheet.load("name");
          await context.sync();
          return worksheet.name;
        });
        if (!stopped) listener(name);
      } catch {
        // The sheet may be gone already (deleted): nothing to mark stale.
      }
    };
    void this.excel
      .run(async (context) => {
        registration = context.workbook.worksheets.onChanged.add(handler);
        await context.sync();
      })
      .catch(() => undefined); // Without events (old Excel) there is simply no stale notice.
    return () => {
      stopped = true;
      const current = registration;
      if (!current) return;
      void this.excel
        .run(current.context, async (context) => {
          current.remove();
          await context.sync();
        })
        .catch(() => undefined);
    };
  }
}
