/** `--out`: the annotated copy keeps everything of the user's and adds only what we own; re-running changes nothing. */
import { HISTORY_SHEET } from "../../src/core/history";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, statSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OWNED_DATA_SHEET } from "../../src/app/port";
import { highlighted } from "../highlights/mutations";
import { fromExcelJs } from "../highlights/workbooks";
import { dumpSheet, dumpWorkbook, loadWorkbook } from "../xlsx/workbookDump";
import { cfRuleTags, zipEntries } from "../xlsx/zipEntries";
import { buildCli, fixture, runCli } from "./runCli";

interface Rule {
  type: string;
  priority: number;
  formulae?: string[];
}
const formattingsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings;
const isOurs = (f: { rules: Rule[] }) => f.rules.some((r) => r.formulae?.some((x) => x.includes("fengong_")));

const AS_OF = ["--as-of", "2024-06-12"];
let dir: string;
let input: string;
let out: string;
let json: {
  headerRow: number;
  tasks: { row: number; status: string }[];
  findings: { severity: string; row: number | null; column: string | null }[];
  totals: { unit: string }[];
  assessment: {
    unit: string;
    score: number;
    rank: number;
    lead: number;
    responsible: number;
    doneOnTime: number;
    doneLate: number;
    overdue: number;
    overdueDays: number;
  }[];
};
let original: ExcelJS.Workbook;
let annotated: ExcelJS.Workbook;
let run: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "fengong-out-"));
  input = join(dir, "formatted-plan.xlsx");
  copyFileSync(fixture("formatted-plan.xlsx"), input);
  out = join(dir, "annotated.xlsx");
  const before = readFileSync(input);
  run = await runCli(["check", input, ...AS_OF, "--out", out, "--json"]);
  expect(readFileSync(input).equals(before)).toBe(true);
  json = JSON.parse(run.stdout);
  original = await loadWorkbook(input);
  annotated = await loadWorkbook(out);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("fengong check --out", () => {
  it("writes the copy and leaves the input untouched", () => {
    expect(run.stderr).toBe("");
    expect([0, 1]).toContain(run.code);
    expect(statSync(out).size).toBeGreaterThan(0);
  });

  it("keeps every original sheet, cell value, style, merge, data validation, width and view", () => {
    for (const ws of original.worksheets) {
      const copy = annotated.getWorksheet(ws.name);
      expect(copy).toBeDefined();
      const { conditionalFormats: _ignored, ...before } = dumpSheet(ws);
      const { conditionalFormats: _ours, ...after } = dumpSheet(copy!);
      expect(after).toEqual(before);
    }
    // The text that looks like a formula is still text.
    const plan = annotated.getWorksheet("分工方案")!;
    expect(plan.getCell("B5").value).toBe("=SUM(A1) 开头是等号的任务文字");
    expect(plan.getCell("B5").formula).toBeUndefined();
    expect(annotated.getWorksheet("说明")!.getCell("A2").value).toBe("=这一行是文字，不是公式");
  });

  it("keeps the user's conditional formats as they were, in their order, below ours", () => {
    const before = formattingsOf(original.getWorksheet("分工方案")!);
    const after = formattingsOf(annotated.getWorksheet("分工方案")!).filter((f) => !isOurs(f));
    const strip = (list: typeof before) =>
      list.map((f) => ({ ...f, rules: f.rules.map(({ priority: _p, ...rule }) => rule) }));
    expect(strip(after)).toEqual(strip(before));
    const priorities = (list: typeof before) => list.flatMap((f) => f.rules.map((r) => r.priority));
    expect(priorities(after)).toEqual(priorities(before).map((p) => p + 3));
  });

  it("writes the user's rules back as Excel wrote them: every kind and attribute, priorities shifted by our three", () => {
    const sheetXml = (file: string) => zipEntries(readFileSync(file)).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    const userTags = (file: string) =>
      cfRuleTags(sheetXml(file)).filter((tag) => {
        // Ours: the rule's formula names our marker.
        const xml = sheetXml(file);
        const at = xml.indexOf(`${tag}<formula>`);
        return at < 0 || !xml.slice(at, xml.indexOf("</formula>", at)).includes("fengong_");
      });
    const before = userTags(input);
    expect(before).toHaveLength(4);
    const shifted = before.map((tag) => tag.replace(/priority="(\d+)"/, (_m, p) => `priority="${Number(p) + 3}"`));
    const noDxf = (tags: string[]) => tags.map((tag) => tag.replace(/ dxfId="\d+"/, ""));
    expect(noDxf(userTags(out))).toEqual(noDxf(shifted));
    expect(userTags(out).join("")).toContain('type="duplicateValues"');
    expect(userTags(out).join("")).toContain('text="已完成"');
    expect(userTags(out).join("")).toContain('stopIfTrue="1"');
  });

  it("keeps the user's workbook names: ranges, formulas, constants and sheet-scoped ones", () => {
    const names = (file: string) => {
      const xml = zipEntries(readFileSync(file)).get("xl/workbook.xml")!.toString("utf8");
      return [...xml.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)]
        .map((m) => `${m[1]} = ${m[2].replace(/&apos;/g, "'")}`)
        .filter((line) => !line.includes("fengong_"));
    };
    const unquote = (line: string) => line.replace(/'([^'!]+)'!/g, "$1!");
    expect(names(out).map(unquote).sort()).toEqual(names(input).map(unquote).sort());
    expect(names(input)).toHaveLength(4);
  });

  it("adds our three rules over the table body; a formula engine highlights exactly the overdue / due-soon rows", () => {
    const ours = formattingsOf(annotated.getWorksheet("分工方案")!).filter(isOurs);
    // One block of three rules (error over overdue over due soon), all ours.
    expect(ours.flatMap((f) => f.rules.map((r) => r.priority))).toEqual([1, 2, 3]);
    const lastRow = Math.max(...json.tasks.map((t) => t.row));
    // The body runs from below the header (the section row 4 included) to the last task.
    for (const f of ours) expect(f.ref).toBe(`A${json.headerRow + 1}:G${lastRow}`);
    const rowsWith = (status: string) => json.tasks.filter((t) => t.status === status).map((t) => t.row);
    expect(rowsWith("overdue").length).toBeGreaterThan(0);
    const seen = highlighted(fromExcelJs(annotated), "2024-06-12");
    expect(seen.overdue).toEqual(rowsWith("overdue"));
    expect(seen.dueSoon).toEqual(rowsWith("due-soon"));
    const errorCells = json.findings
      .filter((f) => f.severity === "error" && f.row !== null && f.column !== null)
      .map((f) => `${f.column}${f.row}`);
    expect(seen.errorCells).toEqual([...new Set(errorCells)].sort());
    expect(annotated.getWorksheet(OWNED_DATA_SHEET)!.state).toBe("veryHidden");
  }, 60_000);

  it("adds the findings and totals sheets, with text never stored as formulas", () => {
    const names = annotated.worksheets.map((ws) => ws.name);
    // fengong_settings (very hidden) keeps the marker that the report sheets are ours.
    expect(names).toEqual([
      ...original.worksheets.map((ws) => ws.name),
      OWNED_DATA_SHEET,
      HISTORY_SHEET,
      "问题清单",
      "fengong_settings",
      "按单位汇总",
      "考核评分",
    ]);
    expect(annotated.getWorksheet("fengong_settings")!.state).toBe("veryHidden");
    const findings = annotated.getWorksheet("问题清单")!;
    expect(findings.rowCount).toBe(json.findings.length + 1);
    for (const name of ["问题清单", "按单位汇总", "考核评分"]) {
      annotated.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
        }),
      );
    }
  });

  it("adds the assessment sheet: the ranking of --json's assessment, one row per unit", () => {
    const sheet = annotated.getWorksheet("考核评分")!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([
      "名次",
      "单位",
      "得分",
      "牵头任务",
      "配合任务",
      "按时完成",
      "逾期完成",
      "逾期未完成",
      "累计逾期天数",
    ]);
    expect(rows.slice(1)).toEqual(
      json.assessment.map((a) => [
        a.rank,
        a.unit,
        a.score,
        a.lead,
        a.responsible,
        a.doneOnTime,
        a.doneLate,
        a.overdue,
        a.overdueDays,
      ]),
    );
    expect(json.assessment.length).toBe(json.totals.length);
  });

  it("gives the same workbook when run again on the copy", async () => {
    const again = join(dir, "again.xlsx");
    const second = await runCli(["check", out, ...AS_OF, "--out", again, "--json"]);
    expect(second.code).toBe(run.code);
    expect(JSON.parse(second.stdout).tasks).toEqual(json.tasks);
    expect(dumpWorkbook(await loadWorkbook(again))).toEqual(dumpWorkbook(annotated));
    // and, below what exceljs models, the same XML for sheets and names
    const parts = (file: string) => {
      const entries = zipEntries(readFileSync(file));
      const workbookXml = entries.get("xl/workbook.xml")!.toString("utf8");
      return {
        names: /<definedNames>.*<\/definedNames>/s.exec(workbookXml)?.[0],
        sheets: /<sheets>.*<\/sheets>/s.exec(workbookXml)?.[0],
        planRules: cfRuleTags(entries.get("xl/worksheets/sheet1.xml")!.toString("utf8")),
      };
    };
    expect(parts(again)).toEqual(parts(out));
  }, 30_000);

  it("refuses to write over the input, whatever the path spelling, and changes nothing", async () => {
    const before = readFileSync(input);
    for (const target of [input, join(dir, ".", "formatted-plan.xlsx")]) {
      const refused = await runCli(["check", input, ...AS_OF, "--out", target]);
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split("\n")).toHaveLength(1);
      expect(refused.stderr).toContain("不会覆盖原文件");
    }
    const relative = await runCli(["check", "formatted-plan.xlsx", "--out", "./formatted-plan.xlsx"], {}, dir);
    expect(relative.code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
  }, 30_000);

  it("says in one line when the copy cannot be written", async () => {
    const result = await runCli(["check", input, ...AS_OF, "--out", join(dir, "no-such-folder", "copy.xlsx")]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/无法写入“.*copy\.xlsx”：文件夹不存在/)]);
  }, 30_000);

  it("writes nothing when the input has no plan table", async () => {
    const target = join(dir, "nothing.xlsx");
    const result = await runCli(["check", fixture("no-table.xlsx"), "--out", target]);
    // No plan table is still a report (error table.not-found, exit 1); there is nothing to annotate.
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/未写出标注副本/);
    expect(() => statSync(target)).toThrow();
  }, 30_000);
});
