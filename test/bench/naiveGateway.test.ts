/** The naive per-row gateway does what its name says: one round trip per row read and per row painted. */
import { naiveHighlightRows, naiveReadGrid } from "../../bench/naiveGateway";
import { ExcelDouble } from "../doubles/excel";

describe("naive gateway", () => {
  function double(): ExcelDouble {
    const d = new ExcelDouble();
    d.addSheet("Plan", {
      values: [
        ["序号", "工作任务", "牵头单位"],
        [1, "推进信息公开", "省财政厅"],
        [2, "做好政策解读", ""],
        [3, "加强平台建设", "省政府办公厅"],
      ],
      merges: ["C2:C3"],
    });
    d.setNumberFormat("Plan", "A2", "0");
    d.activate("Plan");
    return d;
  }

  it("reads each row with its own sync, values and number formats, and no merged areas", async () => {
    const d = double();
    const grid = await naiveReadGrid(d.run);
    expect(d.stats.syncs).toBe(1 + 4);
    expect(grid.sheet).toBe("Plan");
    expect(grid.values[1]).toEqual([1, "推进信息公开", "省财政厅"]);
    expect(grid.values[2][2]).toBe("");
    expect(grid.numberFormats?.[1]?.[0]).toBe("0");
    expect(grid.merges).toEqual([]);
  });

  it("paints each row with its own sync", async () => {
    const d = double();
    await naiveHighlightRows(d.run, "Plan", [2, 4], { first: 1, last: 3 }, "#F8CBAD");
    expect(d.stats.syncs).toBe(2);
    // The double has no range fill: the naive write lands as bold, on exactly those rows.
    expect(d.cell("Plan", "B2")?.bold).toBe(true);
    expect(d.cell("Plan", "B4")?.bold).toBe(true);
    expect(d.cell("Plan", "B3")?.bold).toBeFalsy();
  });
});
