/**
 * Which Office runs the add-in: the manifest asks for the ExcelApi version the code needs unconditionally
 * (the Excel double refuses each API below its version, as Excel does) and SharedRuntime 1.1 (the ribbon and
 * the pane share one page); everything newer is checked at run time with isSetSupported (merged areas 1.13).
 */
import { checkPlan, clearOwnedHighlights, highlightOverdue, totalsByUnit } from "../../src/app/actions";
import { AS_OF, planWorkbook, workbookOn } from "../excel/helpers";
import { readManifest } from "./helpers";

const sets = Object.fromEntries(
  [...readManifest().matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]),
);

test("the manifest asks for ExcelApi 1.7 and SharedRuntime 1.1, nothing more", () => {
  expect(sets).toEqual({ ExcelApi: "1.7", SharedRuntime: "1.1" });
});

test("on an Excel at exactly ExcelApi 1.7 every ribbon command works; merged areas are then reported unknown", async () => {
  const excel = planWorkbook(12, { excelApi: sets.ExcelApi });
  const port = workbookOn(excel);
  const checked = await checkPlan(port, AS_OF);
  expect(checked.report?.tasks).toHaveLength(12);
  expect(checked.report?.findings.map((f) => f.rule)).toContain("table.merges-unknown");
  expect((await highlightOverdue(port, AS_OF)).highlights?.overdueRows.length).toBeGreaterThan(0);
  await totalsByUnit(port, AS_OF);
  await clearOwnedHighlights(port);
  expect(excel.sheetNames()).toEqual(expect.arrayContaining(["问题清单", "按单位汇总"]));
});

test("below it (ExcelApi 1.6) the commands cannot run: 1.7 is the true floor", async () => {
  const port = workbookOn(planWorkbook(3, { excelApi: "1.6" }));
  await expect(checkPlan(port, AS_OF)).rejects.toMatchObject({ code: "unexpected" });
});
