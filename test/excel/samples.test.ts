/**
 * The shared samples, loaded into the Excel double as Excel would hold them (dates as serials, merged
 * cells "" but the top-left), give the same Report through ExcelWorkbook as the command line's path
 * (XlsxWorkbook) and the expected leads, responsible units, due dates and statuses.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { annotate } from "../../src/app/actions";
import { check } from "../../src/app/check";
import { OWNED_DATA_SHEET, OWNED_MARKER } from "../../src/app/port";
import type { AnalyzeOptions } from "../../src/core/types";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { doubleFromXlsx } from "../doubles/excel";
import { workbookOn } from "./helpers";

interface Expected {
  file: string;
  args: string[];
  headerRow: number;
  tasks: { row: number; lead: string[]; responsible: string[]; due: string | null; status: string }[];
  findings: [string, number | null][];
  absent: string[];
}

const FIXTURES = join(__dirname, "..", "fixtures");
const SAMPLES = ["yunnan-2017-notice", "units-in-task-text", "county-ledger-traditional"];

function optionsFrom(args: string[]): AnalyzeOptions {
  const options: AnalyzeOptions = {};
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] === "--as-of") options.asOf = args[i + 1];
    else if (args[i] === "--published") options.published = args[i + 1];
    else throw new Error(`unknown sample argument ${args[i]}`);
  }
  return options;
}

describe.each(SAMPLES)("sample %s", (name) => {
  const expected: Expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), "utf8"));
  const bytes = readFileSync(join(FIXTURES, expected.file));
  const options = optionsFrom(expected.args);

  test("Excel gives the command line's report and the expected tasks", async () => {
    const excel = await doubleFromXlsx(bytes);
    const port = workbookOn(excel);
    const report = await check(port, options);
    const cli = await check(await XlsxWorkbook.fromBuffer(bytes, expected.file), options);

    expect(report).toEqual(cli);
    expect(report.table?.headerRow).toBe(expected.headerRow);
    for (const task of expected.tasks) {
      const found = report.tasks.find((t) => t.row === task.row);
      expect({
        row: task.row,
        lead: found?.lead,
        responsible: found?.responsible,
        due: found?.deadline.due,
        status: found?.status,
      }).toEqual(task);
    }
    for (const [rule, row] of expected.findings) {
      expect(report.findings.some((f) => f.rule === rule && f.row === row)).toBe(true);
    }
    for (const rule of expected.absent) expect(report.findings.some((f) => f.rule === rule)).toBe(false);
    // Reading the plan took a constant handful of round trips (settings 1, grids 4).
    expect(port.stats.syncs).toBeLessThanOrEqual(6);
  });

  test("values as Excel gives them: merged cells other than the top-left read as empty", async () => {
    const excel = await doubleFromXlsx(bytes);
    const grids = await workbookOn(excel).readGrids();
    expect(grids.plan.merges).toHaveLength(excel.sheet(grids.plan.sheet).merges.length);
    for (const merge of grids.plan.merges) {
      for (let r = merge.top; r <= merge.bottom; r++) {
        for (let c = merge.left; c <= merge.right; c++) {
          if (r === merge.top && c === merge.left) continue;
          const value = grids.plan.values[r - grids.plan.origin.row]?.[c - grids.plan.origin.column];
          expect(value === undefined || value === "").toBe(true);
        }
      }
    }
  });
});

test("a copy annotated by the command line: Excel's Clear removes its highlights and nothing else", async () => {
  const bytes = readFileSync(join(FIXTURES, "yunnan-2017-notice.xlsx"));
  const original = (await doubleFromXlsx(bytes)).snapshot();
  const cli = await XlsxWorkbook.fromBuffer(bytes, "yunnan-2017-notice.xlsx");
  const report = await check(cli, { asOf: "2017-08-15", published: "2017-05-10" });
  await annotate(cli, report);
  const excel = await doubleFromXlsx(await cli.toBuffer());
  const annotated = excel.snapshot();
  expect(annotated.sheets.some((sheet) => sheet.name === OWNED_DATA_SHEET)).toBe(true);
  expect(annotated.sheets[0].conditionalFormats.some((f) => f.formula?.includes(OWNED_MARKER))).toBe(true);

  await workbookOn(excel).clearHighlights();
  const cleared = excel.snapshot();
  expect(cleared.sheets.some((sheet) => sheet.name === OWNED_DATA_SHEET)).toBe(false);
  expect(cleared.names.filter((n) => n.name.startsWith(OWNED_MARKER))).toEqual([]);
  expect(cleared.sheets[0].conditionalFormats).toEqual(original.sheets[0].conditionalFormats);
  expect(cleared.sheets[0].cells).toEqual(original.sheets[0].cells);
});
