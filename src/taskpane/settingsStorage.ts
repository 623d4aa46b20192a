/**
 * Settings outside Excel (standalone). They belong to the workbook, not to the browser: a publication date set
 * for one plan must not apply to the next. Each workbook's settings are kept under its own key (workbookKey:
 * the file's name and size), in localStorage when the browser allows it, else in memory; before any file is
 * open they live in memory only. What is read back is checked field by field: a damaged or foreign value is
 * dropped, never trusted.
 */
import { SETTINGS_KEY, type WorkbookSettings } from "../app/port";
import { sanitizeSettings } from "../app/settings";

export interface SettingsStorage {
  /** The settings saved for this workbook (null: none open), or {}. */
  load(workbook: string | null): WorkbookSettings;
  save(workbook: string | null, settings: WorkbookSettings): void;
}

/** The key of an open file: its name and size (the same plan re-opened finds its settings; another does not). */
export function workbookKey(file: { name: string; size: number }): string {
  return `${file.name}|${file.size}`;
}

/** The localStorage entry of one workbook. */
export function storageKey(workbook: string): string {
  return `${SETTINGS_KEY}:${workbook}`;
}

export function browserSettingsStorage(storage: Storage | null = safeLocalStorage()): SettingsStorage {
  const memory = new Map<string | null, WorkbookSettings>();
  return {
    load(workbook) {
      const kept = memory.get(workbook);
      if (!storage || workbook === null) return kept ?? {};
      try {
        const text = storage.getItem(storageKey(workbook));
        return text ? sanitizeSettings(JSON.parse(text)) : (kept ?? {});
      } catch {
        return kept ?? {};
      }
    },
    save(workbook, settings) {
      const clean = sanitizeSettings(settings);
      memory.set(workbook, clean);
      if (workbook === null) return;
      try {
        storage?.setItem(storageKey(workbook), JSON.stringify(clean));
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
