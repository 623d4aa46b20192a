/** The circular summary (design §5): official-register text; the per-unit table (HTML, TSV) is in ./totalsTable. */
import { translator, type Catalogue } from "./i18n/format";
import type { Comparison, IsoDate, Language, Summary, Task, UnitTotals } from "./types";
import { clip } from "./clip";
import { toSimplified } from "./text";
import { percent, totalsHtml, totalsTsv } from "./totalsTable";

export { escapeHtml, percent, totalsHtml, totalsTable, totalsTsv, tsvCell } from "./totalsTable";

const zhCN = {
  "opening": "截至{date}，共有{total}项任务，已完成{done}项，占比{donePct}；正在推进{inProgress}项",
  "inProgressParts": "（其中{parts}）",
  "dueSoon": "{window}天内到期的{dueSoon}项",
  "ongoing": "持续推进或定期开展的{ongoing}项",
  "partSeparator": "，",
  "notStarted": "，尚未启动{notStarted}项",
  "notStartedDueSoon": "（{dueSoon}项将在{window}天内到期）",
  "overdue": "；逾期未完成{overdue}项，占比{overduePct}，分别是：{list}。",
  "noOverdue": "；无逾期未完成任务。",
  "overdueItem": "由{lead}牵头的{number}（{text}，逾期{days}天）",
  "overdueItemNoLead": "未明确牵头单位的{number}（{text}，逾期{days}天）",
  "number": "第{id}项",
  "numberRow": "第{row}行任务",
  "listSeparator": "；",
  "more": "；另有{more}项（详见逾期任务清单）",
  "unitsOpening": "按单位统计，逾期任务较多的是：{list}。",
  "unitItem": "{unit}{overdue}项",
  "unitItemLead": "{unit}{overdue}项（其中牵头{overdueAsLead}项）",
  "unitSeparator": "、",
  "empty": "截至{date}，未读取到任何任务。",
  "compare.opening": "与上期（{date}）相比，{parts}。",
  "compare.none": "与上期（{date}）相比，完成和逾期情况没有变化。",
  "compare.separator": "，",
  "compare.newlyDone": "新完成{count}项",
  "compare.newlyOverdue": "新增逾期{count}项",
  "compare.stillOverdue": "连续{periods}期逾期{count}项（{list}）",
  "compare.added": "新增任务{count}项",
  "compare.removed": "减少任务{count}项",
  "compare.item": "由{lead}牵头的{number}",
  "compare.itemNoLead": "未明确牵头单位的{number}",
  "compare.itemSeparator": "、",
  "compare.more": "等{count}项",
};
type Key = keyof typeof zhCN;

const enUS: Catalogue<Key> = {
  "opening": "As of {date}, the plan has {total} tasks: {done} done ({donePct}), {inProgress} in progress",
  "inProgressParts": " (including {parts})",
  "dueSoon": "{dueSoon} due within {window} days",
  "ongoing": "{ongoing} ongoing or recurring",
  "partSeparator": ", ",
  "notStarted": ", {notStarted} not started",
  "notStartedDueSoon": " ({dueSoon} of them due within {window} days)",
  "overdue": "; {overdue} overdue ({overduePct}): {list}.",
  "noOverdue": "; no task is overdue.",
  "overdueItem": "{number} led by {lead} ({text}, {days} days overdue)",
  "overdueItemNoLead": "{number}, with no lead unit ({text}, {days} days overdue)",
  "number": "task {id}",
  "numberRow": "the task in row {row}",
  "listSeparator": "; ",
  "more": "; and {more} more (see the list of overdue tasks)",
  "unitsOpening": " By unit, the most overdue tasks are with: {list}.",
  "unitItem": "{unit} {overdue}",
  "unitItemLead": "{unit} {overdue} (as lead {overdueAsLead})",
  "unitSeparator": ", ",
  "empty": "As of {date}, no task was read.",
  "compare.opening": " Compared with the last check ({date}): {parts}.",
  "compare.none": " Compared with the last check ({date}), no task was newly done or newly overdue.",
  "compare.separator": ", ",
  "compare.newlyDone": "{count} newly done",
  "compare.newlyOverdue": "{count} newly overdue",
  "compare.stillOverdue": "{count} overdue for {periods} checks in a row ({list})",
  "compare.added": "{count} added to the plan",
  "compare.removed": "{count} removed from the plan",
  "compare.item": "{number} led by {lead}",
  "compare.itemNoLead": "{number}, with no lead unit",
  "compare.itemSeparator": ", ",
  "compare.more": "and {count} more",
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
  /** What changed since the last check: the circular says it. */
  comparison?: Comparison | null;
}

export function buildSummary(input: SummaryInput): Summary {
  return {
    text: summaryText(input),
    html: totalsHtml(input.totals, input.language),
    tsv: totalsTsv(input.totals, input.language),
  };
}

/** A status cell saying the task has not been started (未启动, 尚未开展…): named as such, not "in progress". */
const NOT_STARTED = /(未启动|未开始|未开展|尚未实施|not\s+(yet\s+)?started)/iu;

export function isNotStartedText(statusText: string): boolean {
  return statusText !== "" && NOT_STARTED.test(toSimplified(statusText));
}

/** Trailing punctuation of a quoted task text (the circular adds its own): no "。，" in the circular. */
const TRAILING_PUNCTUATION = /[\s。．.，,；;：:、！!]+$/u;

/** A unit "stands out" in the circular with at least this many overdue tasks. */
const STANDOUT_OVERDUE = 2;

function leadOf(task: Task, language: Language): string {
  return task.lead.map((unit) => clip(unit, MAX_UNIT_NAME)).join(text(language, "unitSeparator"));
}

export function summaryText({ tasks, totals, asOf, dueSoonDays, language, comparison }: SummaryInput): string {
  const date = formatDate(asOf, language);
  if (tasks.length === 0) return text(language, "empty", { date });
  const total = tasks.length;
  let done = 0;
  let dueSoon = 0;
  let ongoing = 0;
  let notStarted = 0;
  let notStartedDueSoon = 0;
  const overdueTasks: Task[] = [];
  for (const task of tasks) {
    if (task.status === "done") done++;
    else if (task.status === "overdue") overdueTasks.push(task);
    else if (isNotStartedText(task.statusText)) {
      notStarted++;
      if (task.status === "due-soon") notStartedDueSoon++;
    } else if (task.status === "due-soon") dueSoon++;
    else if (task.status === "ongoing") ongoing++;
  }
  overdueTasks.sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.row - b.row);
  const inProgress = total - done - overdueTasks.length - notStarted;
  const listSeparator = text(language, "listSeparator");
  const unitSeparator = text(language, "unitSeparator");

  let out = text(language, "opening", { date, total, done, donePct: percent(done, total), inProgress });
  const parts: string[] = [];
  if (ongoing > 0) parts.push(text(language, "ongoing", { ongoing }));
  if (dueSoon > 0) parts.push(text(language, "dueSoon", { dueSoon, window: dueSoonDays }));
  if (parts.length > 0)
    out += text(language, "inProgressParts", { parts: parts.join(text(language, "partSeparator")) });
  if (notStarted > 0) {
    out += text(language, "notStarted", { notStarted });
    if (notStartedDueSoon > 0)
      out += text(language, "notStartedDueSoon", { dueSoon: notStartedDueSoon, window: dueSoonDays });
  }
  if (overdueTasks.length > 0) {
    const named = overdueTasks
      .slice(0, MAX_OVERDUE_LISTED)
      .map((task) =>
        text(language, task.lead.length > 0 ? "overdueItem" : "overdueItemNoLead", {
          lead: leadOf(task, language),
          number: taskNumber(task, language),
          text: shorten(task.text).replace(TRAILING_PUNCTUATION, ""),
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
  if (comparison) out += comparisonText(comparison, tasks, language);
  // Only the units that stand out: a circular naming every unit with one overdue task names no one.
  const units = totals.filter((t) => t.overdue >= STANDOUT_OVERDUE).slice(0, MAX_UNITS_LISTED);
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

/** Tasks named per group of the comparison sentence; the rest are counted. */
const MAX_COMPARISON_NAMED = 10;
const CHINESE_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 2 -> 两, 3 -> 三, 12 -> 十二, 25 -> 二十五 (numbers of periods as a circular writes them). */
export function chineseCount(n: number): string {
  if (n === 2) return "两";
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : CHINESE_DIGITS[tens]}十${ones === 0 ? "" : CHINESE_DIGITS[ones]}`;
}

/** "与上期（2017年7月15日）相比，新完成3项，新增逾期2项，连续两期逾期1项（由省财政厅牵头的第5项）。" */
export function comparisonText(comparison: Comparison, tasks: readonly Task[], language: Language): string {
  const date = formatDate(comparison.since, language);
  const byRow = new Map<number, Task>();
  for (const task of tasks) byRow.set(task.row, task);
  const parts: string[] = [];
  if (comparison.newlyDone.length > 0)
    parts.push(text(language, "compare.newlyDone", { count: comparison.newlyDone.length }));
  if (comparison.newlyOverdue.length > 0)
    parts.push(text(language, "compare.newlyOverdue", { count: comparison.newlyOverdue.length }));
  // Longest runs first: 连续三期逾期…，连续两期逾期…
  const byPeriods = new Map<number, Task[]>();
  for (const entry of comparison.stillOverdue) {
    const task = byRow.get(entry.row);
    if (!task) continue;
    const list = byPeriods.get(entry.periods);
    if (list) list.push(task);
    else byPeriods.set(entry.periods, [task]);
  }
  for (const periods of [...byPeriods.keys()].sort((a, b) => b - a)) {
    const group = byPeriods.get(periods) ?? [];
    const named = group.slice(0, MAX_COMPARISON_NAMED).map((task) =>
      text(language, task.lead.length > 0 ? "compare.item" : "compare.itemNoLead", {
        lead: leadOf(task, language),
        number: taskNumber(task, language),
      }),
    );
    const rest = group.length - named.length;
    const list =
      named.join(text(language, "compare.itemSeparator")) +
      (rest > 0 ? text(language, "compare.itemSeparator") + text(language, "compare.more", { count: rest }) : "");
    parts.push(
      text(language, "compare.stillOverdue", {
        periods: language === "zh-CN" ? chineseCount(periods) : periods,
        count: group.length,
        list,
      }),
    );
  }
  if (comparison.added.length > 0) parts.push(text(language, "compare.added", { count: comparison.added.length }));
  if (comparison.removed.length > 0)
    parts.push(text(language, "compare.removed", { count: comparison.removed.length }));
  if (parts.length === 0) return text(language, "compare.none", { date });
  return text(language, "compare.opening", { date, parts: parts.join(text(language, "compare.separator")) });
}
