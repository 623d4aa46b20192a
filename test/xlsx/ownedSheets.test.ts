/** What other features write through the .xlsx port: very hidden sheets of rows, and text into a user's cells. */
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { XlsxPackage } from "../../src/xlsx/package";
import { loadWorkbook } from "./workbookDump";

async function masterPort(): Promise<{ port: XlsxWorkbook; original: Uint8Array }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("总台账");
  ws.addRow(["序号", "工作任务", "牵头单位", "完成情况"]);
  ws.addRow([1, "推进政务公开", "省政府办公厅", "推进中"]);
  ws.addRow([2, "完善统计制度", "省统计局"]);
  ws.getCell("D2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  wb.addWorksheet("说明").getCell("A1").value = "汇总说明";
  const original = new Uint8Array(await wb.xlsx.writeBuffer());
  return { port: await XlsxWorkbook.fromBuffer(original, "总台账.xlsx"), original };
}

describe("owned rows and cell writes in an .xlsx copy", () => {
  it("writes and reads back a very hidden sheet of rows (strings stay text)", async () => {
    const { port } = await masterPort();
    expect(await port.readOwnedRows("fengong_history")).toBeNull();
    const rows = [
      ["日期", "任务", "逾期"],
      ["2017-06-30", "=1+1", 3],
    ];
    await port.writeOwnedRows("fengong_history", rows);
    await port.writeOwnedRows("fengong_history", rows);
    const copy = await XlsxWorkbook.fromBuffer(await port.toBuffer(), "copy.xlsx");
    expect(await copy.readOwnedRows("fengong_history")).toEqual(rows);
    const wb = await loadWorkbook(await port.toBuffer());
    expect(wb.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ["总台账", "visible"],
      ["说明", "visible"],
      ["fengong_history", "veryHidden"],
    ]);
    await expect(port.writeOwnedRows("说明", rows)).rejects.toMatchObject({ code: "unexpected" });
  });

  it("writes text into a user's cells, keeping their style, and changes nothing else", async () => {
    const { port, original } = await masterPort();
    await port.writeCells("总台账", [
      { row: 2, column: 4, value: "已完成" },
      { row: 3, column: 4, value: "=推进中" },
      { row: 5, column: 2, value: "新增备注" },
    ]);
    const wb = await loadWorkbook(await port.toBuffer());
    const ws = wb.getWorksheet("总台账")!;
    expect(ws.getCell("D2").value).toBe("已完成");
    expect(ws.getCell("D2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(ws.getCell("D3").value).toBe("=推进中");
    expect(ws.getCell("D3").formula).toBeUndefined();
    expect(ws.getCell("B5").value).toBe("新增备注");
    expect(ws.getCell("B2").value).toBe("推进政务公开");
    const before = XlsxPackage.open(original, "a");
    const after = XlsxPackage.open(await port.toBuffer(), "b");
    const changed = before.names().filter((name) => before.text(name) !== after.text(name));
    expect(changed).toEqual(["xl/worksheets/sheet1.xml"]);
  });
});
