/** Plans in the Excel double, for the ExcelWorkbook tests. */
import { HISTORY_SHEET } from "../../src/core/history";
import { REPORT_SHEETS_KEY } from "../../src/app/port";
import { ExcelDouble, dateSerial, type ExcelDoubleOptions, type WorkbookSnapshot } from "../doubles/excel";
import { ExcelWorkbook, type ExcelWorkbookOptions } from "../../src/excel/excelWorkbook";

export const PLAN = "分工方案";
export const HEADER = ["序号", "工作任务", "牵头单位", "责任单位", "完成时限", "完成情况"];

/** Task i: every third overdue (due 2017-06-30), every third due soon (2017-08-18), the rest later. */
export function taskRow(i: number): (string | number)[] {
  const due = i % 3 === 0 ? dateSerial(2017, 6, 30) : i % 3 === 1 ? dateSerial(2017, 8, 18) : dateSerial(2017, 12, 31);
  return [
    i,
    `第${i}项工作任务：推进政务公开`,
    "省政府办公厅",
    "省发展改革委、省财政厅",
    due,
    i % 7 === 0 ? "已完成" : "正在推进",
  ];
}

export const AS_OF = { asOf: "2017-08-15" };

/** A plan sheet: title merged over A1:F1, header in row 2, `tasks` rows, deadlines as dates. */
export function planWorkbook(tasks: number, options: ExcelDoubleOptions = {}): ExcelDouble {
  const excel = new ExcelDouble(options);
  const rows: (string | number)[][] = [["2017年政务公开工作要点分工方案"], HEADER];
  for (let i = 1; i <= tasks; i++) rows.push(taskRow(i));
  excel.addSheet(PLAN, { values: rows, merges: ["A1:F1"] });
  excel.setNumberFormat(PLAN, `E3:E${tasks + 2}`, "yyyy-mm-dd");
  return excel;
}

/** The users' own things a run must never touch: a rule, a fill, a name. */
export function addUserThings(excel: ExcelDouble): void {
  excel.addConditionalFormat(PLAN, {
    type: "CellValue",
    range: "F3:F5",
    config: { operator: "EqualTo", formula1: '="已完成"' },
  });
  excel.addConditionalFormat(PLAN, { type: "Custom", range: "A3:A5", formula: "=$A3>100", fill: "#C6EFCE" });
  excel.setFill(PLAN, "B3", "#FFFF00");
  excel.addName("my_units", `='${PLAN}'!$C$3:$C$5`);
}

export function workbookOn(excel: ExcelDouble, options: Partial<ExcelWorkbookOptions> = {}): ExcelWorkbook {
  return new ExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported, ...options });
}

/**
 * The double's snapshot with the ids of our report sheets (kept in the settings, new on every write) replaced by
 * those sheets' names: what must be equal between two runs.
 */
export function stableSnapshot(excel: ExcelDouble): WorkbookSnapshot {
  const snapshot = withoutCheckTimes(excel.snapshot());
  const record = snapshot.settings[REPORT_SHEETS_KEY];
  if (typeof record !== "string") return snapshot;
  const byId = new Map(excel.state.sheets.filter((s) => !s.deleted).map((s) => [s.id, s.name]));
  const owned = JSON.parse(record) as Record<string, string[]>;
  const named = Object.fromEntries(
    Object.entries(owned).map(([kind, ids]) => [kind, ids.map((id) => byId.get(id) ?? "(deleted)")]),
  );
  return { ...snapshot, settings: { ...snapshot.settings, [REPORT_SHEETS_KEY]: named } };
}

/** A check record's "when" (the clock time of the check, in the history sheet) differs between two runs. */
const CHECK_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
function withoutCheckTimes(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  // Our very hidden sheets (data, history) in name order: where a retry after a fault put them is invisible.
  const ownHidden = (name: string, visibility: string) => name.startsWith("fengong_") && visibility === "VeryHidden";
  const sheets = [
    ...snapshot.sheets.filter((s) => !ownHidden(s.name, s.visibility)),
    ...snapshot.sheets.filter((s) => ownHidden(s.name, s.visibility)).sort((a, b) => a.name.localeCompare(b.name)),
  ];
  return {
    ...snapshot,
    sheets: sheets.map((sheet) =>
      sheet.name !== HISTORY_SHEET
        ? sheet
        : {
            ...sheet,
            cells: Object.fromEntries(
              Object.entries(sheet.cells).map(([address, cell]) => [
                address,
                typeof cell.v === "string" && CHECK_TIME.test(cell.v) ? { ...cell, v: "(when)" } : cell,
              ]),
            ),
          },
    ),
  };
}
