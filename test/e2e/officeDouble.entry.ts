/**
 * Browser bundle for the Office path of the end-to-end run (built by test/e2e/lib/office.mjs with esbuild and
 * served after office.js): the Excel double from test/doubles/excel, loaded from a workbook's bytes, standing in
 * for Excel; Office.onReady answering "Excel"; Office.context with the double's requirements and a language.
 */
import type { ExcelContext } from "../../src/excel/officeTypes";
import type { ExcelDouble } from "../doubles/excel/excelDouble";
import { doubleFromXlsx } from "../doubles/excel/fromXlsx";

export interface InstallOptions {
  /** The workbook, base64. */
  workbook: string;
  displayLanguage: string;
  /** ExcelApi version the double supports. */
  excelApi?: string;
}

type Batch = (context: ExcelContext) => Promise<unknown>;

interface E2EWindow {
  Excel: unknown;
  Office: { onReady: unknown; context: unknown; HostType?: { Excel: string } };
  OSF?: { _OfficeAppFactory?: { getContext: () => unknown } };
  fengongDouble?: ExcelDouble;
  fengongDoubleReady?: Promise<ExcelDouble>;
}

function bytes(base64: string): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i);
  return out;
}

export function install(options: InstallOptions): void {
  const page = window as unknown as E2EWindow;
  const ready = doubleFromXlsx(bytes(options.workbook), {
    displayLanguage: options.displayLanguage,
    excelApi: options.excelApi,
  });
  page.fengongDoubleReady = ready.then((double) => (page.fengongDouble = double));
  // Excel.run(batch) and Excel.run(options, batch), as Office.js offers them.
  page.Excel = {
    run: async (first: unknown, second?: Batch) => {
      const double = await ready;
      return typeof first === "function"
        ? double.run({}, first as Batch)
        : double.run(first as object, second as Batch);
    },
  };
  const host = page.Office.HostType?.Excel ?? "Excel";
  const info = { host, platform: "OfficeOnline" };
  const context = {
    displayLanguage: options.displayLanguage,
    officeTheme: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" },
    requirements: {
      isSetSupported: (name: string, version?: string) => page.fengongDouble?.isSetSupported(name, version) ?? false,
    },
  };
  // office.js finishes initialising asynchronously, as its own onReady says; Office.context is then a fixed
  // getter over OSF._OfficeAppFactory.getContext(), which we answer with Excel's context.
  const realOnReady = (page.Office.onReady as () => Promise<unknown>).bind(page.Office);
  const inExcel = Promise.all([realOnReady(), ready]).then(() => {
    const factory = page.OSF?._OfficeAppFactory;
    if (!factory) throw new Error("office.js has no OSF._OfficeAppFactory: the Office path shim needs updating");
    factory.getContext = () => context;
    return info;
  });
  page.Office.onReady = (callback?: (value: typeof info) => void) =>
    inExcel.then(() => {
      callback?.(info);
      return info;
    });
}
