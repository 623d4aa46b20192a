// Debian Chromium through playwright-core: a fresh profile per launch, a network guard and a console log.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const PANE_WIDTH = 350;

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launch Chromium on a fresh profile. Every request is checked: the local server passes, the Office.js CDN is
 * answered from the npm package (officeScript(rel) gives the body) — or fails as offline — and anything else is
 * aborted and recorded.
 * Console errors and page errors are recorded too.
 */
export async function launch({
  origin,
  locale,
  officeScript,
  offline = false,
  viewport = { width: PANE_WIDTH, height: 760 },
  userAgent = undefined,
}) {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), "fengong-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    locale,
    acceptDownloads: true,
    reducedMotion: "reduce",
    permissions: ["clipboard-read", "clipboard-write"],
    ...(userAgent ? { userAgent } : {}),
  });
  const log = { requests: [], foreign: [], consoleErrors: [], pageErrors: [] };
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      if (offline) return route.abort("internetdisconnected");
      const body = await officeScript(url.slice(OFFICE_CDN.length).split("?")[0]);
      if (body !== null) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body });
      return route.fulfill({ status: 404, contentType: "text/plain", body: "not in the office-js package" });
    }
    log.foreign.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (request) => log.requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") log.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => log.pageErrors.push(error.message));
  const close = async () => {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  };
  return { context, page, log, close };
}

/**
 * office.js (outside a host, and in hosts that log to it) adds a hidden telemetry frame 3 s after it loads
 * (OSF.Logger's proxy frame in o15apptofilemappingtable.js). The page's Content-Security-Policy blocks it on
 * purpose — nothing leaves the machine — and Chromium reports that as a console error. That one message is
 * expected; every other console error fails the run.
 */
export const OFFICE_TELEMETRY_BLOCKED =
  /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;
export const OFFICE_TELEMETRY_DELAY_MS = 3000;

/** Console and page errors of a launch, but the expected blocked telemetry frame (waits until it has happened). */
export async function unexpectedErrors({ page, log, loadedAt }) {
  const wait = loadedAt + OFFICE_TELEMETRY_DELAY_MS + 1000 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  return [...log.consoleErrors.filter((text) => !OFFICE_TELEMETRY_BLOCKED.test(text)), ...log.pageErrors];
}

/** Office.js files answered from node_modules/@microsoft/office-js/dist (null when the package has none). */
export function officePackage(root) {
  const dist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
  return async (relative) => {
    const file = path.resolve(dist, relative);
    if (!file.startsWith(dist + path.sep) || !existsSync(file)) return null;
    return readFile(file, "utf8");
  };
}
