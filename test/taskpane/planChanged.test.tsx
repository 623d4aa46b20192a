/**
 * The pane notices that the plan changed since the last check — on the Excel double, with the real workbook port:
 * Excel raises onChanged for the add-in's own writes (highlights, data and findings sheets) and those never mark
 * the result stale; a user's edit of the plan does, and the notice offers to check again.
 */
import "./textEncoder";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { ResultStore } from "../../src/app/resultStore";
import { ExcelPaneSupport, type ExcelRunner } from "../../src/excel/paneSupport";
import { Pane } from "../../src/taskpane/components/Pane";
import { OfficeHost } from "../../src/taskpane/officeHost";
import { PLAN, addUserThings, planWorkbook, workbookOn } from "../excel/helpers";

jest.setTimeout(60_000);

async function setUp() {
  const excel = planWorkbook(12);
  addUserThings(excel);
  const host = new OfficeHost(workbookOn(excel), new ExcelPaneSupport(excel.paneRunner() as unknown as ExcelRunner));
  const store = new ResultStore();
  render(<Pane host={host} detectedLanguage="zh-CN" store={store} today="2017-08-15" saveFile={jest.fn()} />);
  await act(async () => excel.settleEvents()); // settings load, handler registered
  return { excel, store };
}

async function check(store: ResultStore) {
  await act(async () => {
    fireEvent.click(screen.getByTestId("run-check"));
  });
  await waitFor(() => expect(store.get().result?.action).toBe("check"));
  await waitFor(() => expect(store.get().running).toBe(false));
}

/** Let the double raise the events of finished runs and the pane read the plan again. */
async function settle(excel: ReturnType<typeof planWorkbook>) {
  for (let i = 0; i < 4; i++) await act(async () => excel.settleEvents());
}

describe("the pane and changes to the plan", () => {
  it("ignores our own writes, marks a user's edit of the plan stale and offers to check again", async () => {
    const { excel, store } = await setUp();
    await check(store);
    expect(store.get().result?.fingerprint).toEqual(expect.any(String));
    await settle(excel);
    // Excel told the pane about our writes (data sheet, findings sheet), and about the plan sheet itself:
    expect(excel.changeEvents.length).toBeGreaterThan(0);
    act(() => excel.raiseChanged(PLAN, "A3:F14")); // e.g. raised for our rules on the plan sheet
    await settle(excel);
    expect(screen.queryByTestId("stale")).toBeNull();

    act(() => excel.userEdit(PLAN, "F5", [["已完成"]]));
    await settle(excel);
    expect(screen.getByTestId("stale")).toHaveTextContent("检查后工作表“分工方案”有修改");
    const recheck = screen.getByTestId("stale-recheck");
    expect(recheck).toHaveTextContent("重新检查");

    const before = store.get().result;
    await act(async () => {
      fireEvent.click(recheck);
    });
    await waitFor(() => expect(store.get().result).not.toBe(before));
    await waitFor(() => expect(store.get().running).toBe(false));
    await settle(excel);
    expect(screen.queryByTestId("stale")).toBeNull();
  });

  it("an edit that leaves the plan's cells as they were (typed the same value again) is not a change", async () => {
    const { excel, store } = await setUp();
    await check(store);
    await settle(excel);
    const same = excel.snapshot().sheets[0].cells.F5.v;
    act(() => excel.userEdit(PLAN, "F5", [[same]]));
    await settle(excel);
    expect(screen.queryByTestId("stale")).toBeNull();
  });
});
