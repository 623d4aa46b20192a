/** The assessment in words and as a table (the 考核评分 sheet, the circular, the pane), in the report's language. */
import type { Assessment } from "./assessment";
import { translator, type Catalogue } from "./i18n/format";
import { formatDate } from "./summary";
import type { Language } from "./types";

const zhCN = {
  "col.rank": "名次",
  "col.unit": "单位",
  "col.score": "得分",
  "col.lead": "牵头任务",
  "col.responsible": "配合任务",
  "col.doneOnTime": "按时完成",
  "col.doneLate": "逾期完成",
  "col.overdue": "逾期未完成",
  "col.overdueDays": "累计逾期天数",
  "allLeadOnTime": "按时完成全部牵头任务的单位（{count}个）：{units}。",
  "allLeadOnTime.none": "没有按时完成全部牵头任务的单位。",
  "leadOverdue": "牵头任务逾期未完成的单位（{count}个）：{units}。",
  "leadOverdue.none": "没有牵头任务逾期未完成的单位。",
  "separator": "、",
  "method":
    "评分方法：截至{date}，每项任务按时完成计{doneOnTime}分，逾期完成计{doneLate}分，尚未到期计{open}分，逾期未完成计{overdue}分并每逾期1天扣{perOverdueDay}分（最低0分）；牵头任务权重为{lead}，配合任务权重为{responsible}，单位得分为各项任务得分的加权平均（满分100分）。得分相同的单位并列同一名次，其后名次顺延。",
};
type Key = keyof typeof zhCN;

const enUS: Catalogue<Key> = {
  "col.rank": "Rank",
  "col.unit": "Unit",
  "col.score": "Score",
  "col.lead": "Lead",
  "col.responsible": "Cooperating",
  "col.doneOnTime": "Done on time",
  "col.doneLate": "Done late",
  "col.overdue": "Overdue",
  "col.overdueDays": "Days overdue",
  "allLeadOnTime": "Units that finished all their lead tasks on time ({count}): {units}.",
  "allLeadOnTime.none": "No unit finished all its lead tasks on time.",
  "leadOverdue": "Units with lead tasks overdue ({count}): {units}.",
  "leadOverdue.none": "No unit has a lead task overdue.",
  "separator": ", ",
  "method":
    "Method: as of {date}, each task scores {doneOnTime} points when done on time, {doneLate} when done late, {open} when not yet due and {overdue} when overdue, less {perOverdueDay} per day overdue (never below 0); lead tasks weigh {lead}, cooperating tasks {responsible}; a unit's score is the weighted mean of its tasks' points (out of 100). Units with equal scores share a rank and the next rank is skipped.",
};

const text = translator<Key>({ "zh-CN": zhCN, "en-US": enUS });

const COLUMNS = [
  "col.rank",
  "col.unit",
  "col.score",
  "col.lead",
  "col.responsible",
  "col.doneOnTime",
  "col.doneLate",
  "col.overdue",
  "col.overdueDays",
] as const;

export function assessmentTable(
  assessment: Assessment,
  language: Language,
): { header: string[]; rows: (string | number)[][] } {
  return {
    header: COLUMNS.map((key) => text(language, key)),
    rows: assessment.units.map((u) => [
      u.rank,
      u.unit,
      u.score,
      u.lead,
      u.responsible,
      u.doneOnTime,
      u.doneLate,
      u.overdue,
      u.overdueDays,
    ]),
  };
}

/** The two lists of the year-end circular, one sentence each. */
export function assessmentLists(assessment: Assessment, language: Language): { onTime: string; overdue: string } {
  const separator = text(language, "separator");
  const list = (units: string[], key: "allLeadOnTime" | "leadOverdue") =>
    units.length > 0
      ? text(language, key, { count: units.length, units: units.join(separator) })
      : text(language, `${key}.none`);
  return {
    onTime: list(assessment.allLeadOnTime, "allLeadOnTime"),
    overdue: list(assessment.leadOverdue, "leadOverdue"),
  };
}

/** How the scores were made, with the weights in force (printed under the ranking). */
export function assessmentMethod(assessment: Assessment, language: Language): string {
  return text(language, "method", { ...assessment.weights, date: formatDate(assessment.asOf, language) });
}
