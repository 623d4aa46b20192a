/**
 * The findings' rule names, zh-CN and en-US: one list for the findings sheet (src/app/messages.ts) and the task
 * pane's catalogues, so a rule is named the same everywhere.
 */
import type { RuleId } from "../core/types";

type RuleNames = Record<`rule.${RuleId}`, string>;

export const RULE_NAMES_ZH_CN: RuleNames = {
  "rule.table.not-found": "未找到方案表格",
  "rule.table.no-lead-column": "没有牵头单位列",
  "rule.table.merges-unknown": "无法读取合并单元格",
  "rule.table.empty": "表头下没有任务",
  "rule.table.duplicate-column": "表头重复，有一列未读取",
  "rule.table.header-repeated": "重复的表头行",
  "rule.table.second-table": "同一工作表中有第二张表",
  "rule.lead.missing": "缺少牵头单位",
  "rule.lead.multiple": "多个牵头单位",
  "rule.lead.collective": "牵头单位为集合主体",
  "rule.lead.implicit": "按排名第一确定牵头单位",
  "rule.responsible.includes-lead": "牵头单位重复列为责任单位",
  "rule.unit.duplicate": "单位重复",
  "rule.unit.alias": "单位简称已规范",
  "rule.unit.unknown": "单位不在名录中",
  "rule.unit.unassigned": "名录单位未分配任务",
  "rule.task.empty": "缺少任务内容",
  "rule.task.duplicate-id": "序号重复",
  "rule.deadline.missing": "缺少完成时限",
  "rule.deadline.unparsed": "无法识别完成时限",
  "rule.deadline.needs-base": "相对时限缺少起算日期",
  "rule.deadline.outside-calendar": "日期超出法定节假日历范围",
  "rule.cell.error-value": "单元格为错误值",
  "rule.unit.carried": "沿用上文统一说明的单位",
  "rule.deadline.from-task": "时限取自任务内容",
};

export const RULE_NAMES_EN_US: RuleNames = {
  "rule.table.not-found": "No plan table found",
  "rule.table.no-lead-column": "No lead unit column",
  "rule.table.merges-unknown": "Merged cells could not be read",
  "rule.table.empty": "No tasks below the header",
  "rule.table.duplicate-column": "Repeated header: a column not read",
  "rule.table.header-repeated": "Repeated header row",
  "rule.table.second-table": "A second table on the sheet",
  "rule.lead.missing": "No lead unit",
  "rule.lead.multiple": "More than one lead unit",
  "rule.lead.collective": "Lead is a collective",
  "rule.lead.implicit": "Lead taken from the first unit",
  "rule.responsible.includes-lead": "Lead also listed as responsible",
  "rule.unit.duplicate": "Unit listed twice",
  "rule.unit.alias": "Short unit name resolved",
  "rule.unit.unknown": "Unit not in the directory",
  "rule.unit.unassigned": "Directory unit without a task",
  "rule.task.empty": "No task text",
  "rule.task.duplicate-id": "Duplicate task number",
  "rule.deadline.missing": "No deadline",
  "rule.deadline.unparsed": "Deadline not understood",
  "rule.deadline.needs-base": "Relative deadline without a publication date",
  "rule.deadline.outside-calendar": "Date outside the official calendar",
  "rule.cell.error-value": "Cell holds an error value",
  "rule.unit.carried": "Units carried from a standing instruction",
  "rule.deadline.from-task": "Deadline read from the task text",
};
