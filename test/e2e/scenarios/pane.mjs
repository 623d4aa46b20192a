// Driving the pane the way a coordinator does, and reading back what it shows.

export const VIEWS = ["findings", "deadlines", "totals", "circular", "settings"];

export async function showView(page, view) {
  await page.getByTestId(`tab-${view}`).click();
  await page.getByTestId(`tab-${view}`).and(page.locator('[aria-selected="true"]')).waitFor();
}

/** Save the publication date in Settings. */
export async function savePublished(page, published) {
  await showView(page, "settings");
  await page.getByTestId("settings-published").fill(published);
  await page.getByTestId("save-settings").click();
  await page.getByTestId("settings-notice").waitFor();
}

/** Set the as-of date, press Check, wait until the counts show and the check has finished. */
export async function runCheck(page, asOf) {
  await page.getByTestId("as-of").fill(asOf);
  await page.getByTestId("run-check").click();
  await page.getByTestId("count-overdue").waitFor();
  await page.getByTestId("progress").waitFor({ state: "detached" });
}

export async function findings(page) {
  await showView(page, "findings");
  return page.getByTestId("finding").evaluateAll((items) =>
    items.map((item) => ({
      rule: item.dataset.rule,
      row: item.dataset.row === "" ? null : Number(item.dataset.row),
      severity: item.closest("[data-testid^=severity-]")?.getAttribute("data-testid")?.replace("severity-", "") ?? null,
      text: item.textContent,
    })),
  );
}

export async function overdueRows(page) {
  await showView(page, "deadlines");
  return page.getByTestId("overdue-task").evaluateAll((items) => items.map((item) => Number(item.dataset.row)));
}

export async function totalsRows(page) {
  await showView(page, "totals");
  return page
    .getByTestId("totals-row")
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent.trim())));
}

export async function summaryText(page) {
  await showView(page, "circular");
  return page.getByTestId("summary-text").inputValue();
}

export async function count(page, testId) {
  return Number(await page.getByTestId(testId).textContent());
}

/** Full-page screenshot of each view into <folder>/<prefix>-<view>.png (see run.mjs for the folder). */
export async function screenshotViews(page, dir, prefix) {
  const files = [];
  for (const view of VIEWS) {
    await showView(page, view);
    await page.evaluate(() => document.fonts.ready);
    const file = `${dir}/${prefix}-${view}.png`;
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  return files;
}
