/** The standalone pane's copy keeps the user's conditional formats that unpatched exceljs would drop. */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxWorkbook } from "../../src/xlsx";

const fixture = join(__dirname, "..", "fixtures", "formatted-plan.xlsx");

async function rulesAfterRewrite(portableRules: boolean) {
  const workbook = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(fixture)), "formatted-plan.xlsx");
  const bytes = await workbook.toBuffer({ portableRules });
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as Parameters<ExcelJS.Workbook["xlsx"]["load"]>[0]);
  const sheet = back.getWorksheet("分工方案")!;
  const formattings = (
    sheet as unknown as {
      conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[]; style?: unknown }[] }[];
    }
  ).conditionalFormattings;
  return new Map(formattings.map((f) => [f.ref, f.rules]));
}

describe("portable user rules (exceljs without the CLI's patch, as in the browser)", () => {
  it("gives back an unchanged workbook byte for byte (nothing rewritten, nothing lost)", async () => {
    const original = new Uint8Array(readFileSync(fixture));
    const workbook = await XlsxWorkbook.fromBuffer(original, "formatted-plan.xlsx");
    expect(Buffer.from(await workbook.toBuffer()).equals(Buffer.from(original))).toBe(true);
    const rules = await rulesAfterRewrite(false);
    expect(rules.get("C5:C9")).toMatchObject([{ type: "duplicateValues" }]);
  });

  it("keeps every rule as an expression with the same formula and style", async () => {
    const rules = await rulesAfterRewrite(true);
    expect(rules.get("B5:B9")).toMatchObject([{ type: "expression", formulae: ['LEFT(B5,LEN("推进"))="推进"'] }]);
    expect(rules.get("F5:F9")).toMatchObject([{ type: "expression", formulae: ['NOT(ISERROR(SEARCH("已完成",F5)))'] }]);
    expect(rules.get("C5:C9")).toMatchObject([
      { type: "expression", formulae: ['AND(C5<>"",COUNTIF($C$5:$C$9,C5)>1)'] },
    ]);
    expect(rules.get("G5:G9")).toMatchObject([{ type: "expression", formulae: ["LEN(G5)>20"] }]);
    for (const list of rules.values()) for (const rule of list) expect(rule.style).toBeTruthy();
  });
});
