// Start-up messages in the built page: an old webview (IE11's Trident user agent) gets the "needs WebView2"
// message from startup.js; inside Office with office.js blocked, the pane says so and offers a retry instead of
// running standalone. Screenshots of both go to the artifacts folder (not docs/screenshots).
import path from "node:path";
import { assert, assertEqual } from "../lib/harness.mjs";
import { launch } from "../lib/browser.mjs";

const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";

export async function startupScenario(tally, { origin, officeScript, artifacts }) {
  {
    const browser = await launch({ origin, locale: "zh-CN", officeScript, userAgent: IE11 });
    const { page } = browser;
    try {
      await page.goto(`${origin}/taskpane.html?host=office`);
      const box = page.getByTestId("legacy-webview");
      await box.waitFor();
      await tally.check(
        "startup: an IE11 (Trident) webview gets the WebView2 message, zh-CN first then en-US",
        async () => {
          const langs = await box.locator("[lang]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("lang")));
          assertEqual(langs, ["zh-CN", "en-US"], "message languages");
          const text = await box.textContent();
          assert(/WebView2/.test(text ?? "") && /Microsoft 365/.test(text ?? ""), `message: ${text}`);
          assertEqual(await page.getByTestId("pane").count(), 0, "pane rendered under IE11");
        },
      );
      await page.screenshot({ path: path.join(artifacts, "startup-legacy-webview.png"), fullPage: true });
    } finally {
      await browser.close();
    }
  }
  {
    const browser = await launch({ origin, locale: "zh-CN", officeScript, offline: true });
    const { page } = browser;
    try {
      await page.goto(`${origin}/taskpane.html?host=office`);
      const failed = page.getByTestId("office-start-failed");
      await failed.waitFor();
      await tally.check(
        "startup: inside Office with office.js blocked, a message and a retry, not standalone",
        async () => {
          assertEqual(await page.getByTestId("pane").count(), 0, "pane rendered");
          assertEqual(await page.getByTestId("office-start-retry").textContent(), "重试", "retry button");
          assert(/Office\.js/.test((await failed.textContent()) ?? ""), "message names Office.js");
        },
      );
      await page.screenshot({ path: path.join(artifacts, "startup-office-failed.png"), fullPage: true });
      await tally.check("startup: retry reloads the page (and asks for office.js again)", async () => {
        const before = browser.log.requests.filter((url) => url.endsWith("/office.js")).length;
        await page.getByTestId("office-start-retry").click();
        await page.getByTestId("office-start-failed").waitFor();
        const after = browser.log.requests.filter((url) => url.endsWith("/office.js")).length;
        assert(after > before, `office.js requested ${before} then ${after} times`);
      });
    } finally {
      await browser.close();
    }
  }
}
