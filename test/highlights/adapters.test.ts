/**
 * The rules as each adapter writes them, evaluated by HyperFormula: on the Excel double's state after a Check,
 * and on the annotated .xlsx read back from its bytes. Same plan, same expectations: exactly the overdue /
 * due-soon rows of the check; still so after inserting rows above and inside the table, deleting a row and
 * sorting the body by the lead column; a task turns overdue when "today" passes its deadline, and loses its
 * highlight when someone writes 已完成.
 */
import ExcelJS from "exceljs";
import { annotate, checkPlan } from "../../src/app/actions";
import { check } from "../../src/app/check";
import type { Report } from "../../src/core/types";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { ExcelDouble } from "../doubles/excel";
import { workbookOn } from "../excel/helpers";
import { loadWorkbook } from "../xlsx/workbookDump";
import type { EngineWorkbook } from "./engine";
import { deleteRows, highlighted, insertRows, setCell, sortRows } from "./mutations";
import { AS_OF, PLAN_MERGES, PLAN_SHEET, planRows } from "./plans";
import { fromDouble, fromExcelJs } from "./workbooks";

jest.setTimeout(60_000);

const OPTIONS = { asOf: AS_OF, dueSoonDays: 7 };

/** Rows of the tasks with these ids (column A) in the engine's workbook, wherever they are now. */
function rowsOfIds(workbook: EngineWorkbook, ids: number[]): number[] {
  const values = workbook.sheets.find((s) => s.name === PLAN_SHEET)!.values;
  return values
    .map((row, i) => ({ id: Number(row?.[0]), row: i + 1 }))
    .filter(({ id, row }) => row > 2 && ids.includes(id))
    .map(({ row }) => row);
}

async function viaDouble(): Promise<{ report: Report; workbook: EngineWorkbook }> {
  const excel = new ExcelDouble();
  excel.addSheet(PLAN_SHEET, { values: planRows(), merges: PLAN_MERGES });
  excel.setNumberFormat(PLAN_SHEET, "E4:E16", "yyyy-mm-dd");
  const result = await checkPlan(workbookOn(excel), OPTIONS);
  return { report: result.report!, workbook: fromDouble(excel.snapshot()) };
}

async function viaXlsx(): Promise<{ report: Report; workbook: EngineWorkbook }> {
  const source = new ExcelJS.Workbook();
  const ws = source.addWorksheet(PLAN_SHEET);
  planRows().forEach((row, i) => {
    ws.getRow(i + 1).values = row.map((v) => (v === "" ? null : v)) as ExcelJS.CellValue[];
  });
  for (const merge of PLAN_MERGES) ws.mergeCells(merge);
  for (let r = 4; r <= 16; r++) ws.getCell(`E${r}`).numFmt = "yyyy-mm-dd";
  const port = await XlsxWorkbook.fromBuffer(new Uint8Array(await source.xlsx.writeBuffer()), "plan.xlsx");
  const report = await check(port, OPTIONS);
  await annotate(port, report);
  return { report, workbook: fromExcelJs(await loadWorkbook(await port.toBuffer())) };
}

describe.each([
  ["the Excel double", viaDouble],
  ["the annotated .xlsx", viaXlsx],
])("%s", (_name, make) => {
  let report: Report;
  let workbook: EngineWorkbook;
  beforeAll(async () => {
    ({ report, workbook } = await make());
  });
  const rows = (status: string) => report.tasks.filter((t) => t.status === status).map((t) => t.row);

  test("as of the check: exactly the overdue and due-soon rows, and the error cell", () => {
    const seen = highlighted(workbook, AS_OF);
    expect(rows("overdue")).toEqual(rowsOfIds(workbook, [1, 13]));
    expect(seen.overdue).toEqual(rows("overdue"));
    expect(seen.dueSoon).toEqual(rows("due-soon"));
    expect(seen.errorCells).toEqual([`C${rowsOfIds(workbook, [13])[0]}`]);
  });

  test("insert above and inside, delete, sort by lead: every highlight stays on its task", () => {
    let moved = insertRows(workbook, PLAN_SHEET, 1, [["填报单位：省政府办公厅（盖章）"]]);
    moved = insertRows(moved, PLAN_SHEET, 10, [[20, "新增：推进“互联网+政务服务”", "省政务服务管理局", "", 42950, ""]]);
    moved = deleteRows(moved, PLAN_SHEET, 7, 7); // id 3 (已完成)
    moved = sortRows(moved, PLAN_SHEET, 13, 18, "C", true);
    const seen = highlighted(moved, AS_OF);
    expect(seen.overdue).toEqual(rowsOfIds(moved, [1, 13]));
    expect(seen.dueSoon).toEqual(rowsOfIds(moved, [2, 7, 10]));
    expect(seen.errorCells).toEqual([`C${rowsOfIds(moved, [13])[0]}`]);
  });

  test("today moves past a deadline: the task turns overdue; 已完成 in its status cell: no highlight", () => {
    expect(highlighted(workbook, "2017-08-23").overdue).toEqual(rowsOfIds(workbook, [1, 2, 7, 10, 13]));
    const [row] = rowsOfIds(workbook, [1]);
    const done = setCell(workbook, PLAN_SHEET, `F${row}`, "已完成");
    expect(highlighted(done, AS_OF).overdue).toEqual(rowsOfIds(workbook, [13]));
  });
});
