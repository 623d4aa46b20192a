import { ExcelPaneSupport, type ExcelRunner } from "../../src/excel/paneSupport";
import { OfficeHost } from "../../src/taskpane/officeHost";
import { FakePort } from "./fixtures";

/**
 * A small fake of the Excel objects OfficeHost touches (activate/select, the selection, a target range,
 * worksheet change events). Like Excel, properties are only readable after load + sync.
 */
class FakeExcel {
  syncs = 0;
  activated: string[] = [];
  selected: string[] = [];
  /** Sheet -> "row,column" (0-based) -> formula or value text. */
  cells = new Map<string, string>();
  selection = { sheet: "通报", row: 4, column: 1 };
  written: { numberFormat?: unknown[][]; values?: unknown[][]; at: [number, number, number] }[] = [];
  handlers: ((event: { worksheetId: string }) => Promise<void>)[] = [];
  removed = 0;
  sheetIds: Record<string, string> = { "{plan}": "分工方案", "{other}": "其他" };

  context(): Excel.RequestContext {
    return fakeContext(this);
  }

  runner(): ExcelRunner {
    const run = async <T>(
      first: OfficeExtension.ClientRequestContext | ((context: Excel.RequestContext) => Promise<T>),
      second?: (context: Excel.RequestContext) => Promise<T>,
    ): Promise<T> => {
      if (typeof first === "function") return first(this.context());
      return (second as (context: Excel.RequestContext) => Promise<T>)(first as unknown as Excel.RequestContext);
    };
    return { run } as ExcelRunner;
  }
}

/** The Excel objects of one request context, over the fake's state. */
function fakeContext(fake: FakeExcel): Excel.RequestContext {
  const loaded = new Set<object>();
  const guard = <T extends object>(target: T, props: Record<string, () => unknown>): T =>
    new Proxy(target, {
      get(object, key, receiver) {
        if (typeof key === "string" && key in props) {
          if (!loaded.has(object)) throw new Error(`PropertyNotLoaded: ${key}`);
          return props[key]();
        }
        return Reflect.get(object, key, receiver);
      },
    });
  const pendingLoads: object[] = [];
  const worksheet = (name: string) => ({
    activate: () => fake.activated.push(name),
    getRange: (address: string) => ({ select: () => fake.selected.push(`${name}!${address}`) }),
    getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => {
      const target: { numberFormat?: unknown[][]; values?: unknown[][]; load: (p: string) => void } = {
        load: () => pendingLoads.push(target),
      };
      const range = guard(target, {
        formulas: () =>
          Array.from({ length: rows }, (_, r) =>
            Array.from({ length: columns }, (_, c) => fake.cells.get(`${name}:${row + r},${column + c}`) ?? ""),
          ),
      });
      const entry = { at: [row, column, rows] as [number, number, number] } as FakeExcel["written"][number];
      fake.written.push(entry);
      return new Proxy(range, {
        set(_object, key, value) {
          if (key === "numberFormat") entry.numberFormat = value as unknown[][];
          if (key === "values") {
            if (!entry.numberFormat) throw new Error("values written before the text format");
            entry.values = value as unknown[][];
          }
          return true;
        },
      });
    },
  });
  const selectedTarget = { load: () => pendingLoads.push(selectedTarget), worksheet: worksheet(fake.selection.sheet) };
  const selected = guard(selectedTarget, {
    rowIndex: () => fake.selection.row,
    columnIndex: () => fake.selection.column,
  });
  const context = {
    workbook: {
      getSelectedRange: () => selected,
      worksheets: {
        getItem: (key: string) => {
          const name = fake.sheetIds[key] ?? key;
          const sheetTarget = { ...worksheet(name), load: () => pendingLoads.push(sheetTarget) };
          const sheet = guard(sheetTarget, { name: () => name });
          return sheet;
        },
        onChanged: {
          add: (handler: (event: { worksheetId: string }) => Promise<void>) => {
            fake.handlers.push(handler);
            return { context, remove: () => (fake.removed += 1) };
          },
        },
      },
    },
    sync: async () => {
      fake.syncs += 1;
      for (const object of pendingLoads.splice(0)) loaded.add(object);
    },
  };
  return context as unknown as Excel.RequestContext;
}

describe("OfficeHost", () => {
  it("reads and saves settings through the workbook port", async () => {
    const port = new FakePort();
    port.settings = { published: "2017-05-10" };
    const host = new OfficeHost(port, new ExcelPaneSupport(new FakeExcel().runner()));
    await expect(host.loadSettings()).resolves.toEqual({ published: "2017-05-10" });
    await host.saveSettings({ dueSoonDays: 3 });
    expect(port.settings).toEqual({ dueSoonDays: 3 });
    expect(host.port()).toBe(port);
    expect(host.mode).toBe("office");
  });

  it("activates the sheet and selects the cell", async () => {
    const excel = new FakeExcel();
    await new OfficeHost(new FakePort(), new ExcelPaneSupport(excel.runner())).selectCell("分工方案", "C14");
    expect(excel.activated).toEqual(["分工方案"]);
    expect(excel.selected).toEqual(["分工方案!C14"]);
  });

  it("inserts the circular one line per cell, as text, from the selected cell down", async () => {
    const excel = new FakeExcel();
    const inserted = await new OfficeHost(new FakePort(), new ExcelPaneSupport(excel.runner())).insertText(
      "截至8月15日，共10项任务。\n=由省财政厅牵头的第6项逾期",
    );
    expect(inserted).toBe(true);
    const write = excel.written.find((entry) => entry.values);
    expect(write?.at).toEqual([4, 1, 2]);
    expect(write?.numberFormat).toEqual([["@"], ["@"]]);
    expect(write?.values).toEqual([["截至8月15日，共10项任务。"], ["=由省财政厅牵头的第6项逾期"]]);
  });

  it("writes nothing when a target cell holds a value or formula", async () => {
    const excel = new FakeExcel();
    excel.cells.set("通报:5,1", "=SUM(A1:A3)");
    const inserted = await new OfficeHost(new FakePort(), new ExcelPaneSupport(excel.runner())).insertText(
      "一\n二\n三",
    );
    expect(inserted).toBe(false);
    expect(excel.written.some((entry) => entry.values || entry.numberFormat)).toBe(false);
  });

  it("reports changed sheets by name until unsubscribed, then removes its handler", async () => {
    const excel = new FakeExcel();
    const changed: string[] = [];
    const unsubscribe = new OfficeHost(new FakePort(), new ExcelPaneSupport(excel.runner())).onPlanChanged((sheet) =>
      changed.push(sheet),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(excel.handlers).toHaveLength(1);
    await excel.handlers[0]({ worksheetId: "{plan}" });
    await excel.handlers[0]({ worksheetId: "{other}" });
    expect(changed).toEqual(["分工方案", "其他"]);
    unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(excel.removed).toBe(1);
    await excel.handlers[0]({ worksheetId: "{plan}" });
    expect(changed).toHaveLength(2);
  });

  it("on an Excel without the changed event (ExcelApi below 1.9) registers nothing and never fails", async () => {
    const excel = new FakeExcel();
    const asked: string[] = [];
    const support = new ExcelPaneSupport(excel.runner(), (name, version) => {
      asked.push(`${name} ${version}`);
      return version !== "1.9";
    });
    const unsubscribe = new OfficeHost(new FakePort(), support).onPlanChanged(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual(["ExcelApi 1.9"]);
    expect(excel.handlers).toHaveLength(0);
    expect(() => unsubscribe()).not.toThrow();
  });

  it("turns Office errors into messages for the user", async () => {
    const failing = (code: string): ExcelRunner =>
      ({
        run: async () => Promise.reject(Object.assign(new Error(code), { code, debugInfo: {} })),
      }) as unknown as ExcelRunner;
    const host = (code: string) => new OfficeHost(new FakePort(), new ExcelPaneSupport(failing(code)));
    await expect(host("InvalidOperationInCellEditMode").insertText("x")).rejects.toMatchObject({ code: "cell-edit" });
    await expect(host("ItemNotFound").selectCell("已删除", "C3")).rejects.toMatchObject({
      code: "sheet.not-found",
      params: { sheet: "已删除" },
    });
  });
});
