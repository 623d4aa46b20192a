/**
 * The standalone host on a real sample workbook, through the same src/xlsx port and core as the command line:
 * open, check, annotate, and read the copy back. jsdom has no Worker: the analysis client runs its in-thread
 * fallback, behind the same messages as the worker.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { OWNED_MARKER } from "../../src/app/port";
import { readFileBytes, StandaloneHost, XLSX_MIME } from "../../src/taskpane/standalone/standaloneHost";
import { browserSettingsStorage } from "../../src/taskpane/settingsStorage";
import { AnalysisClient } from "../../src/worker/client";
import { inThreadEndpoint } from "../../src/worker/inThread";

/** A host with its own analysis client (the page's one is shared). */
const freshHost = () => new StandaloneHost(browserSettingsStorage(null), new AnalysisClient(inThreadEndpoint));

interface ConditionalFormatted {
  conditionalFormattings?: { rules: { formulae?: unknown[] }[] }[];
}

const fixture = path.join(__dirname, "..", "fixtures", "yunnan-2017-notice.xlsx");
const sampleFile = () => new File([readFileSync(fixture)], "yunnan-2017-notice.xlsx", { type: XLSX_MIME });

describe("StandaloneHost", () => {
  it("has no workbook until one is opened", async () => {
    const host = freshHost();
    expect(host.port()).toBeNull();
    expect(host.workbookName()).toBeNull();
    await expect(host.checkFile({}, () => undefined)).rejects.toMatchObject({ code: "office.unavailable" });
  });

  it("reads a File's bytes", async () => {
    const bytes = await readFileBytes(new Blob([new Uint8Array([80, 75, 3, 4])]));
    expect([...bytes]).toEqual([80, 75, 3, 4]);
  });

  it("opens the sample, checks it and gives an annotated copy with our highlights and report sheets", async () => {
    const host = freshHost();
    await host.openWorkbook(sampleFile());
    expect(host.workbookName()).toBe("yunnan-2017-notice.xlsx");
    const phases: string[] = [];
    const report = await host.checkFile({ asOf: "2017-08-15", published: "2017-05-10", language: "zh-CN" }, (p) =>
      phases.push(p.phase),
    );
    expect(phases).toContain("analysing");
    expect(report.tasks.filter((task) => task.status === "overdue").map((task) => task.row)).toEqual([7, 10]);

    const copy = await host.annotatedCopy(report, "copy.xlsx");
    expect(copy.fileName).toBe("copy.xlsx");
    expect(copy.data.type).toBe(XLSX_MIME);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await readFileBytes(copy.data)) as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining(["问题清单", "按单位汇总"]));
    // exceljs reads conditional formats into worksheet.conditionalFormattings (not in its typings).
    const plan = workbook.getWorksheet(report.table?.sheet ?? "") as unknown as ConditionalFormatted | undefined;
    const formulas = (plan?.conditionalFormattings ?? []).flatMap((format) =>
      format.rules.flatMap((rule) => (rule.formulae ?? []).map(String)),
    );
    expect(formulas.filter((formula) => formula.includes(`${OWNED_MARKER}due`))).toHaveLength(2); // overdue, due soon
  }, 60_000);

  it("refuses a file that is not a workbook, keeping the one open before", async () => {
    const host = freshHost();
    await host.openWorkbook(sampleFile());
    await expect(host.openWorkbook(new File(["just text"], "notes.xlsx"))).rejects.toMatchObject({
      code: "file.not-workbook",
    });
    expect(host.workbookName()).toBe("yunnan-2017-notice.xlsx");
    const report = await host.checkFile({ asOf: "2017-08-15", language: "zh-CN" }, () => undefined);
    expect(report.table?.sheet).toBeTruthy();
  });

  it("keeps settings per workbook: a publication date set for one plan does not apply to the next", async () => {
    const storage = browserSettingsStorage(null);
    const host = new StandaloneHost(storage, new AnalysisClient(inThreadEndpoint));
    await host.openWorkbook(sampleFile());
    await host.saveSettings({ published: "2017-05-10", dueSoonDays: 10 });
    await expect(host.loadSettings()).resolves.toEqual({ published: "2017-05-10", dueSoonDays: 10 });

    const county = path.join(__dirname, "..", "fixtures", "county-ledger-traditional.xlsx");
    await host.openWorkbook(new File([readFileSync(county)], "county-ledger-traditional.xlsx", { type: XLSX_MIME }));
    await expect(host.loadSettings()).resolves.toEqual({});
    await host.saveSettings({ published: "2021-03-01" });

    // A second browser tab (a new host on the same storage) re-opening the first plan finds its own settings.
    const again = new StandaloneHost(storage, new AnalysisClient(inThreadEndpoint));
    await again.openWorkbook(sampleFile());
    await expect(again.loadSettings()).resolves.toEqual({ published: "2017-05-10", dueSoonDays: 10 });
  });

  it("gives settings entered before any file was open to the first workbook opened, and only to it", async () => {
    const host = freshHost();
    await host.saveSettings({ published: "2017-05-10" });
    await expect(host.loadSettings()).resolves.toEqual({ published: "2017-05-10" });
    await host.openWorkbook(sampleFile());
    await expect(host.loadSettings()).resolves.toEqual({ published: "2017-05-10" });
    const county = path.join(__dirname, "..", "fixtures", "county-ledger-traditional.xlsx");
    await host.openWorkbook(new File([readFileSync(county)], "county-ledger-traditional.xlsx", { type: XLSX_MIME }));
    await expect(host.loadSettings()).resolves.toEqual({});
  });
  it("merges feedback into the open file in the page, and the worker then checks the merged file", async () => {
    const host = freshHost();
    await host.openWorkbook(sampleFile());
    const options = { asOf: "2017-08-15", published: "2017-05-10" };
    const before = await host.checkFile(options, () => undefined);
    expect(before.tasks.find((task) => task.row === 7)?.status).toBe("overdue");
    const port = await host.feedbackPort();
    expect(port).not.toBeNull();
    // What "Merge feedback" writes: the unit's text in the status cell (F7) of the open file.
    await port!.writeCells!("分工方案", [{ row: 7, column: 6, value: "【省政府办公厅】已完成，领导小组已调整" }]);
    await host.feedbackMerged(port!);
    const after = await host.checkFile(options, () => undefined);
    expect(after.tasks.find((task) => task.row === 7)?.status).toBe("done");
    expect(host.workbookName()).toBe("yunnan-2017-notice.xlsx");
  }, 60_000);
});
