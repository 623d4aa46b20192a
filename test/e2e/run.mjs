#!/usr/bin/env node
/**
 * End-to-end tests of the built task pane in Debian Chromium (playwright-core, no browser download):
 *   1. build dist/ when it is missing or older than the sources (FENGONG_E2E_BUILD=always|never|auto);
 *   2. serve dist/ on a free localhost port;
 *   3. bundle: the Office path's initial JS < 250 KB gzip and free of exceljs;
 *   4. standalone, zh-CN and en-US: open test/fixtures/yunnan-2017-notice.xlsx, check it as of 2017-08-15
 *      (published 2017-05-10), assert counts, findings, overdue rows, totals, summary, clipboard, the downloaded
 *      copy (re-read with exceljs), no console error, no request leaving the machine; screenshots of every view
 *      into test/e2e/artifacts/screenshots/ (ignored by git), or into the folder given with --screenshots DIR
 *      (`npm run screenshots` refreshes docs/screenshots/ that way: the tests never rewrite tracked files);
 *   5. offline: the Office.js CDN unreachable, the page still runs standalone;
 *   6. Office: office.js answered from the npm package plus a double of Excel (test/doubles/excel, bundled with
 *      esbuild), so the pane runs in Office mode: the same check against the double, the standalone chunk never
 *      loaded;
 *   7. start-up: IE11's user agent gets the WebView2 message; inside Office with office.js blocked, a retry
 *      (screenshots of both in test/e2e/artifacts).
 * Prints "N passed, M failed" last and exits non-zero on any failure. SCREENSHOTS=0 skips the screenshots.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createStaticServer } from "../../scripts/serve-dist.mjs";
import { officePackage } from "./lib/browser.mjs";
import { ensureBuild } from "./lib/build.mjs";
import { Tally } from "./lib/harness.mjs";
import { bundleChecks } from "./scenarios/bundle.mjs";
import { offlineScenario } from "./scenarios/offline.mjs";
import { officeScenario } from "./scenarios/office.mjs";
import { standaloneScenario } from "./scenarios/standalone.mjs";
import { startupScenario } from "./scenarios/startup.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const FIXTURE = path.join(ROOT, "test", "fixtures", "yunnan-2017-notice.xlsx");
const EXPECTED = path.join(ROOT, "test", "fixtures", "yunnan-2017-notice.expected.json");
const ARTIFACTS = path.join(ROOT, "test", "e2e", "artifacts");

/** Where screenshots go: --screenshots DIR (relative to the project), else the ignored artifacts folder. */
function screenshotFolder(argv) {
  const at = argv.indexOf("--screenshots");
  if (at >= 0 && argv[at + 1]) return path.resolve(ROOT, argv[at + 1]);
  return path.join(ARTIFACTS, "screenshots");
}
const SCREENSHOTS = screenshotFolder(process.argv.slice(2));

async function serve(dist) {
  const server = createStaticServer(await realpath(dist));
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

async function main() {
  const tally = new Tally();
  for (const file of [FIXTURE, EXPECTED])
    if (!existsSync(file)) throw new Error(`missing fixture ${path.relative(ROOT, file)}`);
  ensureBuild(ROOT);
  const dist = path.join(ROOT, "dist");
  await mkdir(ARTIFACTS, { recursive: true });
  const screenshots = process.env.SCREENSHOTS === "0" ? null : SCREENSHOTS;
  if (screenshots) await mkdir(screenshots, { recursive: true });
  const expected = JSON.parse(await readFile(EXPECTED, "utf8"));
  const { server, origin } = await serve(dist);
  const officeScript = officePackage(ROOT);
  const shared = {
    origin,
    fixture: FIXTURE,
    expected,
    officeScript,
    screenshots,
    artifacts: ARTIFACTS,
    root: ROOT,
    dist,
  };
  try {
    let stats = null;
    await tally.scenario("Bundle", async () => {
      stats = await bundleChecks(tally, { dist });
    });
    for (const locale of ["zh-CN", "en-US"])
      await tally.scenario(`Standalone page (${locale})`, () => standaloneScenario(tally, { ...shared, locale }));
    await tally.scenario("Offline (the Office.js CDN unreachable)", () => offlineScenario(tally, shared));
    await tally.scenario("Office path (office.js from the npm package, Excel double)", () =>
      officeScenario(tally, { ...shared, locale: "zh-CN", stats }),
    );
    await tally.scenario("Start-up messages (old webview; office.js blocked inside Office)", () =>
      startupScenario(tally, shared),
    );
  } finally {
    server.close();
  }
  console.log(`\n${tally.summary()}`);
  return tally.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`e2e: ${error instanceof Error ? error.message : error}`);
    console.log("\n0 passed, 1 failed");
    process.exit(1);
  },
);
