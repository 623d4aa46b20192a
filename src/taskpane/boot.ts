/**
 * Where the pane runs, decided once at start from what startup.js found (src/taskpane/startupSignals.ts):
 * - a plain browser tab: standalone at once (office.js is not even requested);
 * - inside Office: Excel once Office.onReady names it. If office.js never arrived (blocked by a proxy or a
 *   policy) or Office.onReady does not answer in time, the pane says so and offers a retry: it never switches
 *   silently to standalone mode inside Office, where a file picker would only confuse.
 */
import type { Theme } from "@fluentui/react-components";
import type { Language } from "../core/types";
import { detectLanguage, themeFor } from "./environment";
import type { StartupSignals } from "./startupSignals";

export interface OfficeInfo {
  language: Language;
  theme: Theme;
  /** Excel on the web: the pane is a browser frame that can save files (Word notes); desktop webviews may not. */
  downloads?: boolean;
}

export type StartMode =
  | { mode: "office"; info: OfficeInfo }
  | { mode: "standalone" }
  /** Inside Office, but Office.js is missing or never got ready (or the host is not Excel). */
  | { mode: "office-failed"; reason: "no-office-js" | "not-ready" | "not-excel" };

/** How long to wait for Office.onReady before saying it failed (it normally answers at once). */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

/** Timers, injected so tests need no real waiting. */
export interface BootClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: BootClock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export async function detectStart(
  signals: StartupSignals,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
  clock: BootClock = realClock,
): Promise<StartMode> {
  if (!signals.insideOffice) return { mode: "standalone" };
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { mode: "office-failed", reason: "no-office-js" };
  }
  let timer: unknown;
  const timeout = new Promise<null>((resolve) => {
    timer = clock.setTimeout(() => resolve(null), timeoutMs);
  });
  let info: { host: Office.HostType | null } | null;
  try {
    info = await Promise.race([Office.onReady(), timeout]);
  } catch {
    info = null;
  } finally {
    clock.clearTimeout(timer);
  }
  if (!info) return { mode: "office-failed", reason: "not-ready" };
  if (info.host !== Office.HostType.Excel) return { mode: "office-failed", reason: "not-excel" };
  return { mode: "office", info: officeInfo() };
}

function browserLanguage(): string | null {
  return typeof navigator !== "undefined" ? navigator.language : null;
}

/** Excel's language and theme (Office.onReady has answered). */
function officeInfo(): OfficeInfo {
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
