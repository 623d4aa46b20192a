/** ExcelWorkbook's cycle methods on the Excel double: our very hidden rows, and status cells written as text. */
import { checkPlan } from "../../src/app/actions";
import { HISTORY_SHEET } from "../../src/core/history";
import { PLAN, addUserThings, planWorkbook, workbookOn } from "./helpers";

jest.setTimeout(60_000);

describe("readOwnedRows / writeOwnedRows in Excel", () => {
  test("a very hidden sheet of rows, strings kept as text, replaced in place", async () => {
    const excel = planWorkbook(3);
    const port = workbookOn(excel);
    expect(await port.readOwnedRows(HISTORY_SHEET)).toBeNull();
    const rows = [
      ["fengong history", 1],
      ["record", "2017-07-15T02:00:00.000Z", "2017-07-15", 1],
      [3, "=1+1", "推进财政预决算公开", "overdue", "2017-06-30", '["省财政厅"]', "[]", "+正在推进"],
    ];
    await port.writeOwnedRows(HISTORY_SHEET, rows);
    const sheet = excel.snapshot().sheets.find((s) => s.name === HISTORY_SHEET);
    expect(sheet?.visibility).toBe("VeryHidden");
    expect(excel.cell(HISTORY_SHEET, "B3")?.formula).toBeUndefined();
    expect(excel.cell(HISTORY_SHEET, "B3")?.numberFormat).toBe("@");
    // Read back as written (rows padded to the widest row with "").
    const read = await port.readOwnedRows(HISTORY_SHEET);
    expect(read?.map((row) => row.slice(0, rows[read.indexOf(row)].length))).toEqual(rows);
    expect(read?.[0].slice(2).every((value) => value === "")).toBe(true);

    await port.writeOwnedRows(HISTORY_SHEET, [["fengong history", 1]]);
    expect((await port.readOwnedRows(HISTORY_SHEET))?.length).toBe(1);
    expect(excel.sheetNames().filter((name) => name === HISTORY_SHEET)).toHaveLength(1);
  });

  test("writes in several requests when the rows are many, and reads them back in blocks", async () => {
    const excel = planWorkbook(2);
    const port = workbookOn(excel, { limits: { targetBytes: 2_000 } });
    const rows = Array.from({ length: 300 }, (_, i) => [i + 1, `第${i + 1}项：推进政务公开`, "open"]);
    await port.writeOwnedRows(HISTORY_SHEET, rows);
    expect(await port.readOwnedRows(HISTORY_SHEET)).toEqual(rows);
  });
});

describe("writeCells in Excel", () => {
  test("only the given cells change; text beginning with = + - @ gets the text format, other cells keep theirs", async () => {
    const excel = planWorkbook(4);
    addUserThings(excel);
    const before = excel.snapshot();
    const formatBefore = excel.cell(PLAN, "F3")?.numberFormat;
    await workbookOn(excel).writeCells(PLAN, [
      { row: 3, column: 6, value: "【省政府办公厅】已完成" },
      { row: 4, column: 6, value: "-已完成（见附件）" },
    ]);
    const after = excel.snapshot();
    expect(excel.cell(PLAN, "F3")?.value).toBe("【省政府办公厅】已完成");
    expect(excel.cell(PLAN, "F3")?.numberFormat).toBe(formatBefore);
    expect(excel.cell(PLAN, "F4")?.value).toBe("-已完成（见附件）");
    expect(excel.cell(PLAN, "F4")?.numberFormat).toBe("@");
    const strip = (snapshot: typeof before) =>
      JSON.parse(JSON.stringify(snapshot), (key, value) => (key === "F3" || key === "F4" ? undefined : value));
    expect(strip(after)).toEqual(strip(before));
  });
});

describe("the history after the grids", () => {
  test("a check of a workbook without history reads none, without a round trip of its own", async () => {
    const excel = planWorkbook(12);
    const port = workbookOn(excel);
    await port.readGrids();
    const syncs = excel.stats.syncs;
    expect(await port.readOwnedRows(HISTORY_SHEET)).toBeNull();
    expect(excel.stats.syncs).toBe(syncs);
    // Only once: the next look asks Excel again.
    expect(await port.readOwnedRows(HISTORY_SHEET)).toBeNull();
    expect(excel.stats.syncs).toBeGreaterThan(syncs);
  });

  test("a history sheet there when the grids were read is read", async () => {
    const excel = planWorkbook(3);
    const port = workbookOn(excel);
    await port.writeOwnedRows(HISTORY_SHEET, [["fengong history", 1]]);
    await port.readGrids();
    expect(await port.readOwnedRows(HISTORY_SHEET)).toEqual([["fengong history", 1]]);
  });

  test("grids read while another call ran (the ribbon and the pane at once) leave nothing to trust", async () => {
    const excel = planWorkbook(3);
    const port = workbookOn(excel);
    await Promise.all([port.readGrids(), port.writeOwnedRows(HISTORY_SHEET, [["fengong history", 1]])]);
    expect(await port.readOwnedRows(HISTORY_SHEET)).toEqual([["fengong history", 1]]);
  });

  test("what the grids saw is forgotten after any other call, and after a minute", async () => {
    const excel = planWorkbook(3);
    const port = workbookOn(excel);
    await port.readGrids();
    await port.writeOwnedRows(HISTORY_SHEET, [["fengong history", 1]]);
    expect(await port.readOwnedRows(HISTORY_SHEET)).toEqual([["fengong history", 1]]);

    const other = planWorkbook(3);
    const late = workbookOn(other);
    await late.readGrids();
    // Another add-in (a co-author's Fengong) records a check while this one analyses a big plan for a minute.
    await workbookOn(other).writeOwnedRows(HISTORY_SHEET, [["fengong history", 1]]);
    const now = Date.now();
    const clock = jest.spyOn(Date, "now").mockReturnValue(now + 61_000);
    try {
      expect(await late.readOwnedRows(HISTORY_SHEET)).toEqual([["fengong history", 1]]);
    } finally {
      clock.mockRestore();
    }
  });
});

describe("Check in Excel keeps the history", () => {
  test("the second check compares with the first; re-checking the same day adds no record", async () => {
    const excel = planWorkbook(12);
    const port = workbookOn(excel);
    const first = await checkPlan(port, { asOf: "2017-07-15" });
    expect(first.report?.comparison).toBeNull();
    await checkPlan(port, { asOf: "2017-07-15" });
    const second = await checkPlan(port, { asOf: "2017-08-15" });
    const comparison = second.report?.comparison;
    expect(comparison?.since).toBe("2017-07-15");
    expect(comparison?.stillOverdue.map((entry) => [entry.id, entry.periods])).toEqual([
      ["3", 2],
      ["6", 2],
      ["9", 2],
      ["12", 2],
    ]);
    expect(second.report?.summary.text).toContain("与上期（2017年7月15日）相比，连续两期逾期4项");
    const records = (await port.readOwnedRows(HISTORY_SHEET))?.filter((row) => row[0] === "record");
    expect(records?.map((row) => row[2])).toEqual(["2017-07-15", "2017-08-15"]);
    expect(excel.snapshot().sheets.find((s) => s.name === HISTORY_SHEET)?.visibility).toBe("VeryHidden");
  });
});
