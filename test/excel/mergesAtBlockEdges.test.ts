/**
 * Merged areas crossing the edge of a read block (or of a 1,024-cell slice, when a block holds more than 512
 * areas): Excel returns an area only from the range holding its top-left cell, and may cut it at that range's
 * edge (undocumented, office-js#1590). The double does both; the grid must hold every merge whole either way.
 */
import { analyze } from "../../src/core/analyze";
import { AS_OF, PLAN, planWorkbook, workbookOn } from "./helpers";

const MODES = [
  ["whole", false],
  ["cut at the range's edge", true],
] as const;

describe.each(MODES)("Excel returning merged areas %s", (_mode, clipMergedAreas) => {
  test("a lead unit merged down rows 10-25 crosses two 10-row blocks and still covers every row", async () => {
    const excel = planWorkbook(40, { limits: { clipMergedAreas } });
    excel.setValues(PLAN, "C10", [["市住房城乡建设局"]]);
    excel.merge(PLAN, "C10:C25");
    // Another one ending exactly at a block edge (row 20 is the last row of the second block).
    excel.setValues(PLAN, "D17", [["市自然资源和规划局、市生态环境局"]]);
    excel.merge(PLAN, "D17:D20");
    const port = workbookOn(excel, { limits: { maxBlockCells: 60 } });
    const grids = await port.readGrids();
    expect(port.stats.blocks).toBeGreaterThan(3);
    expect(grids.plan.merges).toEqual(
      expect.arrayContaining([
        { top: 10, left: 3, bottom: 25, right: 3 },
        { top: 17, left: 4, bottom: 20, right: 4 },
      ]),
    );
    expect(grids.plan.merges).toHaveLength(3);
    // The merged lead unit is every covered task's lead: rows 10-25 hold tasks 8-23.
    const report = analyze([grids.plan, ...grids.others], { ...AS_OF });
    const leads = new Map(report.tasks.map((task) => [task.row, task.lead]));
    for (let row = 10; row <= 25; row++) expect(leads.get(row)).toEqual(["市住房城乡建设局"]);
    expect(leads.get(26)).toEqual(["省政府办公厅"]);
  });

  test("past 512 areas in a block, a merge crossing a 1,024-cell slice (170 rows of 6 columns) is whole", async () => {
    const excel = planWorkbook(1200, { limits: { clipMergedAreas } });
    for (let row = 3; row <= 1202; row++) if (row < 150 || row > 200) excel.merge(PLAN, `E${row}:F${row}`);
    excel.setValues(PLAN, "C165", [["县农业农村局"]]);
    excel.merge(PLAN, "C165:C180");
    const port = workbookOn(excel);
    const grids = await port.readGrids();
    expect(grids.plan.mergesUnknown).toBeUndefined();
    expect(grids.plan.merges).toContainEqual({ top: 165, left: 3, bottom: 180, right: 3 });
    expect(grids.plan.merges.filter((m) => m.left === 5)).toHaveLength(1200 - 51);
  }, 60_000);

  test("a merge running down to the last row of the sheet is followed to there and no further", async () => {
    const excel = planWorkbook(30, { limits: { clipMergedAreas } });
    excel.setValues(PLAN, "F12", [["正在推进"]]);
    excel.merge(PLAN, "F12:F32");
    const port = workbookOn(excel, { limits: { maxBlockCells: 42 } });
    const grids = await port.readGrids();
    expect(grids.plan.merges).toContainEqual({ top: 12, left: 6, bottom: 32, right: 6 });
  });
});
