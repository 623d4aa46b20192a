// Offline: the Office.js CDN cannot be reached. In a browser tab the page does not even ask for it and runs
// standalone.
import { assertEqual } from "../lib/harness.mjs";
import { launch, OFFICE_CDN } from "../lib/browser.mjs";
import { count, runCheck } from "./pane.mjs";

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
    await tally.check("offline: no console error, and office.js was never requested", async () => {
      assertEqual([...log.consoleErrors, ...log.pageErrors], [], "errors");
      assertEqual(
        log.requests.filter((url) => url.startsWith(OFFICE_CDN)),
        [],
        "requests to the Office.js CDN",
      );
    });
  } finally {
    await browser.close();
  }
}
