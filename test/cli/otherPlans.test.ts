/** A workbook with a plan on each of several sheets: the report says which sheet was checked and how to pick another. */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, runCli } from "./runCli";

let dir: string;
let file: string;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "fengong-plans-"));
  file = join(dir, "两个方案.xlsx");
  const wb = new ExcelJS.Workbook();
  const plan = (name: string, units: string[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(["序号", "工作任务", "牵头单位", "责任单位", "完成时限"]);
    units.forEach((unit, i) =>
      ws.addRow([i + 1, `推进${unit}政务公开第${i + 1}项`, unit, "各州（市）人民政府", "2017年12月底前"]),
    );
  };
  plan("省级分工", ["省政府办公厅", "省发展改革委"]);
  wb.addWorksheet("说明").addRow(["本表由省政府办公厅汇总"]);
  plan("州市分工", ["昆明市人民政府", "曲靖市人民政府"]);
  await wb.xlsx.writeFile(file);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("several sheets that hold a plan", () => {
  it("names the checked sheet and the others, with the --sheet to check one", async () => {
    const run = await runCli(["check", file, "--as-of", "2017-06-01"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("本次检查的是工作表“省级分工”；工作簿中“州市分工”也有分工方案表格，未检查。");
    expect(run.stdout).toContain('--sheet "州市分工"');
    expect(run.stdout).not.toContain("“说明”也有");
  }, 30_000);

  it("with --sheet, names the sheet not checked (in English too)", async () => {
    const run = await runCli(["check", file, "--as-of", "2017-06-01", "--sheet", "州市分工", "--lang", "en-US"]);
    expect(run.stdout).toContain('Checked the sheet "州市分工"; "省级分工" also hold a plan table');
  }, 30_000);

  it("says nothing of the kind for a workbook with one plan", async () => {
    const run = await runCli([
      "check",
      join(__dirname, "..", "fixtures", "yunnan-2017-notice.xlsx"),
      "--as-of",
      "2017-06-01",
    ]);
    expect(run.stdout).not.toContain("本次检查的是工作表");
  }, 30_000);
});
