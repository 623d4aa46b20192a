/**
 * Reminders to late units (督办单 / 提醒函, design §8): per unit its overdue and due-soon tasks, the tasks it leads
 * first, written in the official register (督办事项 / 办理要求 / 反馈时限). Pure: a Report in, the parts of each
 * note out; the text to paste joins the parts, the Word writer (src/word) lays them out.
 */
import { diffDays } from "./dates";
import { translator, type Catalogue } from "./i18n/format";
import { formatDate, taskNumber } from "./summary";
import type { IsoDate, Language, Task } from "./types";

const zhCN = {
  "title": "督办通知单",
  "addressee": "{unit}：",
  "opening": "截至{date}，按照任务分工，贵单位{what}。现将有关事项督办如下，请高度重视，抓紧办理。",
  "what.overdue": "有{overdue}项任务逾期未完成",
  "what.overdueLead": "有{overdue}项任务逾期未完成（其中牵头{overdueAsLead}项）",
  "what.dueSoon": "{dueSoon}项任务即将到期",
  "what.separator": "，",
  "section.items": "一、督办事项",
  "section.requirements": "二、办理要求",
  "section.feedback": "三、反馈时限",
  "item": "（{n}）{number}：{text}",
  "field.role": "承担角色",
  "field.deadline": "完成时限",
  "field.due": "应完成日期",
  "field.state": "办理状态",
  "field.progress": "当前进展",
  "field.separator": "：",
  "role.lead": "牵头",
  "role.responsible": "配合",
  "state.overdue": "已逾期{days}天",
  "state.dueSoon": "即将到期（还有{days}天）",
  "state.dueToday": "今日到期",
  "progress.none": "未填报",
  "due.none": "—",
  "requirement.overdue":
    "对逾期未完成的事项，请认真分析原因，明确整改措施和完成时间，加快推进，尽快办结；确需调整的，按程序报批。",
  "requirement.dueSoon": "对即将到期的事项，请倒排工期、压实责任，确保按期完成。",
  "requirement.lead": "牵头单位要切实履行牵头责任，加强统筹协调；配合单位要主动配合，按职责分工抓好落实。",
  "feedback.date": "请于{date}前将上述事项办理情况（已办结的附佐证材料）书面反馈。",
  "feedback.none": "请于收到本通知之日起5个工作日内将上述事项办理情况（已办结的附佐证材料）书面反馈。",
  "signature": "{date}",
  "number.first": "{n}.",
};
type Key = keyof typeof zhCN;

const enUS: Catalogue<Key> = {
  "title": "Reminder",
  "addressee": "To: {unit}",
  "opening":
    "As of {date}, under the division of tasks, your unit has {what}. We ask you to give the following items your full attention and to act on them promptly.",
  "what.overdue": "{overdue} overdue task(s)",
  "what.overdueLead": "{overdue} overdue task(s) ({overdueAsLead} as lead)",
  "what.dueSoon": "{dueSoon} task(s) due soon",
  "what.separator": " and ",
  "section.items": "1. Items to follow up",
  "section.requirements": "2. What is required",
  "section.feedback": "3. Feedback",
  "item": "({n}) {number}: {text}",
  "field.role": "Role",
  "field.deadline": "Deadline",
  "field.due": "Due date",
  "field.state": "State",
  "field.progress": "Progress",
  "field.separator": ": ",
  "role.lead": "Lead",
  "role.responsible": "Cooperating",
  "state.overdue": "{days} days overdue",
  "state.dueSoon": "due soon ({days} days left)",
  "state.dueToday": "due today",
  "progress.none": "not reported",
  "due.none": "—",
  "requirement.overdue":
    "For each overdue item, find the cause, set out the measures and a completion date, and finish it as soon as possible; a change of deadline needs approval.",
  "requirement.dueSoon": "For each item due soon, plan the remaining work so that it is finished on time.",
  "requirement.lead":
    "Lead units take charge and coordinate the work; cooperating units support them within their remit.",
  "feedback.date": "Please report in writing on these items (with evidence for those completed) by {date}.",
  "feedback.none":
    "Please report in writing on these items (with evidence for those completed) within 5 working days of receiving this notice.",
  "signature": "{date}",
  "number.first": "({n}) ",
};

const text = translator<Key>({ "zh-CN": zhCN, "en-US": enUS });

export type ReminderRole = "lead" | "responsible";

export interface ReminderItem {
  task: Task;
  role: ReminderRole;
}

/** What one unit is reminded of. */
export interface UnitReminder {
  unit: string;
  /** Lead tasks first; within a role overdue (most days first), then due soon (earliest first), then by row. */
  items: ReminderItem[];
  overdue: number;
  overdueAsLead: number;
  dueSoon: number;
}

const needsReminder = (task: Task): boolean => task.status === "overdue" || task.status === "due-soon";

/** The units with something to remind (an overdue or due-soon task, in any role): most overdue first. */
export function remindersByUnit(tasks: readonly Task[]): UnitReminder[] {
  const byUnit = new Map<string, UnitReminder>();
  for (const task of tasks) {
    if (!needsReminder(task)) continue;
    const seen = new Set<string>();
    const units = [...task.lead, ...task.responsible];
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      if (seen.has(unit)) continue; // once per task, as lead if it leads
      seen.add(unit);
      const role: ReminderRole = i < task.lead.length ? "lead" : "responsible";
      let reminder = byUnit.get(unit);
      if (!reminder) byUnit.set(unit, (reminder = { unit, items: [], overdue: 0, overdueAsLead: 0, dueSoon: 0 }));
      reminder.items.push({ task, role });
      if (task.status === "overdue") {
        reminder.overdue++;
        if (role === "lead") reminder.overdueAsLead++;
      } else reminder.dueSoon++;
    }
  }
  const list = [...byUnit.values()];
  for (const reminder of list) reminder.items.sort(compareItems);
  return list.sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.overdueAsLead - a.overdueAsLead ||
      b.dueSoon - a.dueSoon ||
      (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
  );
}

function compareItems(a: ReminderItem, b: ReminderItem): number {
  if (a.role !== b.role) return a.role === "lead" ? -1 : 1;
  const aOver = a.task.status === "overdue";
  const bOver = b.task.status === "overdue";
  if (aOver !== bOver) return aOver ? -1 : 1;
  if (aOver) return (b.task.daysOverdue ?? 0) - (a.task.daysOverdue ?? 0) || a.task.row - b.task.row;
  return (a.task.deadline.due ?? "").localeCompare(b.task.deadline.due ?? "") || a.task.row - b.task.row;
}

export interface ReminderOptions {
  asOf: IsoDate;
  language: Language;
  /** The date by which units report back (a workbook setting); without it, "within 5 working days". */
  feedbackDate?: IsoDate | null;
}

export interface ReminderField {
  label: string;
  value: string;
}

export interface ReminderItemParts {
  /** （一）第3项：调整完善政务公开领导小组 */
  heading: string;
  fields: ReminderField[];
}

/** The parts of one note, in the order they are printed. */
export interface ReminderParts {
  title: string;
  addressee: string;
  opening: string;
  itemsHeading: string;
  items: ReminderItemParts[];
  requirementsHeading: string;
  requirements: string[];
  feedbackHeading: string;
  feedback: string;
  /** The date line at the foot (the as-of date). */
  signature: string;
}

const CHINESE_DIGITS = "零一二三四五六七八九";

/** 1 -> 一, 10 -> 十, 12 -> 十二, 40 -> 四十, 105 -> 一百零五 (up to 9999); beyond, digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 9999) return String(n);
  const units = ["", "十", "百", "千"];
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((digit, index) => {
    const place = digits.length - 1 - index;
    if (digit === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += "零";
    zero = false;
    out += (digit === 1 && place === 1 && out === "" ? "" : CHINESE_DIGITS[digit]) + units[place];
  });
  return out;
}

/** The item's number in the note: （一）（二）… in Chinese, (1) (2) … in English. */
function itemNumber(index: number, language: Language): string {
  return language === "zh-CN" ? chineseNumeral(index + 1) : String(index + 1);
}

export function reminderParts(reminder: UnitReminder, options: ReminderOptions): ReminderParts {
  const { language, asOf } = options;
  const what: string[] = [];
  if (reminder.overdue > 0)
    what.push(
      text(language, reminder.overdueAsLead > 0 ? "what.overdueLead" : "what.overdue", {
        overdue: reminder.overdue,
        overdueAsLead: reminder.overdueAsLead,
      }),
    );
  if (reminder.dueSoon > 0) what.push(text(language, "what.dueSoon", { dueSoon: reminder.dueSoon }));
  const items = reminder.items.map(({ task, role }, index): ReminderItemParts => {
    const due = task.deadline.due;
    let state: string;
    if (task.status === "overdue") state = text(language, "state.overdue", { days: task.daysOverdue ?? 0 });
    else {
      const left = due ? diffDays(due, asOf) : 0;
      state = left <= 0 ? text(language, "state.dueToday") : text(language, "state.dueSoon", { days: left });
    }
    const progress = task.statusText.replace(/\s+/g, " ").trim();
    return {
      heading: text(language, "item", {
        n: itemNumber(index, language),
        number: taskNumber(task, language),
        text: task.text.replace(/\s+/g, " ").trim(),
      }),
      fields: [
        { label: text(language, "field.role"), value: text(language, `role.${role}`) },
        { label: text(language, "field.deadline"), value: task.deadline.text || text(language, "due.none") },
        // The due day when the deadline as written does not say it already (7月底前 -> 2017年7月31日).
        ...(due && formatDate(due, language) !== task.deadline.text
          ? [{ label: text(language, "field.due"), value: formatDate(due, language) }]
          : []),
        { label: text(language, "field.state"), value: state },
        { label: text(language, "field.progress"), value: progress || text(language, "progress.none") },
      ],
    };
  });
  const requirements: string[] = [];
  if (reminder.overdue > 0) requirements.push(text(language, "requirement.overdue"));
  if (reminder.dueSoon > 0) requirements.push(text(language, "requirement.dueSoon"));
  requirements.push(text(language, "requirement.lead"));
  return {
    title: text(language, "title"),
    addressee: text(language, "addressee", { unit: reminder.unit }),
    opening: text(language, "opening", {
      date: formatDate(asOf, language),
      what: what.join(text(language, "what.separator")),
    }),
    itemsHeading: text(language, "section.items"),
    items,
    requirementsHeading: text(language, "section.requirements"),
    requirements: requirements.map(
      (requirement, index) => text(language, "number.first", { n: String(index + 1) }) + requirement,
    ),
    feedbackHeading: text(language, "section.feedback"),
    feedback: options.feedbackDate
      ? text(language, "feedback.date", { date: formatDate(options.feedbackDate, language) })
      : text(language, "feedback.none"),
    signature: text(language, "signature", { date: formatDate(asOf, language) }),
  };
}

/** The note as plain text to paste (into an e-mail, a chat, a Word document). */
export function reminderText(parts: ReminderParts): string {
  const separator = /[\u3400-\u9fff]/u.test(parts.title) ? "：" : ": ";
  const lines = [parts.title, "", parts.addressee, parts.opening, "", parts.itemsHeading];
  for (const item of parts.items) {
    lines.push(item.heading);
    for (const field of item.fields) lines.push(`    ${field.label}${separator}${field.value}`);
  }
  lines.push("", parts.requirementsHeading, ...parts.requirements, "", parts.feedbackHeading, parts.feedback);
  lines.push("", parts.signature);
  return lines.join("\n");
}
