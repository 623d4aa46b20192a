/** A Report built by hand (independent of the core) for the CLI's formatting tests. */
import type { Report, Task, UnitTotals } from "../../src/core/types";

export function task(partial: Partial<Task> & { row: number }): Task {
  return {
    id: String(partial.row - 4),
    section: null,
    text: `任务${partial.row}`,
    lead: ["省政府办公厅"],
    responsible: [],
    leaders: [],
    deadline: { text: "2017年6月底前", kind: "month", due: "2017-06-30" },
    statusText: "",
    status: "open",
    daysOverdue: null,
    ...partial,
  };
}

export function totals(partial: Partial<UnitTotals> & { unit: string }): UnitTotals {
  return {
    lead: 0,
    responsible: 0,
    overdue: 0,
    overdueAsLead: 0,
    dueSoon: 0,
    done: 0,
    completionRate: null,
    ...partial,
  };
}

export function handmadeReport(overrides: Partial<Report> = {}): Report {
  return {
    language: "zh-CN",
    asOf: "2017-08-15",
    table: {
      sheet: "分工方案",
      headerRow: 3,
      headerRows: 1,
      firstDataRow: 4,
      lastDataRow: 10,
      firstColumn: 1,
      lastColumn: 6,
      columns: { id: 1, task: 2, lead: 3, responsible: 4, deadline: 5, status: 6 },
      planYear: 2017,
    },
    tasks: [
      task({
        row: 5,
        status: "overdue",
        daysOverdue: 15,
        deadline: { text: "2017年7月底前", kind: "month", due: "2017-07-31" },
        lead: ["省发展改革委", "省财政厅"],
      }),
      task({ row: 6, status: "overdue", daysOverdue: 46, text: "调整完善政务公开领导小组\n（第二行）" }),
      task({ row: 7, status: "due-soon", deadline: { text: "8月20日", kind: "date", due: "2017-08-20" }, lead: [] }),
      task({ row: 8, status: "done" }),
      task({ row: 9, status: "ongoing", deadline: { text: "持续推进", kind: "ongoing", due: null } }),
    ],
    findings: [
      {
        rule: "lead.missing",
        severity: "error",
        sheet: "分工方案",
        row: 7,
        column: "C",
        message: "第7行（C7）：该项任务没有牵头单位。",
        suggestion: null,
        params: {},
      },
      {
        rule: "lead.multiple",
        severity: "warning",
        sheet: "分工方案",
        row: 5,
        column: "C",
        message: "第5行（C5）：该项任务有2个牵头单位。",
        suggestion: null,
        params: {},
      },
      {
        rule: "unit.unassigned",
        severity: "info",
        sheet: "单位名录",
        row: null,
        column: null,
        message: "单位名录中的“省统计局”没有承担任何任务。",
        suggestion: null,
        params: {},
      },
    ],
    totals: [
      totals({ unit: "省政府办公厅", lead: 3, overdue: 1, overdueAsLead: 1, done: 1, completionRate: 1 / 3 }),
      totals({ unit: "省发展改革委", lead: 1, overdue: 1, overdueAsLead: 1, completionRate: 0 }),
      totals({ unit: "省财政厅", lead: 1, overdue: 1, overdueAsLead: 1, completionRate: 0 }),
    ],
    summary: {
      text: "截至2017年8月15日，共5项任务。\n\n由省政府办公厅牵头的第2项逾期。",
      html: "<table></table>",
      tsv: "单位\t牵头任务",
    },
    ...overrides,
  };
}
