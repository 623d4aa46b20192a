/** The task pane's text: one translator over the zh-CN and en-US catalogues, and a React context for it. */
import { createContext, useContext } from "react";
import { translator, type Params } from "../../core/i18n/format";
import type { Language, RuleId, Severity } from "../../core/types";
import { enUS } from "./en-US";
import { zhCN, type PaneTextKey } from "./zh-CN";

export type { PaneTextKey };

export const paneText = translator<PaneTextKey>({ "zh-CN": zhCN, "en-US": enUS });

export type Text = (key: PaneTextKey, params?: Params) => string;

export function textFor(language: Language): Text {
  return (key, params) => paneText(language, key, params);
}

export interface LanguageContextValue {
  language: Language;
  t: Text;
}

export const LanguageContext = createContext<LanguageContextValue>({ language: "zh-CN", t: textFor("zh-CN") });

/** The current language and its translator. */
export function useText(): LanguageContextValue {
  return useContext(LanguageContext);
}

/** The title of every rule (a rule added to RuleId without a title fails the type check). */
export const RULE_TITLES: Record<RuleId, PaneTextKey> = {
  "table.not-found": "rule.table.not-found",
  "table.no-lead-column": "rule.table.no-lead-column",
  "table.merges-unknown": "rule.table.merges-unknown",
  "table.empty": "rule.table.empty",
  "table.duplicate-column": "rule.table.duplicate-column",
  "table.header-repeated": "rule.table.header-repeated",
  "table.second-table": "rule.table.second-table",
  "lead.missing": "rule.lead.missing",
  "lead.multiple": "rule.lead.multiple",
  "lead.collective": "rule.lead.collective",
  "lead.implicit": "rule.lead.implicit",
  "responsible.includes-lead": "rule.responsible.includes-lead",
  "unit.duplicate": "rule.unit.duplicate",
  "unit.alias": "rule.unit.alias",
  "unit.unknown": "rule.unit.unknown",
  "unit.unassigned": "rule.unit.unassigned",
  "task.empty": "rule.task.empty",
  "task.duplicate-id": "rule.task.duplicate-id",
  "deadline.missing": "rule.deadline.missing",
  "deadline.unparsed": "rule.deadline.unparsed",
  "deadline.needs-base": "rule.deadline.needs-base",
  "deadline.outside-calendar": "rule.deadline.outside-calendar",
  "cell.error-value": "rule.cell.error-value",
  "unit.carried": "rule.unit.carried",
  "deadline.from-task": "rule.deadline.from-task",
};

export const SEVERITY_TITLES: Record<Severity, PaneTextKey> = {
  error: "severity.error",
  warning: "severity.warning",
  info: "severity.info",
};
