/**
 * Workbook settings in an .xlsx copy. exceljs keeps only range-valued workbook names (a constant name is
 * dropped on reading), so the settings live as JSON in a very hidden sheet we own, next to the key:
 * fengong_settings!A1 = SETTINGS_KEY, B1 = JSON. Clearing highlights leaves it alone.
 */
import type { Workbook } from "exceljs";
import { normalizeLanguage } from "../core/i18n/format";
import type { Role } from "../core/types";
import { SETTINGS_KEY, type WorkbookSettings } from "../app/port";
import { findSheet, replaceSheet } from "./sheets";
import { toCellValue } from "./cellValue";

export const SETTINGS_SHEET = "fengong_settings";

const ROLES: readonly Role[] = ["id", "section", "task", "lead", "responsible", "deadline", "status", "note"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Keep only well-formed fields: a hand-edited or foreign value never breaks a check. */
export function sanitizeSettings(raw: unknown): WorkbookSettings {
  if (!raw || typeof raw !== "object") return {};
  const input = raw as Record<string, unknown>;
  const settings: WorkbookSettings = {};
  if (typeof input.published === "string" && ISO_DATE.test(input.published)) settings.published = input.published;
  if (typeof input.dueSoonDays === "number" && Number.isInteger(input.dueSoonDays) && input.dueSoonDays >= 0) {
    settings.dueSoonDays = input.dueSoonDays;
  }
  if (typeof input.planSheet === "string" && input.planSheet.trim() !== "") settings.planSheet = input.planSheet;
  if (typeof input.language === "string") settings.language = normalizeLanguage(input.language);
  if (input.columns && typeof input.columns === "object") {
    const columns: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      const letter = (input.columns as Record<string, unknown>)[role];
      if (typeof letter === "string" && /^[A-Za-z]{1,3}$/.test(letter)) columns[role] = letter.toUpperCase();
    }
    if (Object.keys(columns).length > 0) settings.columns = columns;
  }
  return settings;
}

export function readSettings(workbook: Workbook): WorkbookSettings {
  const sheet = findSheet(workbook, SETTINGS_SHEET);
  if (!sheet) return {};
  if (toCellValue(sheet.getCell("A1").value) !== SETTINGS_KEY) return {};
  const json = toCellValue(sheet.getCell("B1").value);
  if (typeof json !== "string") return {};
  try {
    return sanitizeSettings(JSON.parse(json));
  } catch {
    return {};
  }
}

/** Replace the saved settings with these (ill-formed fields are dropped). */
export function writeSettings(workbook: Workbook, settings: WorkbookSettings): void {
  const sheet = replaceSheet(workbook, SETTINGS_SHEET, [], "veryHidden");
  sheet.getCell("A1").value = SETTINGS_KEY;
  sheet.getCell("B1").value = JSON.stringify(sanitizeSettings(settings));
}
