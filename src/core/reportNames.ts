/** Names of the sheets Fengong owns in a workbook (every language): never read as a plan, replaced on write. */
import type { Language } from "./types";

export const REPORT_SHEET_NAMES: Record<"findings" | "totals" | "assessment", Record<Language, string>> = {
  findings: { "zh-CN": "问题清单", "en-US": "Findings" },
  totals: { "zh-CN": "按单位汇总", "en-US": "Totals by unit" },
  assessment: { "zh-CN": "考核评分", "en-US": "Assessment" },
};

export const OWNED_SHEET_NAMES: string[] = Object.values(REPORT_SHEET_NAMES).flatMap((byLang) => Object.values(byLang));

export function isOwnedSheet(name: string): boolean {
  return OWNED_SHEET_NAMES.includes(name) || name.startsWith("fengong_");
}
