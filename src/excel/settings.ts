/**
 * Workbook settings in Excel: workbook.settings (ExcelApi 1.4) under SETTINGS_KEY, as a JSON string.
 * Whatever is stored there (hand-edited, older versions, another tool) never breaks a check: fields that
 * are not well-formed are dropped. A copy annotated by the CLI keeps its settings in the very hidden
 * fengong_settings sheet (A1 = key, B1 = JSON); they are read when the workbook has none of its own.
 */
import { SETTINGS_KEY, type WorkbookSettings } from "../app/port";
import { normalizeLanguage } from "../core/i18n/format";
import type { Role } from "../core/types";
import type { Session } from "./session";

const ROLES: readonly Role[] = ["id", "section", "task", "lead", "responsible", "deadline", "status", "note"];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const CLI_SETTINGS_SHEET = "fengong_settings";

/** Keep only well-formed fields. */
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
  if (typeof fields.published === "string" && ISO_DATE.test(fields.published)) settings.published = fields.published;
  const days = fields.dueSoonDays;
  if (typeof days === "number" && Number.isInteger(days) && days >= 0 && days <= 366) settings.dueSoonDays = days;
  if (typeof fields.planSheet === "string" && fields.planSheet.trim() !== "" && fields.planSheet.length <= 31) {
    settings.planSheet = fields.planSheet;
  }
  if (typeof fields.language === "string") settings.language = normalizeLanguage(fields.language);
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

export async function readWorkbookSettings(session: Session): Promise<WorkbookSettings> {
  const setting = session.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load("value");
  const cliSheet = session.workbook.worksheets.getItemOrNullObject(CLI_SETTINGS_SHEET);
  await session.sync();
  if (!setting.isNullObject) return sanitizeSettings(setting.value);
  if (cliSheet.isNullObject) return {};
  const cells = cliSheet.getRange("A1:B1");
  cells.load("values");
  await session.sync();
  const [key, json] = cells.values[0] ?? [];
  return key === SETTINGS_KEY ? sanitizeSettings(json) : {};
}

export async function writeWorkbookSettings(session: Session, settings: WorkbookSettings): Promise<void> {
  session.workbook.settings.add(SETTINGS_KEY, JSON.stringify(sanitizeSettings(settings)));
  await session.sync();
}
