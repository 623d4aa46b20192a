/** paneShower: showAsTaskpane only when the pane is not up, and never twice at once. */
import { paneShower } from "../../src/commands/paneVisibility";
import { OfficeRuntimeDouble } from "../doubles/excel";
import { planWorkbook } from "../excel/helpers";

type Addin = Parameters<typeof paneShower>[0];

test("two commands asking for the pane at once make one showAsTaskpane call", async () => {
  const runtime = new OfficeRuntimeDouble(planWorkbook(1));
  const shower = paneShower(runtime.office.addin as Addin);
  await Promise.all([shower.show(), shower.show()]);
  expect(runtime.showCalls).toBe(1);
  expect(runtime.redundantShows).toBe(0);
  expect(shower.visible()).toBe(true);
});

test("Office's visibility events are followed: shown after the user closed the pane, not while it is up", async () => {
  const runtime = new OfficeRuntimeDouble(planWorkbook(1));
  const shower = paneShower(runtime.office.addin as Addin);
  await shower.show();
  runtime.closePane();
  expect(shower.visible()).toBe(false);
  await shower.show();
  await shower.show();
  expect(runtime.showCalls).toBe(2);
  expect(runtime.redundantShows).toBe(0);
});

test("an Office without the visibility event or the shared runtime: show() never throws", async () => {
  const failing = paneShower({
    showAsTaskpane: () => Promise.reject(new Error("not supported")),
    onVisibilityModeChanged: () => {
      throw new Error("not supported");
    },
  });
  await expect(failing.show()).resolves.toBeUndefined();
  expect(failing.visible()).toBe(false);
});
