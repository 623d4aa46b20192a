/**
 * Settings outside Excel (standalone): kept in localStorage when the browser allows it, else in memory.
 * What is read back is checked field by field: a damaged or foreign value is dropped, never trusted.
 */
import { SETTINGS_KEY, type WorkbookSettings } from "../app/port";
import type { Language, Role } from "../core/types";
import { isIsoDate, OVERRIDE_ROLES } from "./model/settings";

export interface SettingsStorage {
  load(): WorkbookSettings;
  save(settings: WorkbookSettings): void;
}

/** Keep only well-formed fields of an untrusted value. */
export function sanitizeSettings(value: unknown): WorkbookSettings {
  if (typeof value !== "object" || value === null) return {};
  const raw = value as Record<string, unknown>;
  const settings: WorkbookSettings = {};
  if (typeof raw.published === "string" && isIsoDate(raw.published)) settings.published = raw.published;
  if (
    typeof raw.dueSoonDays === "number" &&
    Number.isInteger(raw.dueSoonDays) &&
    raw.dueSoonDays >= 0 &&
    raw.dueSoonDays <= 365
  )
    settings.dueSoonDays = raw.dueSoonDays;
  if (typeof raw.planSheet === "string" && raw.planSheet.trim() !== "") settings.planSheet = raw.planSheet;
  if (raw.language === "zh-CN" || raw.language === "en-US") settings.language = raw.language as Language;
  if (typeof raw.columns === "object" && raw.columns !== null) {
    const columns: Partial<Record<Role, string>> = {};
    for (const role of OVERRIDE_ROLES) {
      const letters = (raw.columns as Record<string, unknown>)[role];
      if (typeof letters === "string" && /^[A-Za-z]{1,3}$/.test(letters)) columns[role] = letters.toUpperCase();
    }
    if (Object.keys(columns).length > 0) settings.columns = columns;
  }
  return settings;
}

export function browserSettingsStorage(storage: Storage | null = safeLocalStorage()): SettingsStorage {
  let memory: WorkbookSettings = {};
  return {
    load() {
      if (!storage) return memory;
      try {
        const text = storage.getItem(SETTINGS_KEY);
        return text ? sanitizeSettings(JSON.parse(text)) : {};
      } catch {
        return memory;
      }
    },
    save(settings) {
      memory = sanitizeSettings(settings);
      try {
        storage?.setItem(SETTINGS_KEY, JSON.stringify(memory));
      } catch {
        // Storage full or blocked: the settings still hold for this page.
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage !== "undefined" ? localStorage : null;
  } catch {
    return null; // Blocked (e.g. third-party storage disabled).
  }
}
