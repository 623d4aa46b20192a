/**
 * The circular (通报) as a document: its title, numbered sections, the per-unit table (the figures of `totals`),
 * the overdue tasks and, at year end, the assessment. Pure: the Word writer (src/word) lays the parts out.
 */
import type { Assessment } from "./assessment";
import { assessmentLists, assessmentMethod, assessmentTable } from "./assessmentText";
import { translator, type Catalogue } from "./i18n/format";
import { clip } from "./clip";
import { chineseNumeral } from "./reminders";
import { formatDate, taskNumber, totalsTable } from "./summary";
import type { Language, Report } from "./types";

const zhCN = {
  "title": "关于分工方案任务落实情况的通报",
  "subtitle": "（截至{date}）",
  "section": "{n}、{title}",
  "section.overview": "总体情况",
  "section.units": "各单位任务落实情况",
  "section.overdue": "逾期未完成任务",
  "section.assessment": "年度考核评分",
  "units.intro": "各单位任务落实情况如下表（牵头任务与配合任务分列统计，一项任务中同一单位只计一次）。",
  "overdue.intro": "截至{date}，逾期未完成任务{count}项，具体如下：",
  "overdue.more": "以上列出逾期时间最长的{listed}项，另有{more}项见逾期任务清单（问题清单及标注副本中的高亮行）。",
  "overdue.none": "截至{date}，无逾期未完成任务。",
  "col.number": "序号",
  "col.task": "工作任务",
  "col.lead": "牵头单位",
  "col.deadline": "完成时限",
  "col.daysOverdue": "逾期天数",
  "noLead": "未明确",
  "unitSeparator": "、",
  "closing": "请各单位对照本通报，认真查摆问题，逾期任务限期办结，确保各项任务按期完成。",
  "date": "{date}",
};
type Key = keyof typeof zhCN;

const enUS: Catalogue<Key> = {
  "title": "Circular on the progress of the plan's tasks",
  "subtitle": "(as of {date})",
  "section": "{n}. {title}",
  "section.overview": "Overview",
  "section.units": "Progress by unit",
  "section.overdue": "Overdue tasks",
  "section.assessment": "Year-end assessment",
  "units.intro":
    "The table below gives each unit's tasks, lead and cooperating counted apart (a unit counts once per task).",
  "overdue.intro": "As of {date}, {count} tasks are overdue:",
  "overdue.more":
    "The {listed} longest overdue are listed above; {more} more are in the list of overdue tasks (the highlighted rows of the annotated copy).",
  "overdue.none": "As of {date}, no task is overdue.",
  "col.number": "No.",
  "col.task": "Task",
  "col.lead": "Lead unit",
  "col.deadline": "Deadline",
  "col.daysOverdue": "Days overdue",
  "noLead": "none",
  "unitSeparator": ", ",
  "closing":
    "Units are asked to review this circular, finish their overdue tasks without delay and keep every task on schedule.",
  "date": "{date}",
};

const text = translator<Key>({ "zh-CN": zhCN, "en-US": enUS });

/** A circular lists the longest overdue tasks; a 100,000-row ledger must not give a document of 50,000 rows. */
export const MAX_OVERDUE_ROWS = 200;
/** Characters of a task's text in the circular's table (the unit's own note has it whole). */
const MAX_TASK_TEXT = 120;

export interface DocumentTable {
  header: string[];
  rows: (string | number)[][];
  /** Relative column widths (same length as header). */
  widths: number[];
}

export interface DocumentSection {
  heading: string;
  paragraphs: string[];
  table?: DocumentTable;
  /** Paragraphs after the table. */
  after?: string[];
}

export interface CircularDocumentParts {
  title: string;
  subtitle: string;
  sections: DocumentSection[];
  closing: string;
  date: string;
}

/** The circular's parts; with an assessment (year end) a section with the ranking and the two lists. */
export function circularDocumentParts(report: Report, assessment?: Assessment | null): CircularDocumentParts {
  const language: Language = report.language;
  const date = formatDate(report.asOf, language);
  const heading = (index: number, title: string) =>
    text(language, "section", { n: language === "zh-CN" ? chineseNumeral(index) : String(index), title });
  const totals = totalsTable(report.totals, language);
  const overdue = report.tasks
    .filter((task) => task.status === "overdue")
    .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.row - b.row);
  const sections: DocumentSection[] = [
    { heading: heading(1, text(language, "section.overview")), paragraphs: [report.summary.text] },
    {
      heading: heading(2, text(language, "section.units")),
      paragraphs: [text(language, "units.intro")],
      table: { ...totals, widths: [25, 9, 13, 8, 10, 10, 9, 11] },
    },
    {
      heading: heading(3, text(language, "section.overdue")),
      paragraphs: [
        overdue.length > 0
          ? text(language, "overdue.intro", { date, count: overdue.length })
          : text(language, "overdue.none", { date }),
      ],
      ...(overdue.length > 0
        ? {
            table: {
              header: [
                text(language, "col.number"),
                text(language, "col.task"),
                text(language, "col.lead"),
                text(language, "col.deadline"),
                text(language, "col.daysOverdue"),
              ],
              rows: overdue
                .slice(0, MAX_OVERDUE_ROWS)
                .map((task) => [
                  taskNumber(task, language),
                  clip(task.text.replace(/\s+/g, " ").trim(), MAX_TASK_TEXT),
                  task.lead.length > 0 ? task.lead.join(text(language, "unitSeparator")) : text(language, "noLead"),
                  task.deadline.text,
                  task.daysOverdue ?? 0,
                ]),
              widths: [10, 44, 20, 14, 10],
            },
            after:
              overdue.length > MAX_OVERDUE_ROWS
                ? [
                    text(language, "overdue.more", {
                      listed: MAX_OVERDUE_ROWS,
                      more: overdue.length - MAX_OVERDUE_ROWS,
                    }),
                  ]
                : [],
          }
        : {}),
    },
  ];
  if (assessment) {
    const lists = assessmentLists(assessment, language);
    sections.push({
      heading: heading(4, text(language, "section.assessment")),
      paragraphs: [lists.onTime, lists.overdue],
      table: { ...assessmentTable(assessment, language), widths: [7, 24, 8, 8, 8, 9, 9, 10, 11] },
      after: [assessmentMethod(assessment, language)],
    });
  }
  return {
    title: text(language, "title"),
    subtitle: text(language, "subtitle", { date }),
    sections,
    closing: text(language, "closing"),
    date: text(language, "date", { date }),
  };
}
