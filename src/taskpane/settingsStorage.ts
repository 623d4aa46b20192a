/**
 * Settings outside Excel (standalone): kept in localStorage when the browser allows it, else in memory.
 * What is read back is checked field by field: a damaged or foreign value is dropped, never trusted.
 */
import { SETTINGS_KEY, type WorkbookSettings } from "../app/port";
import { sanitizeSettings } from "../app/settings";

export interface SettingsStorage {
  load(): WorkbookSettings;
  save(settings: WorkbookSettings): void;
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
