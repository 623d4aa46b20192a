/**
 * The shared sample workbooks give exactly what their *.expected.json say (issue 3): tasks with lead,
 * responsible, due and status; the listed findings; none of the `absent` rules.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { check } from "../../src/app/check";
import type { Report } from "../../src/core/types";
import { XlsxWorkbook } from "../../src/xlsx";

interface Expected {
  file: string;
  args: string[];
  headerRow: number;
  tasks: { row: number; lead: string[]; responsible: string[]; due: string | null; status: string }[];
  findings: [string, number][];
  absent: string[];
}

const fixtures = join(__dirname, "..", "fixtures");
const samples = readdirSync(fixtures).filter((name) => name.endsWith(".expected.json"));

function optionsFrom(args: string[]) {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return { asOf: value("--as-of"), published: value("--published") ?? null };
}

describe.each(samples)("sample %s", (name) => {
  const expected: Expected = JSON.parse(readFileSync(join(fixtures, name), "utf8"));
  let report: Report;
  beforeAll(async () => {
    const data = readFileSync(join(fixtures, expected.file));
    const workbook = await XlsxWorkbook.fromBuffer(new Uint8Array(data), expected.file);
    report = await check(workbook, optionsFrom(expected.args));
  });

  it("finds the header row", () => {
    expect(report.table?.headerRow).toBe(expected.headerRow);
  });

  it("reads every task with its lead, responsible units, due date and status", () => {
    const got = report.tasks.map((t) => ({
      row: t.row,
      lead: t.lead,
      responsible: t.responsible,
      due: t.deadline.due,
      status: t.status,
    }));
    expect(got).toEqual(expected.tasks);
  });

  it("reports the listed findings and none of the absent rules", () => {
    const pairs = report.findings.map((f) => [f.rule, f.row]);
    for (const finding of expected.findings) expect(pairs).toContainEqual(finding);
    for (const rule of expected.absent) expect(report.findings.filter((f) => f.rule === rule)).toEqual([]);
  });

  it("writes the circular with the as-of date", () => {
    const [y, m, d] = report.asOf.split("-").map(Number);
    expect(report.summary.text).toContain(`截至${y}年${m}月${d}日`);
  });
});
