/**
 * What the page's first script (src/startup/startup.js, classic ES5, in <head>) found out before anything
 * else ran: whether the browser is an old webview our bundle cannot run in (it shows the message itself), and
 * whether the page runs inside Office (only then is office.js loaded). No React here: the commands entry reads it.
 */
export interface StartupSignals {
  /** IE11 / Trident or EdgeHTML: startup.js shows the "needs WebView2" message; nothing else may start. */
  legacy: boolean;
  /** Office opened the page (its _host_Info, or our manifest's ?host=office): office.js was requested. */
  insideOffice: boolean;
}

interface StartupWindow {
  fengongStartup?: Partial<StartupSignals>;
}

/** The signals startup.js left on window; without it (tests, an old cached page) Office's presence decides. */
export function startupSignals(scope: unknown = globalThis): StartupSignals {
  const found = (scope as StartupWindow).fengongStartup;
  if (found && typeof found === "object") {
    return { legacy: found.legacy === true, insideOffice: found.insideOffice === true };
  }
  return { legacy: false, insideOffice: typeof Office !== "undefined" };
}
