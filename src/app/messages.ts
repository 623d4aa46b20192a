/** zh-CN and en-US catalogue of the use cases: report sheet headers. (Sheet names: core/reportNames.) */
import { translator, type Catalogue } from "../core/i18n/format";

const zhCN = {
  "col.severity": "严重程度",
  "col.rule": "规则",
  "col.row": "行",
  "col.cell": "单元格",
  "col.message": "问题说明",
  "col.suggestion": "修改建议",
  "col.unit": "单位",
  "col.lead": "牵头任务",
  "col.responsible": "责任（配合）任务",
  "col.overdue": "逾期",
  "col.overdueAsLead": "牵头逾期",
  "col.dueSoon": "即将到期",
  "col.done": "已完成",
  "col.completionRate": "完成率",
  "severity.error": "错误",
  "severity.warning": "警告",
  "severity.info": "提示",
  "findings.none": "未发现问题",
};
type Key = keyof typeof zhCN;

const enUS: Catalogue<Key> = {
  "col.severity": "Severity",
  "col.rule": "Rule",
  "col.row": "Row",
  "col.cell": "Cell",
  "col.message": "Finding",
  "col.suggestion": "Suggestion",
  "col.unit": "Unit",
  "col.lead": "Lead",
  "col.responsible": "Responsible",
  "col.overdue": "Overdue",
  "col.overdueAsLead": "Overdue as lead",
  "col.dueSoon": "Due soon",
  "col.done": "Done",
  "col.completionRate": "Completion rate",
  "severity.error": "Error",
  "severity.warning": "Warning",
  "severity.info": "Info",
  "findings.none": "No findings",
};

export const appText = translator<Key>({ "zh-CN": zhCN, "en-US": enUS });
export type AppTextKey = Key;
