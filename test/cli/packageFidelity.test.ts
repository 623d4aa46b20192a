/**
 * `--out` patches the user's package: every part we do not own keeps its bytes (chart, picture, comments, pivot
 * table and cache, the user's own 问题清单 sheet…); in the plan sheet only our conditional formats are added; the
 * copy opens in exceljs and in LibreOffice; highlight then clear gives back the very same file.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check } from "../../src/app/check";
import { clearHighlights, highlight } from "../../src/app/highlight";
import { readCentralDirectory } from "../../src/xlsx/zip";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { PLAN_SHEET_XML, richPlanWorkbook } from "../xlsx/richPackage";
import { zipEntries } from "../xlsx/zipEntries";
import { buildCli, runCli } from "./runCli";

const AS_OF = ["--as-of", "2017-09-01"];
/** Parts we may change: the workbook's lists of sheets and names, styles (our dxfs), the plan sheet (our rules). */
const OURS = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
  "xl/worksheets/sheet1.xml",
]);

/** Each entry's stored (compressed) bytes, by name. */
function storedEntries(zip: Uint8Array): Map<string, Buffer> {
  const map = new Map<string, Buffer>();
  for (const entry of readCentralDirectory(zip, "x.xlsx")) {
    map.set(entry.name, Buffer.from(zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize)));
  }
  return map;
}

let dir: string;
let input: string;
let out: string;
let again: string;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "fengong-fidelity-"));
  input = join(dir, "分工方案.xlsx");
  out = join(dir, "annotated.xlsx");
  again = join(dir, "again.xlsx");
  writeFileSync(input, richPlanWorkbook());
  const first = await runCli(["check", input, ...AS_OF, "--out", out]);
  expect(first.stderr).toBe("");
  const second = await runCli(["check", out, ...AS_OF, "--out", again]);
  expect(second.stderr).toBe("");
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the annotated copy is the user's package, patched", () => {
  it("keeps every part we do not own byte for byte: chart, picture, comments, pivot table, the user's 问题清单", () => {
    const before = storedEntries(readFileSync(input));
    for (const copy of [out, again]) {
      const after = storedEntries(readFileSync(copy));
      for (const [name, bytes] of before) {
        expect(after.has(name)).toBe(true);
        if (!OURS.has(name)) expect({ name, same: after.get(name)!.equals(bytes) }).toEqual({ name, same: true });
      }
    }
    for (const part of [
      "xl/charts/chart1.xml",
      "xl/media/image1.png",
      "xl/comments1.xml",
      "xl/pivotTables/pivotTable1.xml",
      "xl/worksheets/sheet3.xml",
    ]) {
      expect(before.has(part)).toBe(true);
    }
  });

  it("changes the plan sheet only by our conditional formats: data, validation, the user's rules (re-prioritised), drawing, x14 rules kept", () => {
    const sheet = zipEntries(readFileSync(out)).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    const ours = /<conditionalFormatting sqref="[^"]*"><cfRule type="expression"[\s\S]*?<\/conditionalFormatting>/.exec(
      sheet,
    )![0];
    expect(ours).toContain("fengong_");
    const shift = (xml: string) => xml.replace(/priority="(\d+)"/g, (_m, p) => `priority="${Number(p) + 3}"`);
    expect(sheet.replace(ours, "")).toBe(shift(PLAN_SHEET_XML));
  });

  it("puts our findings sheet beside the user's 问题清单, and re-running replaces ours only", () => {
    const names = (file: string) =>
      [
        ...zipEntries(readFileSync(file))
          .get("xl/workbook.xml")!
          .toString("utf8")
          .matchAll(/<sheet name="([^"]*)"/g),
      ].map((m) => m[1]);
    expect(names(out)).toEqual([
      "分工方案",
      "透视",
      "问题清单",
      "fengong_data",
      "fengong_history",
      "问题清单 (2)",
      "fengong_settings",
      "按单位汇总",
      "考核评分",
    ]);
    expect(names(again)).toEqual(names(out));
    const entries = zipEntries(readFileSync(again));
    for (const [name, bytes] of zipEntries(readFileSync(out)))
      expect({ name, same: entries.get(name)?.equals(bytes) }).toEqual({ name, same: true });
  });

  it("opens in exceljs with our sheets and the user's", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(again) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("问题清单")!.getCell("A2").value).toBe("信息公开专栏更新不及时");
    expect(wb.getWorksheet("问题清单 (2)")!.getCell("A1").value).toBe("严重程度");
    expect(wb.getWorksheet("fengong_data")!.state).toBe("veryHidden");
  });

  it("opens in LibreOffice (headless conversion to CSV of the plan sheet)", () => {
    const profile = join(dir, "lo-profile");
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76",
        "--outdir",
        dir,
        again,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    const csv = readFileSync(join(dir, "again.csv"), "utf8");
    expect(csv).toContain("推进政务公开标准化规范化");
    expect(existsSync(join(dir, "again.csv"))).toBe(true);
  }, 150_000);

  it("highlight then clear gives back the very same file; check, re-check and clear never touch the user's 问题清单", async () => {
    const original = readFileSync(input);
    const port = await XlsxWorkbook.fromBuffer(original, "分工方案.xlsx");
    const report = await check(port, { asOf: "2017-09-01" });
    expect(await highlight(port, report)).not.toBeNull();
    await highlight(port, await check(port, { asOf: "2017-09-01" }));
    await clearHighlights(port);
    expect(Buffer.from(await port.toBuffer()).equals(original)).toBe(true);

    // From the annotated copy: clearing removes our highlights and leaves the user's parts as they were.
    const annotated = await XlsxWorkbook.fromBuffer(readFileSync(again), "again.xlsx");
    await clearHighlights(annotated);
    const cleared = zipEntries(await annotated.toBuffer());
    const start = zipEntries(original);
    expect(cleared.get("xl/worksheets/sheet1.xml")!.equals(start.get("xl/worksheets/sheet1.xml")!)).toBe(true);
    expect(cleared.get("xl/worksheets/sheet3.xml")!.equals(start.get("xl/worksheets/sheet3.xml")!)).toBe(true);
    expect(cleared.get("xl/styles.xml")!.toString()).not.toContain("FFF8CBAD");
    expect(cleared.get("xl/workbook.xml")!.toString()).not.toMatch(/fengong_data|fengong_overdue/);
  });
});
