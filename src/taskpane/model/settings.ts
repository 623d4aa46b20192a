/** The settings form: workbook settings <-> the strings of the form, validation, and the check's options. */
import type { WorkbookSettings } from "../../app/port";
import { ASSESSMENT_WEIGHT_KEYS, type AssessmentWeights } from "../../core/assessment";
import { columnNumber } from "../../core/address";
import type { AnalyzeOptions, IsoDate, Language, Role } from "../../core/types";
import type { PaneTextKey } from "../i18n";
import { normalizeDateInput } from "../../core/dates";

/** Re-exported for the pane: the local calendar date (the default as-of date). */
export { todayIso } from "../../core/dates";

/** Roles a user may pin to a column (note is never needed to check). */
export const OVERRIDE_ROLES: Role[] = [
  "id",
  "section",
  "task",
  "lead",
  "responsible",
  "deadline",
  "status",
  "completed",
];

/** The assessment weights the form edits, in the order shown. */
export const WEIGHT_KEYS: (keyof AssessmentWeights)[] = ASSESSMENT_WEIGHT_KEYS;
const MAX_WEIGHT = 1000;

export interface SettingsForm {
  published: string;
  dueSoonDays: string;
  planSheet: string;
  columns: Record<Role, string>;
  /** "" = automatic. */
  language: "" | Language;
  /** The date reminded units report back by. */
  feedbackDate: string;
  /** Assessment weights as typed; "" = the default. */
  weights: Record<keyof AssessmentWeights, string>;
}

export type SettingsErrors = Partial<
  Record<
    "published" | "dueSoonDays" | "feedbackDate" | `column.${Role}` | `weight.${keyof AssessmentWeights}`,
    PaneTextKey
  >
>;

const MAX_COLUMN = 16384; // XFD

export function toForm(settings: WorkbookSettings): SettingsForm {
  const columns = {} as Record<Role, string>;
  for (const role of [...OVERRIDE_ROLES, "note" as Role]) columns[role] = settings.columns?.[role] ?? "";
  return {
    published: settings.published ?? "",
    dueSoonDays:
      settings.dueSoonDays === null || settings.dueSoonDays === undefined ? "" : String(settings.dueSoonDays),
    planSheet: settings.planSheet ?? "",
    columns,
    language: settings.language ?? "",
    feedbackDate: settings.feedbackDate ?? "",
    weights: Object.fromEntries(
      WEIGHT_KEYS.map((key) => {
        const value = settings.assessment?.[key];
        return [key, typeof value === "number" ? String(value) : ""];
      }),
    ) as Record<keyof AssessmentWeights, string>,
  };
}

export function validateForm(form: SettingsForm): SettingsErrors {
  const errors: SettingsErrors = {};
  if (form.published.trim() !== "" && normalizeDateInput(form.published) === null)
    errors.published = "settings.invalidDate";
  const days = form.dueSoonDays.trim();
  if (days !== "" && (!/^\d+$/.test(days) || Number(days) > 365)) errors.dueSoonDays = "settings.invalidDays";
  if (form.feedbackDate.trim() !== "" && normalizeDateInput(form.feedbackDate) === null)
    errors.feedbackDate = "settings.invalidDate";
  for (const key of WEIGHT_KEYS) {
    const text = form.weights[key].trim();
    if (text === "") continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0 || value > MAX_WEIGHT) errors[`weight.${key}`] = "settings.invalidWeight";
  }
  for (const role of OVERRIDE_ROLES) {
    const letters = form.columns[role].trim();
    if (letters === "") continue;
    const column = columnNumber(letters);
    if (!(column >= 1 && column <= MAX_COLUMN)) errors[`column.${role}`] = "settings.invalidColumn";
  }
  return errors;
}

/** The settings a valid form describes (empty fields are null: not set). */
export function fromForm(form: SettingsForm): WorkbookSettings {
  const columns: Partial<Record<Role, string>> = {};
  for (const role of OVERRIDE_ROLES) {
    const letters = form.columns[role].trim().toUpperCase();
    if (letters !== "") columns[role] = letters;
  }
  const days = form.dueSoonDays.trim();
  const weights: Partial<AssessmentWeights> = {};
  for (const key of WEIGHT_KEYS) if (form.weights[key].trim() !== "") weights[key] = Number(form.weights[key].trim());
  return {
    published: normalizeDateInput(form.published),
    dueSoonDays: days === "" ? null : Number(days),
    planSheet: form.planSheet.trim() || null,
    columns: Object.keys(columns).length > 0 ? columns : null,
    language: form.language || null,
    feedbackDate: normalizeDateInput(form.feedbackDate),
    assessment: Object.keys(weights).length > 0 ? weights : null,
  };
}

/**
 * Options for a check from the pane's settings. Settings left unset stay undefined, so the workbook's own
 * saved settings (merged by the check use case) still apply; the report is written in the pane's language.
 */
export function checkOptions(settings: WorkbookSettings, asOf: IsoDate, language: Language): AnalyzeOptions {
  const options: AnalyzeOptions = { asOf, language: settings.language ?? language };
  if (settings.published) options.published = settings.published;
  if (typeof settings.dueSoonDays === "number") options.dueSoonDays = settings.dueSoonDays;
  if (settings.planSheet) options.sheet = settings.planSheet;
  if (settings.columns && Object.keys(settings.columns).length > 0) options.columns = settings.columns;
  return options;
}
