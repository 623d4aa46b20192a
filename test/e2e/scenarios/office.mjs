// The pane inside "Excel": office.js from the npm package, the Excel double standing in for Excel.
import path from "node:path";
import { assert, assertEqual } from "../lib/harness.mjs";
import { launch, unexpectedErrors } from "../lib/browser.mjs";
import { officeWithDouble } from "../lib/office.mjs";
import { count, findings, overdueRows, runCheck, savePublished, showView } from "./pane.mjs";

const SETTINGS_KEY = "fengong.settings";

export async function officeScenario(
  tally,
  { origin, locale, fixture, expected, officeScript, screenshots, root, stats },
) {
  const script = await officeWithDouble({ root, officeScript, workbookFile: fixture, displayLanguage: locale });
  const browser = await launch({ origin, locale: "en-US", officeScript: script });
  const { page, log } = browser;
  const snapshot = () => page.evaluate(() => window.fengongDouble.snapshot());
  try {
    // As Office opens it: the manifest's URL carries ?host=office, so startup.js requests office.js.
    await page.goto(`${origin}/taskpane.html?host=office`);
    const loadedAt = Date.now();
    await page.getByTestId("pane").waitFor();

    await tally.check("office: the pane runs in Office mode, in Office's language (zh-CN, browser en-US)", async () => {
      assertEqual(await page.getByTestId("pane").getAttribute("data-mode"), "office", "pane mode");
      assertEqual(await page.getByTestId("open-workbook").count(), 0, "file input in Office mode");
      assertEqual(await page.getByTestId("run-check").textContent(), "检查", "Check button label");
    });

    await savePublished(page, "2017-05-10");
    await tally.check("office: settings are saved in the workbook", async () => {
      const settings = (await snapshot()).settings[SETTINGS_KEY];
      const saved = typeof settings === "string" ? JSON.parse(settings) : settings;
      assertEqual(saved?.published, "2017-05-10", `workbook setting ${SETTINGS_KEY}`);
    });

    await runCheck(page, "2017-08-15");
    await tally.check(
      "office: the check against Excel finds 2 overdue (rows 7, 10) and lead.missing at row 14",
      async () => {
        assertEqual(await count(page, "count-overdue"), 2, "count-overdue");
        assertEqual(await overdueRows(page), [7, 10], "overdue rows");
        const list = await findings(page);
        assert(
          list.some((item) => item.rule === "lead.missing" && item.row === 14 && item.severity === "error"),
          "lead.missing at row 14",
        );
        for (const [rule, row] of expected.findings)
          assert(
            list.some((item) => item.rule === rule && item.row === row),
            `missing finding ${rule} at row ${row}`,
          );
      },
    );

    if (screenshots) {
      await showView(page, "findings");
      await page.screenshot({ path: path.join(screenshots, `office-${locale}-findings.png`), fullPage: true });
    }

    await tally.check("office: the workbook holds our conditional formats, names and findings sheet", async () => {
      const state = await snapshot();
      const formats = state.sheets.flatMap((sheet) =>
        sheet.conditionalFormats.map((format) => ({ sheet: sheet.name, ...format })),
      );
      assert(
        formats.some((format) => (format.formula ?? "").includes("fengong_due")),
        `no fengong_due rule: ${JSON.stringify(formats)}`,
      );
      assert(
        state.names.some((name) => name.name === "fengong_due"),
        "no fengong_due name",
      );
      assert(
        state.sheets.some((sheet) => sheet.name === "问题清单"),
        `no 问题清单 sheet: ${state.sheets.map((s) => s.name).join(", ")}`,
      );
    });

    await tally.check(
      "office: the standalone chunks (.xlsx package code, standalone host) are never requested",
      async () => {
        // The engine (core + Excel adapter) is lazy in both modes; the .xlsx package code (src/xlsx) and the
        // standalone host only standalone. exceljs is in no chunk at all.
        const assets = stats?.assets ?? [];
        assertEqual(assets.filter((asset) => /^exceljs\./.test(asset.name)).length, 0, "an exceljs chunk");
        const standaloneOnly = assets
          .filter((asset) => !asset.initial && /^(xlsx|standalone)\.[0-9a-f]+\.js$/.test(asset.name))
          .map((asset) => asset.name);
        assertEqual(standaloneOnly.length, 2, "bundle-stats lists the xlsx and standalone chunks");
        const loaded = log.requests.filter((url) => standaloneOnly.some((name) => url.endsWith(`/${name}`)));
        assertEqual(loaded, [], "standalone chunks loaded in Office mode");
      },
    );

    await tally.check(
      "office: no console errors and no page errors (office.js's telemetry frame, blocked by our CSP, aside)",
      async () => {
        assertEqual(await unexpectedErrors({ page, log, loadedAt }), [], "errors");
      },
    );

    await tally.check("office: no request left the machine", async () => {
      assertEqual(log.foreign, [], "requests to other origins");
    });
  } finally {
    await browser.close();
  }
}
