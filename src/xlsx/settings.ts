/**
 * Workbook settings in an .xlsx copy. exceljs keeps only range-valued workbook names (a constant name is
 * dropped on reading), so the settings live as JSON in a very hidden sheet we own, next to the key:
 * fengong_settings!A1 = SETTINGS_KEY, B1 = JSON. Clearing highlights leaves it alone.
 */
import type { Workbook } from "exceljs";
import { sanitizeSettings } from "../app/settings";
import { REPORT_SHEETS_KEY, SETTINGS_KEY, type WorkbookSettings } from "../app/port";
import { findSheet, replaceSheet } from "./sheets";
import { toCellValue } from "./cellValue";

export const SETTINGS_SHEET = "fengong_settings";

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

/** The settings sheet, made (very hidden) when missing; its other rows are kept. */
function settingsSheet(workbook: Workbook) {
  return findSheet(workbook, SETTINGS_SHEET) ?? replaceSheet(workbook, SETTINGS_SHEET, [], "veryHidden");
}

/** Replace the saved settings with these (ill-formed fields are dropped). */
export function writeSettings(workbook: Workbook, settings: WorkbookSettings): void {
  const sheet = settingsSheet(workbook);
  sheet.getCell("A1").value = SETTINGS_KEY;
  sheet.getCell("B1").value = JSON.stringify(sanitizeSettings(settings));
}

/** Names of the report sheets we created in this copy, by kind (fengong_settings row 2; see port.ts). */
export function readOwnedReportSheets(workbook: Workbook): Partial<Record<string, string[]>> {
  const sheet = findSheet(workbook, SETTINGS_SHEET);
  if (!sheet || toCellValue(sheet.getCell("A2").value) !== REPORT_SHEETS_KEY) return {};
  try {
    const parsed: unknown = JSON.parse(String(toCellValue(sheet.getCell("B2").value)));
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const owned: Partial<Record<string, string[]>> = {};
    for (const [kind, names] of Object.entries(parsed as Record<string, unknown>)) {
      if (Array.isArray(names)) owned[kind] = names.filter((n): n is string => typeof n === "string");
    }
    return owned;
  } catch {
    return {};
  }
}

export function writeOwnedReportSheets(workbook: Workbook, owned: Partial<Record<string, string[]>>): void {
  const sheet = settingsSheet(workbook);
  sheet.getCell("A2").value = REPORT_SHEETS_KEY;
  sheet.getCell("B2").value = JSON.stringify(owned);
}
