/**
 * Where the pane runs: Excel (Office.js loaded and Office.onReady names Excel as host), or a plain browser tab
 * (office.js missing — e.g. offline — or onReady with no host). Decided once, at start.
 */
import type { Theme } from "@fluentui/react-components";
import type { Language } from "../core/types";
import { detectLanguage, themeFor } from "./environment";

export interface OfficeInfo {
  language: Language;
  theme: Theme;
  /** Excel on the web: the pane is a browser frame that can save files (Word notes); desktop webviews may not. */
  downloads?: boolean;
}

/** How long to wait for Office.onReady before running standalone (it normally answers at once). */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

function browserLanguage(): string | null {
  return typeof navigator !== "undefined" ? navigator.language : null;
}

/** Excel's language and theme when the page runs inside Excel; null otherwise. */
export async function detectOffice(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<OfficeInfo | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    if (!info || info.host !== Office.HostType.Excel) return null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
  let displayLanguage: string | null = null;
  let officeTheme: { bodyBackgroundColor?: string } | null = null;
  let downloads = false;
  try {
    displayLanguage = Office.context.displayLanguage;
    officeTheme = Office.context.officeTheme ?? null;
    downloads = Office.context.platform === Office.PlatformType.OfficeOnline;
  } catch {
    // Older hosts: no theme; the language falls back to the browser's.
  }
  return { language: detectLanguage(displayLanguage, browserLanguage()), theme: themeFor(officeTheme), downloads };
}

export function standaloneLanguage(): Language {
  return detectLanguage(null, browserLanguage());
}
