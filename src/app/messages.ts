/** zh-CN and en-US catalogue of the use cases: the findings sheet's headers and rule names. (Sheet names: core/reportNames; the totals table: core/summary.) */
import { translator, type Catalogue } from "../core/i18n/format";
import { RULE_NAMES_EN_US, RULE_NAMES_ZH_CN } from "./ruleNames";

const zhCN = {
  "col.severity": "严重程度",
  "col.rule": "规则",
  "col.row": "行",
  "col.cell": "单元格",
  "col.message": "问题说明",
  "col.suggestion": "修改建议",
  "severity.error": "错误",
  "severity.warning": "警告",
  "severity.info": "提示",
  // Rule names in the findings sheet (one list with the pane's: ruleNames.ts).
  ...RULE_NAMES_ZH_CN,
};
type Key = keyof typeof zhCN;

const enUS: Catalogue<Key> = {
  "col.severity": "Severity",
  "col.rule": "Rule",
  "col.row": "Row",
  "col.cell": "Cell",
  "col.message": "Finding",
  "col.suggestion": "Suggestion",
  "severity.error": "Error",
  "severity.warning": "Warning",
  "severity.info": "Info",
  ...RULE_NAMES_EN_US,
};

export const appText = translator<Key>({ "zh-CN": zhCN, "en-US": enUS });
export type AppTextKey = Key;
