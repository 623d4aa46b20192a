/**
 * Workbook settings in an .xlsx copy. exceljs keeps only range-valued workbook names (a constant name is
 * dropped on reading), so the settings live as JSON in a very hidden sheet we own, next to the key:
 * fengong_settings!A1 = SETTINGS_KEY, B1 = JSON. Clearing highlights leaves it alone.
 */
import type { Workbook } from "exceljs";
import { sanitizeSettings } from "../app/settings";
import { SETTINGS_KEY, type WorkbookSettings } from "../app/port";
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

/** Replace the saved settings with these (ill-formed fields are dropped). */
export function writeSettings(workbook: Workbook, settings: WorkbookSettings): void {
  const sheet = replaceSheet(workbook, SETTINGS_SHEET, [], "veryHidden");
  sheet.getCell("A1").value = SETTINGS_KEY;
  sheet.getCell("B1").value = JSON.stringify(sanitizeSettings(settings));
}
