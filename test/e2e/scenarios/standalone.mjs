// The built page opened outside Office: open the sample workbook, check it, read the views, download the copy.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { assert, assertEqual } from "../lib/harness.mjs";
import { launch, unexpectedErrors } from "../lib/browser.mjs";
import { expectedTotals, readAnnotations } from "../lib/workbook.mjs";
import {
  count,
  findings,
  overdueRows,
  runCheck,
  savePublished,
  screenshotViews,
  showView,
  summaryText,
  totalsRows,
} from "./pane.mjs";

const AS_OF = "2017-08-15";
const PUBLISHED = "2017-05-10";
const AS_OF_WRITTEN = /2017年0?8月0?15日|2017-08-15|August 15, 2017|15 August 2017/;

export async function standaloneScenario(
  tally,
  { origin, locale, fixture, expected, officeScript, screenshots, artifacts },
) {
  const browser = await launch({ origin, locale, officeScript });
  const { page, log } = browser;
  try {
    await page.goto(`${origin}/taskpane.html`);
    const loadedAt = Date.now();
    await page.getByTestId("pane").waitFor();

    await tally.check(`${locale}: runs standalone when Office.onReady names no host`, async () => {
      assertEqual(await page.getByTestId("pane").getAttribute("data-mode"), "standalone", "pane mode");
      assert((await page.getByTestId("run-check").isDisabled()) === true, "Check should wait for a workbook");
    });
    if (screenshots) await page.screenshot({ path: path.join(screenshots, `${locale}-start.png`), fullPage: true });

    await page.getByTestId("open-workbook").setInputFiles(fixture);
    await page.getByTestId("file-name").waitFor();
    await savePublished(page, PUBLISHED);
    await runCheck(page, AS_OF);

    await tally.check(`${locale}: counts 2 overdue and the error findings`, async () => {
      assertEqual(await count(page, "count-overdue"), 2, "count-overdue");
      const list = await findings(page);
      const errors = list.filter((item) => item.severity === "error").length;
      assert(errors >= 1, "expected at least one error finding");
      assertEqual(await count(page, "count-errors"), errors, "count-errors (number of error findings)");
    });

    await tally.check(`${locale}: overdue tasks are rows 7 and 10, most days overdue first`, async () => {
      assertEqual(await overdueRows(page), [7, 10], "overdue rows");
    });

    await tally.check(
      `${locale}: findings include every expected one; lead.missing at row 14 is an error`,
      async () => {
        const list = await findings(page);
        for (const [rule, row] of expected.findings)
          assert(
            list.some((item) => item.rule === rule && item.row === row),
            `missing finding ${rule} at row ${row}`,
          );
        for (const rule of expected.absent)
          assert(!list.some((item) => item.rule === rule), `unexpected finding ${rule}`);
        const missing = list.find((item) => item.rule === "lead.missing" && item.row === 14);
        assertEqual(missing?.severity, "error", "severity of lead.missing at row 14");
      },
    );

    await tally.check(`${locale}: totals rows agree with the expected tasks (lead, responsible, overdue)`, async () => {
      const rows = await totalsRows(page);
      const byUnit = new Map(rows.map((cells) => [cells[0], cells]));
      const want = expectedTotals(expected.tasks);
      assertEqual(rows.length, want.size, "number of totals rows");
      for (const [unit, figures] of want) {
        const cells = byUnit.get(unit);
        assert(cells, `no totals row for ${unit}`);
        assertEqual(
          cells.slice(1, 4).map(Number),
          [figures.lead, figures.responsible, figures.overdue],
          `lead/responsible/overdue of ${unit}`,
        );
      }
    });

    await tally.check(`${locale}: the summary names the as-of date`, async () => {
      const text = await summaryText(page);
      assert(AS_OF_WRITTEN.test(text), `summary does not contain the as-of date: ${text.slice(0, 120)}`);
    });

    await tally.check(`${locale}: Copy text puts the summary on the clipboard`, async () => {
      await showView(page, "circular");
      const text = await page.getByTestId("summary-text").inputValue();
      await page.getByTestId("copy-text").click();
      await page.getByTestId("circular-notice").waitFor();
      assertEqual(await page.evaluate(() => navigator.clipboard.readText()), text, "clipboard text");
    });

    await tally.check(
      `${locale}: Copy table works through the execCommand fallback (no clipboard-write, as in Excel on the web)`,
      async () => {
        await showView(page, "circular");
        await page.evaluate(() => {
          Object.defineProperty(document, "permissionsPolicy", {
            value: { allowsFeature: () => false },
            configurable: true,
          });
          return navigator.clipboard.writeText("");
        });
        await page.getByTestId("copy-table").click();
        const copied = await page.evaluate(async () => {
          const items = await navigator.clipboard.read();
          const read = async (type) => (items[0].types.includes(type) ? (await items[0].getType(type)).text() : null);
          return { html: await read("text/html"), text: await read("text/plain") };
        });
        await page.evaluate(() => delete document.permissionsPolicy);
        assert(
          copied.html && /<table/i.test(copied.html),
          `no HTML table on the clipboard: ${String(copied.html).slice(0, 80)}`,
        );
        assert(copied.text && copied.text.includes("\t"), "no tab-separated text on the clipboard");
      },
    );

    if (screenshots) await screenshotViews(page, screenshots, locale);

    await tally.check(`${locale}: the downloaded copy re-reads with our highlights and report sheets`, async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("download-annotated").click(),
      ]);
      const file = path.join(artifacts, `${locale}-${download.suggestedFilename()}`);
      await download.saveAs(file);
      const copy = await readAnnotations(file);
      const plan = copy.sheets[0];
      assert(
        copy.formulas[plan]?.some((formula) => formula.includes("fengong_due")),
        `no fengong_ conditional format on ${plan}: ${JSON.stringify(copy.formulas)}`,
      );
      assert(copy.names.includes("fengong_due"), `no fengong_due name: ${copy.names.join(", ")}`);
      const reportSheets = locale === "zh-CN" ? ["问题清单", "按单位汇总"] : ["Findings", "Totals by unit"];
      for (const sheet of reportSheets)
        assert(copy.sheets.includes(sheet), `no ${sheet} sheet: ${copy.sheets.join(", ")}`);
    });

    await tally.check(
      `${locale}: the Follow-up tab's Word note for a unit is built in the worker and downloads`,
      async () => {
        await showView(page, "notes");
        const unit = await page.getByTestId("notes-unit").inputValue();
        assert(unit.length > 0, "no unit to remind");
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByTestId("notes-download-unit").click(),
        ]);
        assert(/\.docx$/.test(download.suggestedFilename()), `not a Word file: ${download.suggestedFilename()}`);
        const file = path.join(artifacts, `${locale}-${download.suggestedFilename()}`);
        await download.saveAs(file);
        const documentXml = unzipSync(new Uint8Array(await readFile(file)))["word/document.xml"];
        assert(documentXml, "the download has no word/document.xml");
        const xml = strFromU8(documentXml);
        assert(xml.includes(unit), `the note does not name ${unit}`);
      },
    );
    if (screenshots) {
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(screenshots, `${locale}-notes.png`), fullPage: true });
    }

    await tally.check(
      `${locale}: no console errors and no page errors (office.js's telemetry frame, blocked by our CSP, aside)`,
      async () => {
        assertEqual(await unexpectedErrors({ page, log, loadedAt }), [], "errors");
      },
    );

    await tally.check(`${locale}: no request left the page's origin (office.js is not even requested)`, async () => {
      assertEqual(log.foreign, [], "requests to other origins");
      const outside = log.requests.filter((url) => !url.startsWith(origin) && !/^(blob|data):/.test(url));
      assertEqual(outside, [], "requests outside the page's origin");
    });
  } finally {
    await browser.close();
  }
}
