/**
 * Workbook settings read back from anywhere (Excel's workbook.settings, the fengong_settings sheet of an .xlsx
 * copy, the browser's storage) are untrusted: hand-edited, older versions, another tool. One check for all of
 * them keeps the well-formed fields and drops the rest, so a stored value never breaks a check.
 */
import { ASSESSMENT_WEIGHT_KEYS, type AssessmentWeights } from "../core/assessment";
import { normalizeDateInput } from "../core/dates";
import { normalizeLanguage } from "../core/i18n/format";
import type { Role } from "../core/types";
import type { WorkbookSettings } from "./port";

const ROLES: readonly Role[] = [
  "id",
  "section",
  "task",
  "lead",
  "responsible",
  "deadline",
  "status",
  "note",
  "completed",
];
/** A warning window beyond a year is a typing slip. */
const MAX_DUE_SOON_DAYS = 366;
/** No assessment weight or point value beyond this (points are on a 0–100 scale). */
const MAX_WEIGHT = 1000;
/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** Keep only well-formed fields of a settings value (an object, or its JSON text). Never throws. */
export function sanitizeSettings(raw: unknown): WorkbookSettings {
  let input = raw;
  if (typeof input === "string") {
    try {
      input = JSON.parse(input);
    } catch {
      return {};
    }
  }
  if (!input || typeof input !== "object" || Array.isArray(input)) return {};
  const fields = input as Record<string, unknown>;
  const settings: WorkbookSettings = {};
  const published = normalizeDateInput(fields.published);
  if (published !== null) settings.published = published;
  const days = fields.dueSoonDays;
  if (typeof days === "number" && Number.isInteger(days) && days >= 0 && days <= MAX_DUE_SOON_DAYS) {
    settings.dueSoonDays = days;
  }
  const sheet = fields.planSheet;
  if (typeof sheet === "string" && sheet.trim() !== "" && sheet.length <= MAX_SHEET_NAME) settings.planSheet = sheet;
  // Only a language we have: zh-CN, zh-Hans-CN, zh_CN.UTF-8 … or en-*; anything else means "follow the plan".
  if (typeof fields.language === "string" && /^(zh|en)(?:$|[-_.@])/i.test(fields.language.trim())) {
    settings.language = normalizeLanguage(fields.language);
  }
  const feedbackDate = normalizeDateInput(fields.feedbackDate);
  if (feedbackDate !== null) settings.feedbackDate = feedbackDate;
  const weights = fields.assessment;
  if (weights && typeof weights === "object" && !Array.isArray(weights)) {
    const kept: Partial<AssessmentWeights> = {};
    for (const key of ASSESSMENT_WEIGHT_KEYS) {
      const value = (weights as Record<string, unknown>)[key];
      if (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_WEIGHT) kept[key] = value;
    }
    if (Object.keys(kept).length > 0) settings.assessment = kept;
  }
  if (fields.columns && typeof fields.columns === "object" && !Array.isArray(fields.columns)) {
    const columns: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      const letter = (fields.columns as Record<string, unknown>)[role];
      if (typeof letter === "string" && /^[A-Za-z]{1,3}$/.test(letter)) columns[role] = letter.toUpperCase();
    }
    if (Object.keys(columns).length > 0) settings.columns = columns;
  }
  return settings;
}
