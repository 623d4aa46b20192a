/**
 * The rules our highlights write, evaluated by a real formula engine (HyperFormula) over the plan's cells, the
 * data sheet and the names exactly as ownedHighlightParts gives them: the highlighted rows are the overdue /
 * due-soon tasks of the check, and stay on their tasks when staff insert, delete or sort rows, turn overdue
 * when "today" passes their deadline, and lose their highlight when someone writes 已完成.
 */
import { highlightPlan } from "../../src/app/highlight";
import { ownedHighlightParts, rowKey, ruleSaysDone } from "../../src/app/highlightParts";
import { analyze } from "../../src/core/analyze";
import { isDoneText } from "../../src/core/status";
import { toSimplified } from "../../src/core/text";
import type { HighlightPlan } from "../../src/app/port";
import type { Report } from "../../src/core/types";
import { grid } from "../core/helpers";
import type { EngineWorkbook } from "./engine";
import { cellOf, deleteRows, highlighted, insertRows, setCell, sortRows } from "./mutations";
import { AS_OF, PLAN_MERGES, PLAN_SHEET, planRows } from "./plans";

jest.setTimeout(60_000);

function checked(): { report: Report; plan: HighlightPlan; workbook: EngineWorkbook } {
  const plan = grid(PLAN_SHEET, planRows(), PLAN_MERGES);
  const report = analyze([plan], { asOf: AS_OF, dueSoonDays: 7 });
  const highlight = highlightPlan(report, plan)!;
  const parts = ownedHighlightParts(highlight);
  return {
    report,
    plan: highlight,
    workbook: {
      sheets: [
        { name: PLAN_SHEET, values: planRows() },
        { name: parts.dataSheet, values: parts.data },
      ],
      names: parts.names,
      rules: parts.rules.map((rule) => ({
        sheet: parts.sheet,
        ref: parts.ref,
        formula: rule.formula,
        fill: rule.fill,
      })),
    },
  };
}

/** The rows of the tasks with these ids (column A), wherever they are now. */
function rowsOfIds(workbook: EngineWorkbook, ids: number[]): number[] {
  const values = workbook.sheets.find((s) => s.name === PLAN_SHEET)!.values;
  return values
    .map((row, i) => ({ id: Number(row?.[0]), row: i + 1 }))
    .filter(({ id, row }) => row > 2 && ids.includes(id))
    .map(({ row }) => row)
    .sort((a, b) => a - b);
}

describe("the highlight rules in a formula engine", () => {
  const { report, plan, workbook } = checked();

  test("the check's own view: ids 1 and 13 overdue; 2, 7 and 10 due soon; 13 lacks a lead", () => {
    const byId = (status: string) =>
      report.tasks.filter((t) => t.status === status).map((t) => Number(cellOf(workbook, PLAN_SHEET, t.row, 1)));
    expect(byId("overdue")).toEqual([1, 13]);
    expect(byId("due-soon")).toEqual([2, 7, 10]);
    expect(plan.errorCells).toContainEqual({ row: 16, column: 3 });
  });

  test("as of the check date the rules highlight exactly the check's overdue / due-soon rows and error cells", () => {
    const seen = highlighted(workbook, AS_OF);
    expect(seen.overdue).toEqual(plan.overdueRows);
    expect(seen.dueSoon).toEqual(plan.dueSoonRows);
    expect(seen.errorCells).toEqual(plan.errorCells.map((c) => `${String.fromCharCode(64 + c.column)}${c.row}`).sort());
  });

  test("keys: long text shortened (under 255), wildcards dropped, the merged text's lower row keyed by its id", () => {
    const keys = plan.dues.map((d) => d.key);
    expect(keys).toContain(rowKey(String(planRows()[7][1])));
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThan(120);
    expect(keys).toContain("全面推行权责清单制度（含中介服务）|18");
    expect(keys).toContain("7|1");
    expect(keys).toContain("=公开财政预决算（含“三公”经费）|17");
    for (const rule of ownedHighlightParts(plan).rules) expect(rule.formula.length).toBeLessThanOrEqual(255);
  });

  test("inserting rows above the table and inside it keeps every highlight on its task", () => {
    let moved = insertRows(workbook, PLAN_SHEET, 2, [["填报单位：省政府办公厅"], []]);
    moved = insertRows(moved, PLAN_SHEET, 9, [[99, "新增：推进政务服务“一网通办”", "省政务服务管理局", "", 42900, ""]]);
    const seen = highlighted(moved, AS_OF);
    expect(seen.overdue).toEqual(rowsOfIds(moved, [1, 13]));
    expect(seen.dueSoon).toEqual(rowsOfIds(moved, [2, 7, 10]));
    expect(seen.errorCells).toEqual([`C${rowsOfIds(moved, [13])[0]}`]);
  });

  test("deleting a row keeps the others on their tasks", () => {
    const moved = deleteRows(workbook, PLAN_SHEET, 6, 6); // id 3
    const seen = highlighted(moved, AS_OF);
    expect(seen.overdue).toEqual(rowsOfIds(moved, [1, 13]));
    expect(seen.dueSoon).toEqual(rowsOfIds(moved, [2, 7, 10]));
  });

  test("sorting the body by the lead column (values move, rules and data sheet stay) keeps them on their tasks", () => {
    // Sort the task rows only (the merged pair 9-10 is left out of the sort, as Excel refuses to split it).
    let moved = sortRows(workbook, PLAN_SHEET, 11, 16, "C");
    moved = sortRows(moved, PLAN_SHEET, 4, 8, "C", true);
    expect(rowsOfIds(moved, [13])).not.toEqual(rowsOfIds(workbook, [13]));
    const seen = highlighted(moved, AS_OF);
    expect(seen.overdue).toEqual(rowsOfIds(moved, [1, 13]));
    expect(seen.dueSoon).toEqual(rowsOfIds(moved, [2, 7, 10]));
    expect(seen.errorCells).toEqual([`C${rowsOfIds(moved, [13])[0]}`]);
  });

  test("tomorrow is another day: tasks turn overdue the day after their deadline, without a re-run", () => {
    expect(highlighted(workbook, "2017-08-18").overdue).toEqual(rowsOfIds(workbook, [1, 13]));
    expect(highlighted(workbook, "2017-08-19").overdue).toEqual(rowsOfIds(workbook, [1, 7, 13]));
    const september = highlighted(workbook, "2017-09-01");
    expect(september.overdue).toEqual(rowsOfIds(workbook, [1, 2, 4, 7, 10, 13]));
    expect(september.dueSoon).toEqual([]);
    expect(highlighted(workbook, "2017-09-25").dueSoon).toEqual(rowsOfIds(workbook, [12]));
    // The same as a check made that day.
    const later = analyze([grid(PLAN_SHEET, planRows(), PLAN_MERGES)], { asOf: "2017-09-01", dueSoonDays: 7 });
    expect(september.overdue).toEqual(later.tasks.filter((t) => t.status === "overdue").map((t) => t.row));
  });

  test("writing 已完成 in a task's status cell drops its highlight; 逾期未完成 does not", () => {
    const done = setCell(workbook, PLAN_SHEET, "F4", "已完成");
    expect(highlighted(done, AS_OF).overdue).toEqual(rowsOfIds(workbook, [13]));
    const stillLate = setCell(workbook, PLAN_SHEET, "F4", "逾期未完成");
    expect(highlighted(stillLate, AS_OF).overdue).toEqual(rowsOfIds(workbook, [1, 13]));
    const doneLater = setCell(workbook, PLAN_SHEET, "F13", "已辦結");
    expect(highlighted(doneLater, AS_OF).dueSoon).toEqual(rowsOfIds(workbook, [2, 7]));
  });

  test("an edited task text drops its highlight until the next check", () => {
    const edited = setCell(workbook, PLAN_SHEET, "B4", "推进行政决策公开（修订）");
    expect(highlighted(edited, AS_OF).overdue).toEqual(rowsOfIds(workbook, [13]));
  });
});

describe("status words: the rules and the core agree", () => {
  const statuses = [
    "已完成",
    "已办结",
    "已辦結",
    "完成",
    " 完成 ",
    "办结",
    "提前完成",
    "按期完成",
    "基本完成",
    "已经完成",
    "Done",
    "done - 2017-08-01",
    "Completed",
    "finished",
    "closed",
    "未完成",
    "逾期未完成",
    "尚未完成",
    "正在推进",
    "已完成80%",
    "完成50%",
    "延期至9月",
    "not yet done",
    "Not done",
    "in progress",
    "overdue",
    "",
    "已落實",
    "未辦結",
    "持续推进",
    "完成 ",
    "已完成初稿，正在征求意见",
    "已完成初稿，正在徵求意見",
    "已完成调研，待審定",
    "階段性完成",
    "辦理中",
    "已完成建设，待驗收",
    "Completed, pending sign-off",
    "Draft done",
    "已完成100%",
    "已完成（完成率100％）",
    "已完成总工程量的75％",
    "已完成80%，其中100％为市级资金",
    "已完成100%的调研，整体完成50%",
    "100%",
    " 100％ ",
    "80%",
    "80% completed",
  ];
  test.each(statuses)("%p", (status) => {
    expect(ruleSaysDone(status)).toBe(isDoneText(toSimplified(status)));
  });
});
