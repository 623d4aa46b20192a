/**
 * Workbook settings in Excel: workbook.settings (ExcelApi 1.4) under SETTINGS_KEY, as a JSON string.
 * Whatever is stored there (hand-edited, older versions, another tool) never breaks a check: fields that
 * are not well-formed are dropped. A copy annotated by the CLI keeps its settings in the very hidden
 * fengong_settings sheet (A1 = key, B1 = JSON); they are read when the workbook has none of its own.
 */
import { SETTINGS_KEY, type WorkbookSettings } from "../app/port";
import { sanitizeSettings } from "../app/settings";
import type { Session } from "./session";

export const CLI_SETTINGS_SHEET = "fengong_settings";

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
