/** ExcelWorkbook (the WorkbookPort on Office.js) against the Excel double. */
import { HISTORY_SHEET } from "../../src/core/history";
import { checkPlan, clearOwnedHighlights, highlightOverdue, totalsByUnit } from "../../src/app/actions";
import { UserError } from "../../src/app/errors";
import { OWNED_DATA_SHEET, OWNED_MARKER, SETTINGS_KEY, type HighlightPlan, type ReportSheet } from "../../src/app/port";
import { rowKey } from "../../src/app/highlightParts";
import { PartialWriteError } from "../../src/excel/errors";
import { ExcelDouble } from "../doubles/excel";
import { AS_OF, HEADER, PLAN, addUserThings, planWorkbook, stableSnapshot, taskRow, workbookOn } from "./helpers";

const errorOf = async (promise: Promise<unknown>): Promise<UserError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("expected a UserError");
};

/** Keys of every task (or of the first `keyed`), one error cell in row 4 column C. */
const highlightFor = (tasks: number, keyed = tasks): HighlightPlan => ({
  sheet: PLAN,
  body: { firstRow: 3, lastRow: tasks + 2, firstColumn: 1, lastColumn: 6 },
  keyColumns: [2, 1],
  statusColumn: 6,
  dueSoonDays: 7,
  dues: Array.from({ length: Math.min(tasks, keyed) }, (_, i) => ({
    key: rowKey(String(taskRow(i + 1)[1])),
    due: Number(taskRow(i + 1)[4]),
  })),
  errors: [{ key: rowKey(String(taskRow(2)[1])), offset: 2 }],
  overdueRows: Array.from({ length: tasks }, (_, i) => i + 3).filter((row) => row % 3 === 0),
  dueSoonRows: Array.from({ length: tasks }, (_, i) => i + 3).filter((row) => row % 3 === 1),
  errorCells: [{ row: 4, column: 3 }],
});

const ownedRules = (excel: ExcelDouble) =>
  excel.snapshot().sheets.flatMap((sheet) => sheet.conditionalFormats.filter((f) => f.formula?.includes(OWNED_MARKER)));

describe("readGrids", () => {
  test("reads the plan's values, merges, origin and the deadline column's number formats", async () => {
    const excel = planWorkbook(4);
    excel.addSheet("Notes", { values: [["无关内容"]] });
    const grids = await workbookOn(excel).readGrids();
    expect(grids.plan.sheet).toBe(PLAN);
    expect(grids.plan.origin).toEqual({ row: 1, column: 1 });
    expect(grids.plan.values[1]).toEqual(HEADER);
    expect(grids.plan.values[2]).toEqual(taskRow(1));
    expect(grids.plan.values[0]).toEqual(["2017年政务公开工作要点分工方案", "", "", "", "", ""]);
    expect(grids.plan.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 6 }]);
    expect(grids.plan.mergesUnknown).toBeUndefined();
    // Number formats of the deadline column (E) for the body rows only.
    expect(grids.plan.numberFormats?.[2]?.[4]).toBe("yyyy-mm-dd");
    expect(grids.plan.numberFormats?.[5]?.[4]).toBe("yyyy-mm-dd");
    expect(grids.plan.numberFormats?.[1]?.[4]).toBeUndefined();
    expect(grids.plan.numberFormats?.[2]?.[1]).toBeUndefined();
    // Other sheets are not read unless they are unit directories.
    expect(grids.others).toEqual([]);
  });

  test("a used range not starting at A1 keeps its origin", async () => {
    const excel = new ExcelDouble();
    excel.addSheet("Plan", { at: "C4", values: [HEADER, taskRow(1)] });
    const grids = await workbookOn(excel).readGrids();
    expect(grids.plan.origin).toEqual({ row: 4, column: 3 });
    expect(grids.plan.values).toEqual([HEADER, taskRow(1)]);
    expect(grids.plan.numberFormats?.[1]?.[4]).toBe("General");
  });

  test("the holiday schedule (节假日安排) is read beside the plan, never taken for it, even when active", async () => {
    const excel = planWorkbook(2);
    excel.addSheet("节假日安排", {
      values: [
        ["日期", "安排"],
        ["2027-02-05", "休"],
        ["2027-02-20", "班"],
      ],
    });
    excel.activate("节假日安排");
    const grids = await workbookOn(excel).readGrids();
    expect(grids.plan.sheet).toBe(PLAN);
    expect(grids.others.map((g) => g.sheet)).toEqual(["节假日安排"]);
    expect(grids.others[0].values[2]).toEqual(["2027-02-20", "班"]);
  });

  test("plan sheet: the named one, else the active one unless ours or a directory, else the first visible", async () => {
    const excel = planWorkbook(2);
    excel.addSheet("单位名录", {
      values: [
        ["单位名称", "简称"],
        ["省发展改革委", "省发改委"],
      ],
    });
    excel.addSheet("问题清单", { values: [["严重程度"]] });
    excel.addSheet("Other", { values: [["x"]] });
    const port = workbookOn(excel);

    excel.activate("问题清单");
    let grids = await port.readGrids();
    expect(grids.plan.sheet).toBe(PLAN);
    expect(grids.others.map((g) => g.sheet)).toEqual(["单位名录"]);
    expect(grids.others[0].values[1]).toEqual(["省发展改革委", "省发改委"]);

    excel.activate("Other");
    grids = await port.readGrids();
    expect(grids.plan.sheet).toBe("Other");

    grids = await port.readGrids({ sheet: PLAN.toString() });
    expect(grids.plan.sheet).toBe(PLAN);

    const missing = await errorOf(port.readGrids({ sheet: "不存在" }));
    expect(missing.code).toBe("sheet.not-found");
    expect(missing.messageIn("zh-CN")).toContain("不存在");
  });

  test("a workbook holding only our sheets: plan.not-found", async () => {
    const excel = new ExcelDouble();
    excel.addSheet("问题清单", { values: [["x"]] });
    expect((await errorOf(workbookOn(excel).readGrids())).code).toBe("plan.not-found");
  });

  test("the plan sheet named in the workbook's settings (through check) and its column overrides", async () => {
    const excel = planWorkbook(3);
    excel.addSheet("Other", { values: [["x"]] });
    excel.activate("Other");
    excel.setSetting(SETTINGS_KEY, JSON.stringify({ planSheet: PLAN, columns: { deadline: "E" } }));
    const port = workbookOn(excel);
    const result = await highlightOverdue(port, AS_OF);
    expect(result.report?.table?.sheet).toBe(PLAN);
    expect(result.highlights?.overdueRows).toEqual([5]);
  });

  test("without ExcelApi 1.13 merged areas are not read and the grid says so", async () => {
    const excel = planWorkbook(3, { excelApi: "1.12" });
    const grids = await workbookOn(excel).readGrids();
    expect(grids.plan.mergesUnknown).toBe(true);
    expect(grids.plan.merges).toEqual([]);
    expect(grids.plan.values[2]).toEqual(taskRow(1));
  });

  test("an Excel table holding the plan bounds its body (notes below the table are not rows)", async () => {
    const excel = planWorkbook(3);
    excel.addTable(PLAN, "PlanTable", "A2:F5");
    excel.setValues(PLAN, "A8", [["注：本表由督查室维护"]]);
    const grids = await workbookOn(excel).readGrids();
    expect(grids.plan.values).toHaveLength(5);
    expect(grids.plan.values[0][0]).toBe("2017年政务公开工作要点分工方案");
  });

  test("more than 512 merged areas in a block: read again in safe ranges, all of them found", async () => {
    const excel = planWorkbook(1200);
    for (let row = 3; row <= 1202; row++) excel.merge(PLAN, `E${row}:F${row}`);
    const port = workbookOn(excel);
    const grids = await port.readGrids();
    expect(grids.plan.mergesUnknown).toBeUndefined();
    expect(grids.plan.merges).toHaveLength(1201);
    expect(port.stats.retries).toBe(1);
  });

  test("a response too large for Excel on the web: blocks are halved until they fit; the grid is whole", async () => {
    const excel = planWorkbook(3000, { limits: { responseBytes: 150_000 } });
    const port = workbookOn(excel);
    const grids = await port.readGrids();
    expect(grids.plan.values).toHaveLength(3002);
    expect(grids.plan.values[3001]).toEqual(taskRow(3000));
    expect(port.stats.blocks).toBeGreaterThan(1);
    const refused = excel.stats.log.filter((sync) => sync.error === "ResponsePayloadSizeLimitExceeded");
    expect(refused.length).toBe(port.stats.retries);
    expect(excel.stats.log.filter((sync) => sync.error === null).every((sync) => sync.responseBytes <= 150_000)).toBe(
      true,
    );
  });

  test("even one row too large: payload.too-large", async () => {
    const excel = planWorkbook(3, { limits: { responseBytes: 150 } });
    expect((await errorOf(workbookOn(excel).readGrids())).code).toBe("payload.too-large");
  });
});

describe("round trips", () => {
  async function readAndHighlight(tasks: number, targetBytes?: number) {
    const excel = planWorkbook(tasks);
    const port = workbookOn(excel, targetBytes ? { limits: { targetBytes } } : {});
    await port.readGrids();
    // Few keys: the reading blocks are what is counted here.
    await port.applyHighlights(highlightFor(tasks, 50));
    return { syncs: excel.stats.syncs, counted: port.stats.syncs, blocks: port.stats.blocks, excel };
  }

  test("the same for 100 and 10,000 rows (one block), and one more per extra block beyond", async () => {
    const small = await readAndHighlight(100);
    const large = await readAndHighlight(10_000);
    expect(small.blocks).toBe(1);
    expect(large.blocks).toBe(1);
    expect(large.syncs).toBe(small.syncs);
    expect(large.counted).toBe(large.syncs);
    expect(large.excel.stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(large.excel.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);

    const blocked = await readAndHighlight(10_000, 300_000);
    expect(blocked.blocks).toBeGreaterThan(2);
    expect(blocked.syncs - small.syncs).toBe(blocked.blocks - 1);
    expect(blocked.excel.stats.maxResponseBytes).toBeLessThan(400_000);
  });
});

describe("highlights", () => {
  test("highlight then clear leaves the workbook exactly as before, the users' rules, fills and names included", async () => {
    const excel = planWorkbook(9);
    addUserThings(excel);
    const before = excel.snapshot();
    const port = workbookOn(excel);
    await port.applyHighlights(highlightFor(9));

    const during = excel.snapshot();
    const plan = during.sheets.find((s) => s.name === PLAN)!;
    expect(plan.conditionalFormats.filter((f) => f.formula?.includes(OWNED_MARKER))).toHaveLength(3);
    expect(plan.conditionalFormats.filter((f) => !f.formula?.includes(OWNED_MARKER))).toEqual(
      before.sheets[0].conditionalFormats,
    );
    expect(plan.cells).toEqual(before.sheets[0].cells);
    const data = during.sheets.find((s) => s.name === OWNED_DATA_SHEET)!;
    expect(data.visibility).toBe("VeryHidden");
    expect(data.cells.A1).toEqual({ v: "fengong key", nf: "@" });
    expect(data.cells.A2).toEqual({ v: "第1项工作任务：推进政务公开|14", nf: "@" });
    expect(data.cells.B2).toEqual({ v: taskRow(1)[4] });
    expect(during.names.map((n) => n.name)).toEqual([
      "fengong_due",
      "fengong_errors",
      "fengong_weight",
      "fengong_words",
      "my_units",
    ]);
    expect(during.names.find((n) => n.name === "fengong_errors")?.formula).toBe("=fengong_data!$C$1:$C$2");
    expect(during.names.find((n) => n.name === "fengong_due")?.formula).toBe("=fengong_data!$A$1:$B$10");
    expect(data.cells.C2).toEqual({ v: "第2项工作任务：推进政务公开|14|2", nf: "@" });

    await port.clearHighlights();
    expect(excel.snapshot()).toEqual(before);
  });

  test("highlighting twice equals highlighting once; a shorter list leaves no stale rows", async () => {
    const excel = planWorkbook(9);
    addUserThings(excel);
    const port = workbookOn(excel);
    await port.applyHighlights(highlightFor(9));
    const once = excel.snapshot();
    await port.applyHighlights({ ...highlightFor(9), dues: highlightFor(9).dues.slice(0, 1) });
    await port.applyHighlights(highlightFor(9));
    expect(excel.snapshot()).toEqual(once);
  });

  test("a protected plan sheet: sheet.protected, nothing changed", async () => {
    const excel = planWorkbook(6);
    addUserThings(excel);
    excel.protectSheet(PLAN);
    const before = excel.snapshot();
    const error = await errorOf(workbookOn(excel).applyHighlights(highlightFor(6)));
    expect(error.code).toBe("sheet.protected");
    expect(error.messageIn("zh-CN")).toContain(PLAN);
    expect(excel.snapshot()).toEqual(before);
    expect(excel.stats.log.every((s) => s.error === null)).toBe(true);
  });

  test("protected workbook structure and no data sheet yet: workbook.protected, nothing changed", async () => {
    const excel = planWorkbook(6);
    excel.protectStructure();
    const before = excel.snapshot();
    expect((await errorOf(workbookOn(excel).applyHighlights(highlightFor(6)))).code).toBe("workbook.protected");
    expect(excel.snapshot()).toEqual(before);
  });

  test("a fault part-way through the write: our partial highlights are removed, then a retry succeeds", async () => {
    const excel = planWorkbook(9);
    addUserThings(excel);
    const before = excel.snapshot();
    const port = workbookOn(excel);
    // Taking stock is 3 syncs here (a user's custom rule's formula is read), the write is the 4th:
    // fail it after 7 of its operations (data sheet added, part of the lists written).
    excel.failSync(4, "ConnectionFailure", 7);
    const error = await errorOf(port.applyHighlights(highlightFor(9)));
    expect(error).toBeInstanceOf(PartialWriteError);
    expect(error.code).toBe("network");
    expect(error.messageIn("zh-CN")).toMatch(/标注已全部移除/);
    const failed = excel.stats.log.findIndex((sync) => sync.error === "ConnectionFailure");
    expect(excel.stats.log[failed].applied).toBe(7);
    expect(excel.stats.log.length).toBeGreaterThan(failed + 1); // the cleanup ran
    expect(excel.snapshot()).toEqual(before);

    await port.applyHighlights(highlightFor(9));
    expect(ownedRules(excel)).toHaveLength(3);
  });

  test("removes our rules from other sheets too, and leaves rules with no marker alone", async () => {
    const excel = planWorkbook(6);
    excel.addSheet("Old", { values: [["x"]] });
    excel.addConditionalFormat("Old", {
      type: "Custom",
      range: "A1:A9",
      formula: "=ISNUMBER(MATCH(ROW(),fengong_overdue,0))",
    });
    excel.addConditionalFormat("Old", { type: "Custom", range: "A1:A9", formula: "=ROW()>2", fill: "#000000" });
    await workbookOn(excel).applyHighlights(highlightFor(6));
    expect(excel.snapshot().sheets.find((s) => s.name === "Old")?.conditionalFormats).toEqual([
      { type: "Custom", range: "A1:A9", formula: "=ROW()>2", fill: "#000000" },
    ]);
  });
});

describe("report sheets", () => {
  const sheet = (rows: ReportSheet["rows"], name = "问题清单"): ReportSheet => ({
    kind: "findings",
    name,
    replaces: ["问题清单", "Findings"],
    rows,
    links: [{ row: 1, column: 3, sheet: PLAN, address: "C5" }],
    columnWidths: [10, 20, 8, 10],
  });

  test("text that begins with = + - @ stays text; numbers stay numbers; header bold and frozen; links", async () => {
    const excel = planWorkbook(3);
    const rows = [
      ["严重程度", "规则", "行", "单元格"],
      ["=SUM(A1)", "+1", 5, "C5"],
      ["-x", "@x", null, "0012"],
    ];
    await workbookOn(excel).writeReportSheet(sheet(rows));
    expect(excel.values("问题清单", "A1:D3")).toEqual([
      ["严重程度", "规则", "行", "单元格"],
      ["=SUM(A1)", "+1", 5, "C5"],
      ["-x", "@x", "", "0012"],
    ]);
    const snap = excel.snapshot().sheets.find((s) => s.name === "问题清单")!;
    expect(Object.values(snap.cells).some((cell) => cell.f !== undefined)).toBe(false);
    expect(snap.cells.A1.bold).toBe(true);
    expect(snap.cells.A2.bold).toBeUndefined();
    expect(snap.frozenRows).toBe(1);
    expect(snap.cells.D2.link).toEqual({ documentReference: `'${PLAN}'!C5`, textToDisplay: "C5" });
    expect(Object.keys(snap.columnWidths)).toEqual(["A", "B", "C", "D"]);
  });

  test("replaces only our own previous report sheet (by id), in any language; a user's sheet is left alone", async () => {
    const excel = planWorkbook(3);
    excel.addSheet("Findings", { values: [["old"]] });
    const port = workbookOn(excel);
    expect(await port.writeReportSheet(sheet([["a"]]))).toBe("问题清单");
    expect(await port.writeReportSheet(sheet([["b"]]))).toBe("问题清单");
    expect(excel.sheetNames()).toEqual([PLAN, "Findings", "问题清单"]);
    expect(excel.values("问题清单")).toEqual([["b"]]);
    // Ours in English now: the user's "Findings" keeps its name, ours goes beside it.
    expect(await port.writeReportSheet({ ...sheet([["c"]]), name: "Findings" })).toBe("Findings (2)");
    expect(excel.sheetNames()).toEqual([PLAN, "Findings", "Findings (2)"]);
    expect(excel.values("Findings")).toEqual([["old"]]);
    expect(excel.snapshot().sheets[0]).toEqual(planWorkbook(3).snapshot().sheets[0]);
  });

  test("a user's own sheet named 问题清单 keeps every cell after Check, re-Check and Clear; ours is 问题清单 (2)", async () => {
    const excel = planWorkbook(12);
    addUserThings(excel);
    excel.addSheet("问题清单", {
      values: [
        ["督办事项", "责任处室"],
        ["=不是公式", 3],
      ],
    });
    excel.setFill("问题清单", "A1", "#DDEBF7");
    const users = () => excel.snapshot().sheets.find((s) => s.name === "问题清单");
    const before = users();
    const port = workbookOn(excel);
    const first = await checkPlan(port, AS_OF);
    expect(first.wroteSheets).toEqual(["问题清单 (2)"]);
    expect(users()).toEqual(before);
    const once = stableSnapshot(excel);
    expect((await checkPlan(port, AS_OF)).wroteSheets).toEqual(["问题清单 (2)"]);
    expect(users()).toEqual(before);
    expect(stableSnapshot(excel)).toEqual(once);
    await clearOwnedHighlights(port);
    expect(users()).toEqual(before);
    // Ours: the check records (very hidden) and our findings sheet beside the user's.
    expect(excel.sheetNames()).toEqual([PLAN, "问题清单", HISTORY_SHEET, "问题清单 (2)"]);
  });

  test("protected workbook structure: workbook.protected before anything is written", async () => {
    const excel = planWorkbook(3);
    excel.protectStructure();
    const before = excel.snapshot();
    expect((await errorOf(workbookOn(excel).writeReportSheet(sheet([["a"]])))).code).toBe("workbook.protected");
    expect(excel.snapshot()).toEqual(before);
  });

  test("a fault part-way leaves no half-written sheet (the old report is kept) and a retry succeeds", async () => {
    const excel = planWorkbook(3);
    const port = workbookOn(excel);
    await port.writeReportSheet(sheet([["old"]]));
    const before = excel.snapshot();
    // The write is the 2nd sync of writeReportSheet: fail it after 4 operations (sheet added, part written).
    excel.failSync(2, "ConnectionFailure", 4);
    const error = await errorOf(port.writeReportSheet(sheet([["new"], ["=x"]])));
    expect(error).toBeInstanceOf(PartialWriteError);
    expect(error.code).toBe("network");
    expect(error.messageIn("en-US")).toMatch(/partly written sheet was deleted/);
    expect(excel.stats.log.find((sync) => sync.error === "ConnectionFailure")?.applied).toBe(4);
    expect(excel.snapshot()).toEqual(before);

    await port.writeReportSheet(sheet([["new"], ["=x"]]));
    expect(excel.values("问题清单")).toEqual([["new"], ["=x"]]);
    expect(excel.sheetNames()).toEqual([PLAN, "问题清单"]);
  });

  test("a sheet too big for one request is written in parts", async () => {
    const excel = planWorkbook(3, { limits: { requestBytes: 60_000 } });
    const rows = [
      ["单元格", "问题说明"],
      ...Array.from({ length: 2000 }, (_, i) => [`C${i + 3}`, `第${i + 3}行缺少牵头单位`]),
    ];
    const port = workbookOn(excel, { limits: { targetBytes: 40_000 } });
    await port.writeReportSheet({ ...sheet(rows), links: [] });
    expect(excel.values("问题清单")).toEqual(rows);
    expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(60_000);
  });

  test("a request refused for its size is written again in smaller parts; nothing is left of the refused one", async () => {
    const excel = planWorkbook(3, { limits: { requestBytes: 400_000 } });
    const rows = [
      ["单元格", "问题说明"],
      ...Array.from({ length: 8000 }, (_, i) => [`C${i + 3}`, `第${i + 3}行缺少牵头单位`]),
    ];
    const port = workbookOn(excel, { limits: { targetBytes: 1_000_000 } });
    await port.writeReportSheet({ ...sheet(rows), links: [] });
    expect(port.stats.retries).toBeGreaterThan(0);
    expect(excel.stats.log.some((sync) => sync.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(excel.values("问题清单")).toEqual(rows);
    expect(excel.sheetNames()).toEqual([PLAN, "问题清单"]);
  });
});

describe("settings", () => {
  test("round-trip through workbook.settings as JSON", async () => {
    const excel = planWorkbook(1);
    const port = workbookOn(excel);
    const settings = {
      published: "2017-05-10",
      dueSoonDays: 10,
      planSheet: PLAN,
      columns: { deadline: "E" },
      language: "zh-CN" as const,
    };
    await port.writeSettings(settings);
    expect(typeof excel.snapshot().settings[SETTINGS_KEY]).toBe("string");
    expect(await port.readSettings()).toEqual(settings);
  });

  test("garbage is tolerated: not JSON, wrong types, or nothing at all", async () => {
    const excel = planWorkbook(1);
    const port = workbookOn(excel);
    expect(await port.readSettings()).toEqual({});
    excel.setSetting(SETTINGS_KEY, "{not json");
    expect(await port.readSettings()).toEqual({});
    excel.setSetting(
      SETTINGS_KEY,
      JSON.stringify({ published: "yesterday", dueSoonDays: -3, planSheet: 7, columns: { lead: "C1" }, extra: 1 }),
    );
    expect(await port.readSettings()).toEqual({});
    excel.setSetting(SETTINGS_KEY, { dueSoonDays: 5 });
    expect(await port.readSettings()).toEqual({ dueSoonDays: 5 });
  });

  test("a copy annotated by the command line: its settings sheet is read when the workbook has none", async () => {
    const excel = planWorkbook(1);
    excel.addSheet("fengong_settings", {
      values: [[SETTINGS_KEY, JSON.stringify({ dueSoonDays: 3 })]],
      visibility: "VeryHidden",
    });
    expect(await workbookOn(excel).readSettings()).toEqual({ dueSoonDays: 3 });
  });
});

describe("use cases through ExcelWorkbook", () => {
  test("Check twice gives the same workbook as Check once", async () => {
    const excel = planWorkbook(12);
    addUserThings(excel);
    const port = workbookOn(excel);
    const first = await checkPlan(port, AS_OF);
    expect(first.wroteSheets).toEqual(["问题清单"]);
    expect(first.highlights?.overdueRows.length).toBeGreaterThan(0);
    const once = stableSnapshot(excel);
    await checkPlan(port, AS_OF);
    expect(stableSnapshot(excel)).toEqual(once);
    // Every operation went out in an explicit sync (none left for Excel.run to flush).
    expect(excel.stats.implicitSyncs).toBe(0);
    expect(port.stats.syncs).toBe(excel.stats.syncs);
  });

  test("Check on a protected plan sheet: its message, and no change at all", async () => {
    const excel = planWorkbook(12);
    excel.protectSheet(PLAN);
    const before = excel.snapshot();
    const error = await errorOf(checkPlan(workbookOn(excel), AS_OF));
    expect(error.code).toBe("sheet.protected");
    expect(excel.snapshot()).toEqual(before);
  });

  test("Totals writes its sheet; Clear removes our highlights and nothing else", async () => {
    const excel = planWorkbook(12);
    addUserThings(excel);
    const before = excel.snapshot();
    const port = workbookOn(excel);
    await highlightOverdue(port, AS_OF);
    await clearOwnedHighlights(port);
    expect(excel.snapshot()).toEqual(before);
    const totals = await totalsByUnit(port, AS_OF);
    expect(totals.wroteSheets).toEqual(["按单位汇总"]);
    expect(excel.values("按单位汇总")[0][0]).toBe("单位");
  });

  test("a cell in edit mode: the run waits for the edit to end, then completes", async () => {
    const excel = planWorkbook(3);
    excel.setCellEditMode(true);
    const port = workbookOn(excel);
    let done = false;
    const reading = port.readGrids().then((grids) => {
      done = true;
      return grids;
    });
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(done).toBe(false);
    excel.endCellEdit();
    expect((await reading).plan.values).toHaveLength(5);
  });

  test("if Excel refuses to wait (cell-edit error), the user is told to finish editing", async () => {
    const excel = planWorkbook(3);
    excel.setCellEditMode(true);
    const port = workbookOn(excel, { run: (_options, batch) => excel.run({ delayForCellEdit: false }, batch) });
    const error = await errorOf(port.readGrids());
    expect(error.code).toBe("cell-edit");
    expect(error.messageIn("zh-CN")).toContain("编辑");
  });
});

describe("request size as Excel on the web counts it (about 250 bytes of envelope per operation)", () => {
  test("a findings sheet with a link on each of 12,000 rows is written without one refused request", async () => {
    const excel = planWorkbook(3);
    const rows = [
      ["严重程度", "规则", "行", "单元格", "问题说明"],
      ...Array.from({ length: 12_000 }, (_, i) => ["错误", "lead.missing", i + 3, `C${i + 3}`, "缺少牵头单位"]),
    ];
    const links = rows.slice(1).map((_, i) => ({ row: i + 1, column: 3, sheet: PLAN, address: `C${i + 3}` }));
    const port = workbookOn(excel);
    await port.writeReportSheet({ kind: "findings", name: "问题清单", replaces: ["问题清单"], rows, links });
    expect(excel.stats.log.filter((sync) => sync.error !== null)).toEqual([]);
    expect(port.stats.retries).toBe(0);
    expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(excel.cell("问题清单", "D12001")?.hyperlink?.documentReference).toBe(`'${PLAN}'!C12002`);
  }, 60_000);

  test("the double refuses a request whose operations' envelopes alone pass 5 MB", async () => {
    const excel = planWorkbook(3);
    const error = await excel
      .run({}, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem(PLAN);
        // 11,000 one-cell writes: ~70 bytes of arguments each, ~470 with the envelope of their two operations.
        for (let row = 0; row < 11_000; row++) sheet.getRangeByIndexes(row, 7, 1, 1).values = [["已完成"]];
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(excel.stats.log[0].requestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(excel.values(PLAN, "H1:H2")).toEqual([[""], [""]]);
  });
});
