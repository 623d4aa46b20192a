/** The circular summary (design §5): official-register text, and the per-unit table as HTML and TSV. */
import { translator, type Catalogue } from "./i18n/format";
import type { IsoDate, Language, Summary, Task, UnitTotals } from "./types";
import { clip } from "./clip";

const zhCN = {
  "opening": "截至{date}，共有{total}项任务，已完成{done}项，占比{donePct}；正在推进{inProgress}项",
  "dueSoon": "（其中{dueSoon}项将在{window}天内到期）",
  "ongoing": "，其中持续推进或定期开展的{ongoing}项",
  "overdue": "；逾期未完成{overdue}项，占比{overduePct}，分别是：{list}。",
  "noOverdue": "；无逾期未完成任务。",
  "overdueItem": "由{lead}牵头的{number}（{text}，逾期{days}天）",
  "noLead": "未明确牵头单位",
  "number": "第{id}项",
  "numberRow": "第{row}行任务",
  "listSeparator": "；",
  "more": "；另有{more}项（详见逾期任务清单）",
  "unitsOpening": "按单位统计，逾期任务较多的是：{list}。",
  "unitItem": "{unit}{overdue}项",
  "unitItemLead": "{unit}{overdue}项（其中牵头{overdueAsLead}项）",
  "unitSeparator": "、",
  "empty": "截至{date}，未读取到任何任务。",
  "col.unit": "单位",
  "col.lead": "牵头任务",
  "col.responsible": "责任（配合）任务",
  "col.overdue": "逾期",
  "col.overdueAsLead": "牵头逾期",
  "col.dueSoon": "即将到期",
  "col.done": "已完成",
  "col.completionRate": "完成率",
};
type Key = keyof typeof zhCN;

const enUS: Catalogue<Key> = {
  "opening": "As of {date}, the plan has {total} tasks: {done} done ({donePct}), {inProgress} in progress",
  "dueSoon": " ({dueSoon} of them due within {window} days)",
  "ongoing": ", of which {ongoing} ongoing or recurring",
  "overdue": "; {overdue} overdue ({overduePct}): {list}.",
  "noOverdue": "; no task is overdue.",
  "overdueItem": "{number} led by {lead} ({text}, {days} days overdue)",
  "noLead": "no lead unit",
  "number": "task {id}",
  "numberRow": "the task in row {row}",
  "listSeparator": "; ",
  "more": "; and {more} more (see the list of overdue tasks)",
  "unitsOpening": " By unit, the most overdue tasks are with: {list}.",
  "unitItem": "{unit} {overdue}",
  "unitItemLead": "{unit} {overdue} (as lead {overdueAsLead})",
  "unitSeparator": ", ",
  "empty": "As of {date}, no task was read.",
  "col.unit": "Unit",
  "col.lead": "Lead",
  "col.responsible": "Responsible",
  "col.overdue": "Overdue",
  "col.overdueAsLead": "Overdue as lead",
  "col.dueSoon": "Due soon",
  "col.done": "Done",
  "col.completionRate": "Completion rate",
};

const text = translator<Key>({ "zh-CN": zhCN, "en-US": enUS });

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function formatDate(date: IsoDate, language: Language): string {
  const [y, m, d] = date.split("-").map(Number);
  return language === "zh-CN" ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1] ?? m} ${y}`;
}

export function percent(part: number, whole: number): string {
  if (whole <= 0) return "0%";
  const value = Math.round((part / whole) * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

const MAX_TASK_TEXT = 24;
const MAX_UNITS_LISTED = 5;
/** A unit name in the circular's text (a cell of a million characters is no unit name to print whole). */
const MAX_UNIT_NAME = 40;
/** A circular names the worst overdue tasks; the rest are counted (a 100k-row ledger must not give a 600 KB text). */
const MAX_OVERDUE_LISTED = 20;

/** At most MAX_TASK_TEXT characters (code points), whitespace runs as one space; longer texts end in …… */
function shorten(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  // Up to MAX_TASK_TEXT UTF-16 units is never more code points: no need to walk the text.
  if (flat.length <= MAX_TASK_TEXT) return flat;
  let out = "";
  let count = 0;
  for (const char of flat) {
    if (count === MAX_TASK_TEXT) return `${out}……`;
    out += char;
    count++;
  }
  return flat;
}

export function taskNumber(task: Task, language: Language): string {
  return task.id ? text(language, "number", { id: task.id }) : text(language, "numberRow", { row: task.row });
}

export interface SummaryInput {
  tasks: readonly Task[];
  totals: readonly UnitTotals[];
  asOf: IsoDate;
  dueSoonDays: number;
  language: Language;
}

export function buildSummary(input: SummaryInput): Summary {
  return {
    text: summaryText(input),
    html: totalsHtml(input.totals, input.language),
    tsv: totalsTsv(input.totals, input.language),
  };
}

export function summaryText({ tasks, totals, asOf, dueSoonDays, language }: SummaryInput): string {
  const date = formatDate(asOf, language);
  if (tasks.length === 0) return text(language, "empty", { date });
  const total = tasks.length;
  let done = 0;
  let dueSoon = 0;
  let ongoing = 0;
  const overdueTasks: Task[] = [];
  for (const task of tasks) {
    if (task.status === "done") done++;
    else if (task.status === "due-soon") dueSoon++;
    else if (task.status === "ongoing") ongoing++;
    else if (task.status === "overdue") overdueTasks.push(task);
  }
  overdueTasks.sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.row - b.row);
  const inProgress = total - done - overdueTasks.length;
  const listSeparator = text(language, "listSeparator");
  const unitSeparator = text(language, "unitSeparator");

  let out = text(language, "opening", { date, total, done, donePct: percent(done, total), inProgress });
  if (dueSoon > 0) out += text(language, "dueSoon", { dueSoon, window: dueSoonDays });
  if (ongoing > 0) out += text(language, "ongoing", { ongoing });
  if (overdueTasks.length > 0) {
    const named = overdueTasks
      .slice(0, MAX_OVERDUE_LISTED)
      .map((task) =>
        text(language, "overdueItem", {
          lead:
            task.lead.length > 0
              ? task.lead.map((unit) => clip(unit, MAX_UNIT_NAME)).join(unitSeparator)
              : text(language, "noLead"),
          number: taskNumber(task, language),
          text: shorten(task.text),
          days: task.daysOverdue ?? 0,
        }),
      )
      .join(listSeparator);
    const rest = overdueTasks.length - MAX_OVERDUE_LISTED;
    const list = rest > 0 ? named + text(language, "more", { more: rest }) : named;
    out += text(language, "overdue", {
      overdue: overdueTasks.length,
      overduePct: percent(overdueTasks.length, total),
      list,
    });
  } else {
    out += text(language, "noOverdue");
  }
  const units = totals.filter((t) => t.overdue > 0).slice(0, MAX_UNITS_LISTED);
  if (units.length > 0) {
    const list = units
      .map((t) =>
        text(language, t.overdueAsLead > 0 ? "unitItemLead" : "unitItem", {
          unit: clip(t.unit, MAX_UNIT_NAME),
          overdue: t.overdue,
          overdueAsLead: t.overdueAsLead,
        }),
      )
      .join(unitSeparator);
    out += text(language, "unitsOpening", { list });
  }
  return out;
}

const COLUMNS = [
  "col.unit",
  "col.lead",
  "col.responsible",
  "col.overdue",
  "col.overdueAsLead",
  "col.dueSoon",
  "col.done",
  "col.completionRate",
] as const;

/** The per-unit table (header and rows) in the report's language: used for the HTML, the TSV and the totals sheet. */
export function totalsTable(
  totals: readonly UnitTotals[],
  language: Language,
): { header: string[]; rows: (string | number)[][] } {
  return {
    header: COLUMNS.map((key) => text(language, key)),
    rows: totals.map((t) => [
      t.unit,
      t.lead,
      t.responsible,
      t.overdue,
      t.overdueAsLead,
      t.dueSoon,
      t.done,
      t.completionRate === null ? "" : percent(t.done, t.lead + t.responsible),
    ]),
  };
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );
}

export function totalsHtml(totals: readonly UnitTotals[], language: Language): string {
  const cell = (tag: "th" | "td", value: string | number) =>
    `<${tag} style="border:1px solid #000;padding:2px 6px${typeof value === "number" ? ";text-align:right" : ""}">${escapeHtml(String(value))}</${tag}>`;
  const table = totalsTable(totals, language);
  const head = `<tr>${table.header.map((value) => cell("th", value)).join("")}</tr>`;
  const body = table.rows.map((row) => `<tr>${row.map((value) => cell("td", value)).join("")}</tr>`).join("");
  return `<table style="border-collapse:collapse">${head}${body}</table>`;
}

/** A TSV cell: one line, and text that a spreadsheet would take for a formula (= + - @, DDE) kept as text. */
export function tsvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const flat = value.replace(/[\t\r\n]+/g, " ");
  // Judged after any leading spaces (a tab or line break before "=" became one): " =cmd|…" is still a formula.
  return /^\s*[=+\-@|]/.test(flat) ? `'${flat}` : flat;
}

export function totalsTsv(totals: readonly UnitTotals[], language: Language): string {
  const table = totalsTable(totals, language);
  const lines = [table.header, ...table.rows];
  return lines.map((row) => row.map(tsvCell).join("\t")).join("\n");
}
