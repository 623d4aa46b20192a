/**
 * The bad-input corpus in Excel: each workbook of the corpus loaded into the Excel double, checked through
 * ExcelWorkbook and checkPlan (the ribbon's Check), and compared with what the .xlsx port (the command line)
 * reads from the same bytes. Users' cells, rules and names never change; what we write is text, fits a cell,
 * and a second Check changes nothing.
 */
import { stableSnapshot } from "../excel/helpers";
import { annotate, checkPlan, totalsByUnit } from "../../src/app/actions";
import { MAX_CELL_TEXT } from "../../src/app/reportSheets";
import { OWNED_SHEET_NAMES } from "../../src/core/reportNames";
import type { Report } from "../../src/core/types";
import { doubleFromXlsx } from "../doubles/excel";
import { loadWorkbook } from "../xlsx/workbookDump";
import { AS_OF, CORPUS, bytesOf, cellOf, fileNameOf } from "./corpus";
import {
  comparable,
  excelPort,
  expectTextCells,
  expectTotalsAgree,
  isOurSheet,
  reportSheets,
  usersPart,
  xlsxPort,
  xlsxReport,
} from "./helpers";

const OPTIONS = { asOf: AS_OF };
const workbooks = CORPUS.filter((entry) => entry.gateway !== null);
const sorted = (list: { rule: string; cell: string | null }[]) =>
  [...list].sort((a, b) => `${a.cell}${a.rule}`.localeCompare(`${b.cell}${b.rule}`));

function expectPlanOutcome(report: Report, entry: (typeof CORPUS)[number]): void {
  const plan = entry.plan!;
  expect(report.tasks.map((task) => task.row)).toEqual(plan.taskRows);
  const found = report.findings.map((finding) => ({ rule: finding.rule, cell: cellOf(finding) }));
  if (plan.exactly) expect(sorted(found)).toEqual(sorted(plan.findings));
  else expect(found).toEqual(expect.arrayContaining(plan.findings));
  expectTotalsAgree(report);
  plan.check?.(report);
}

describe.each(workbooks.map((entry) => [entry.what, entry] as const))("%s", (_what, entry) => {
  it("the .xlsx port (the command line) reads what the corpus expects", async () => {
    const reading = xlsxReport(await bytesOf(entry), fileNameOf(entry), OPTIONS);
    if (entry.unusable) await expect(reading).rejects.toMatchObject({ code: entry.unusable.code });
    else expectPlanOutcome(await reading, entry);
  }, 60_000);

  it("in Excel: the same report, the users' part untouched, our sheets text only, a second Check changes nothing", async () => {
    const bytes = await bytesOf(entry);
    const excel = await doubleFromXlsx(bytes);
    const before = stableSnapshot(excel);
    const port = excelPort(excel);
    const first = await checkPlan(port, OPTIONS);

    if (entry.gateway === "no-plan") {
      expect(first.report?.table).toBeNull();
      expect(first.report?.findings.map((f) => f.rule)).toEqual(["table.not-found"]);
      expect(first.report?.findings[0].message).toMatch(/没有找到分工方案的表头/);
      expect(first.wroteSheets).toEqual([]);
      expect(stableSnapshot(excel)).toEqual(before);
      return;
    }

    const report = first.report!;
    expect(comparable(report)).toEqual(comparable(await xlsxReport(bytes, fileNameOf(entry), OPTIONS)));
    expectPlanOutcome(report, entry);
    const once = stableSnapshot(excel);
    expect(usersPart(once)).toEqual(usersPart(before));
    for (const sheet of reportSheets(once)) expectTextCells(sheet);

    await checkPlan(port, OPTIONS);
    expect(stableSnapshot(excel)).toEqual(once);

    // The totals sheet too: unit names (a million characters among them) are text that fits a cell.
    await totalsByUnit(port, OPTIONS);
    const withTotals = stableSnapshot(excel);
    expect(
      reportSheets(withTotals)
        .map((sheet) => sheet.name)
        .sort(),
    ).toEqual(["按单位汇总", "问题清单"]);
    for (const sheet of reportSheets(withTotals)) expectTextCells(sheet);
    expect(usersPart(withTotals)).toEqual(usersPart(before));
  }, 120_000);

  if (entry.gateway === "same") {
    it("the annotated copy (--out): the users' cells as they were; ours are strings that fit a cell", async () => {
      const bytes = await bytesOf(entry);
      const port = await xlsxPort(bytes, fileNameOf(entry));
      const report = await xlsxReport(bytes, fileNameOf(entry), OPTIONS);
      await annotate(port, report);
      const copy = await loadWorkbook(await port.toBuffer());
      const original = await loadWorkbook(bytes);
      for (const sheet of original.worksheets) {
        const values = (ws: typeof sheet) => {
          const out: Record<string, unknown> = {};
          ws.eachRow((row) => row.eachCell((cell) => void (out[cell.address] = cell.value)));
          return out;
        };
        expect(values(copy.getWorksheet(sheet.name)!)).toEqual(values(sheet));
      }
      const ours = copy.worksheets.filter((ws) => OWNED_SHEET_NAMES.includes(ws.name));
      expect(ours.map((ws) => ws.name).sort()).toEqual(["按单位汇总", "考核评分", "问题清单"]);
      for (const ws of ours) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const value = cell.value as unknown;
            const text =
              typeof value === "object" && value !== null && "text" in value
                ? (value as { text: unknown }).text
                : value;
            expect(typeof text === "string" || typeof text === "number").toBe(true);
            if (typeof text === "string") expect(text.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
          }),
        );
      }
      expect(copy.worksheets.filter((ws) => !isOurSheet(ws.name)).map((ws) => ws.name)).toEqual(
        original.worksheets.map((ws) => ws.name),
      );
    }, 120_000);
  }
});
