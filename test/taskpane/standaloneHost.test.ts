/**
 * The standalone host on a real sample workbook, through the same src/xlsx port and core as the command line:
 * open, check, annotate, and read the copy back.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { check } from "../../src/app/check";
import { OWNED_MARKER } from "../../src/app/port";
import { readFileBytes, StandaloneHost, XLSX_MIME } from "../../src/taskpane/standalone/standaloneHost";
import { browserSettingsStorage } from "../../src/taskpane/settingsStorage";

interface ConditionalFormatted {
  conditionalFormattings?: { rules: { formulae?: unknown[] }[] }[];
}

const fixture = path.join(__dirname, "..", "fixtures", "yunnan-2017-notice.xlsx");
const sampleFile = () => new File([readFileSync(fixture)], "yunnan-2017-notice.xlsx", { type: XLSX_MIME });

describe("StandaloneHost", () => {
  it("has no workbook until one is opened", () => {
    const host = new StandaloneHost(browserSettingsStorage(null));
    expect(host.port()).toBeNull();
    expect(host.workbookName()).toBeNull();
  });

  it("reads a File's bytes", async () => {
    const bytes = await readFileBytes(new Blob([new Uint8Array([80, 75, 3, 4])]));
    expect([...bytes]).toEqual([80, 75, 3, 4]);
  });

  it("opens the sample, checks it and gives an annotated copy with our highlights and report sheets", async () => {
    const host = new StandaloneHost(browserSettingsStorage(null));
    await host.openWorkbook(sampleFile());
    expect(host.workbookName()).toBe("yunnan-2017-notice.xlsx");
    const port = host.port();
    if (!port) throw new Error("no port");
    const report = await check(port, { asOf: "2017-08-15", published: "2017-05-10", language: "zh-CN" });
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
  });

  it("refuses a file that is not a workbook, keeping the one open before", async () => {
    const host = new StandaloneHost(browserSettingsStorage(null));
    await host.openWorkbook(sampleFile());
    await expect(host.openWorkbook(new File(["just text"], "notes.xlsx"))).rejects.toMatchObject({
      code: "file.not-workbook",
    });
    expect(host.workbookName()).toBe("yunnan-2017-notice.xlsx");
    expect(host.port()).not.toBeNull();
  });

  it("keeps settings in its storage", async () => {
    const host = new StandaloneHost(browserSettingsStorage(null));
    await host.saveSettings({ published: "2017-05-10" });
    await expect(host.loadSettings()).resolves.toEqual({ published: "2017-05-10" });
  });
});
