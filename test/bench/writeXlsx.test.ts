/** The .xlsx writer keeps what analyze needs: values, the date cells' format, merged areas. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze } from "../../src/core/analyze";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { generatePlan } from "../../bench/generatePlan";
import { writePlanXlsx } from "../../bench/writeXlsx";
import { AS_OF, DATE_FORMAT, PUBLISHED } from "../../bench/vocabulary";

describe("writePlanXlsx", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "fengong-bench-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a workbook the xlsx port reads back into the same tasks", async () => {
    const plan = generatePlan({ rows: 400, layout: "two-column", seed: 3 });
    const file = join(dir, "plan.xlsx");
    await writePlanXlsx(plan.grid, file);

    const port = await XlsxWorkbook.fromBuffer(readFileSync(file), "plan.xlsx");
    const { plan: grid } = await port.readGrids();
    const sorted = (areas: typeof grid.merges) =>
      [...areas]
        .sort((a, b) => a.top - b.top || a.left - b.left)
        .map((m) => `${m.top},${m.left},${m.bottom},${m.right}`);
    expect(sorted(grid.merges)).toEqual(sorted(plan.grid.merges));
    const serialCells = plan.grid.values
      .flatMap((row, r) => row.map((value, c) => ({ value, r, c })))
      .filter((cell) => typeof cell.value === "number" && cell.value > 40000);
    expect(serialCells.length).toBeGreaterThan(0);
    for (const { r, c } of serialCells) expect(grid.numberFormats?.[r]?.[c]).toBe(DATE_FORMAT);

    const fromFile = analyze([grid], { asOf: AS_OF, published: PUBLISHED });
    const fromGrid = analyze([plan.grid], { asOf: AS_OF, published: PUBLISHED });
    expect(fromFile.tasks).toEqual(fromGrid.tasks);
  });

  it("refuses a merge taller than the rows it keeps open", async () => {
    const grid = {
      sheet: "S",
      origin: { row: 1, column: 1 },
      values: Array.from({ length: 100 }, () => ["x"]),
      merges: [{ top: 1, left: 1, bottom: 80, right: 1 }],
    };
    await expect(writePlanXlsx(grid, join(dir, "tall.xlsx"))).rejects.toThrow(/taller than/);
  });
});
