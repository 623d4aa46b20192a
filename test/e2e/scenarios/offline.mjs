// Offline: the Office.js CDN cannot be reached, so `Office` never exists. The page must still run standalone.
import { assertEqual } from "../lib/harness.mjs";
import { launch } from "../lib/browser.mjs";
import { count, runCheck } from "./pane.mjs";

const OFFICE_JS_FAILED = /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/;

export async function offlineScenario(tally, { origin, fixture, officeScript }) {
  const browser = await launch({ origin, locale: "zh-CN", officeScript, offline: true });
  const { page, log } = browser;
  try {
    await page.goto(`${origin}/taskpane.html`);
    await page.getByTestId("pane").waitFor();
    await tally.check("offline: without office.js the pane opens a workbook and checks it", async () => {
      assertEqual(await page.getByTestId("pane").getAttribute("data-mode"), "standalone", "pane mode");
      await page.getByTestId("open-workbook").setInputFiles(fixture);
      await page.getByTestId("file-name").waitFor();
      await runCheck(page, "2017-08-15");
      assertEqual(await count(page, "count-overdue"), 2, "count-overdue");
    });
    await tally.check("offline: the only console error is office.js failing to load", async () => {
      const others = [...log.consoleErrors.filter((text) => !OFFICE_JS_FAILED.test(text)), ...log.pageErrors];
      assertEqual(others, [], "errors");
    });
  } finally {
    await browser.close();
  }
}
