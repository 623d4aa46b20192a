import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { CheckOptions } from "../../src/app/check";
import { UserError } from "../../src/app/errors";
import type { CheckProgress } from "../../src/app/progress";
import { ResultStore } from "../../src/app/resultStore";
import { analyze } from "../../src/core/analyze";
import type { AnalyzeOptions, Grid, Report } from "../../src/core/types";
import { Pane } from "../../src/taskpane/components/Pane";
import { FakeHost, FakePort, finding, report, task, totals } from "./fixtures";

// The core is the lead engineer's; here the pane's flow is under test, with a hand-made report.
jest.mock("../../src/core/analyze", () => ({ analyze: jest.fn() }));
const analyzeMock = analyze as jest.MockedFunction<typeof analyze>;

const checked = (asOf = "2017-08-15"): Report =>
  report({
    asOf,
    tasks: [
      task(7, { id: "3", status: "overdue", daysOverdue: 46 }),
      task(10, { id: "6", status: "overdue", daysOverdue: 15, lead: ["省发展改革委", "省财政厅"] }),
      task(11, { status: "due-soon", deadline: { text: "8月20日", kind: "date", due: "2017-08-20" } }),
      task(14, { lead: [] }),
    ],
    findings: [
      finding("lead.missing", "error", 14),
      finding("lead.multiple", "warning", 10),
      finding("unit.alias", "info", 16),
    ],
    totals: [
      totals("省政府办公厅", { lead: 2, overdue: 1, overdueAsLead: 1 }),
      totals("省发展改革委", { lead: 1, overdue: 1, overdueAsLead: 1 }),
    ],
    summary: { text: `截至${asOf}，共4项任务。`, html: "<table></table>", tsv: "单位" },
  });

let store: ResultStore;
beforeEach(() => {
  store = new ResultStore();
  analyzeMock.mockReset();
  analyzeMock.mockImplementation((_grids: readonly Grid[], options?: AnalyzeOptions) => checked(options?.asOf));
});

async function renderPane(host: FakeHost, language: "zh-CN" | "en-US" = "zh-CN", saveFile = jest.fn()) {
  const result = render(
    <Pane host={host} detectedLanguage={language} store={store} today="2017-08-15" saveFile={saveFile} />,
  );
  await act(async () => undefined); // settings load
  return { ...result, saveFile };
}

async function clickCheck() {
  await act(async () => {
    fireEvent.click(screen.getByTestId("run-check"));
  });
  await waitFor(() => expect(store.get().running).toBe(false));
}

describe("Pane in Excel", () => {
  it("checks with the as-of date and saved settings, writes the findings sheet, and shows the counts", async () => {
    const port = new FakePort();
    const host = new FakeHost("office", port);
    host.settings = { published: "2017-05-10", dueSoonDays: 10 };
    await renderPane(host);
    fireEvent.change(screen.getByTestId("as-of"), { target: { value: "2017-09-01" } });
    await clickCheck();

    expect(analyzeMock).toHaveBeenCalledTimes(1);
    expect(analyzeMock.mock.calls[0][1]).toMatchObject({
      asOf: "2017-09-01",
      published: "2017-05-10",
      dueSoonDays: 10,
      language: "zh-CN",
    });
    expect(port.written.map((sheet) => sheet.kind)).toEqual(["findings"]);
    expect(port.highlights).toHaveLength(1);
    expect(screen.getByTestId("count-errors")).toHaveTextContent("1");
    expect(screen.getByTestId("count-overdue")).toHaveTextContent("2");
    expect(screen.getByTestId("count-due-soon")).toHaveTextContent("1");
    expect(screen.getByTestId("plan-info")).toHaveTextContent(
      "工作表“分工方案”，表头在第 3 行，共 4 项任务 · 截至 2017-09-01",
    );
    expect(store.get().source).toBe("taskpane");
  });

  it("shows what a ribbon run found", async () => {
    await renderPane(new FakeHost("office"));
    expect(screen.getByTestId("plan-info")).toHaveTextContent("尚未检查");
    act(() =>
      store.set({
        result: { action: "check", report: checked(), highlights: null, wroteSheets: [] },
        source: "ribbon",
      }),
    );
    expect(screen.getByTestId("plan-info")).toHaveTextContent("（功能区检查结果）");
    expect(screen.getAllByTestId("finding")).toHaveLength(3);
  });

  it("marks the result stale when the plan sheet changes after the check, and fresh after a new check", async () => {
    const host = new FakeHost("office");
    await renderPane(host);
    act(() => host.changeSheet("分工方案"));
    expect(screen.queryByTestId("stale")).toBeNull(); // nothing checked yet

    await clickCheck();
    act(() => host.changeSheet("其他工作表"));
    expect(screen.queryByTestId("stale")).toBeNull();
    act(() => host.changeSheet("分工方案"));
    expect(screen.getByTestId("stale")).toHaveTextContent("检查后工作表“分工方案”有修改");

    await clickCheck();
    expect(screen.queryByTestId("stale")).toBeNull();
  });

  it("selects a finding's cell in the sheet when clicked", async () => {
    const host = new FakeHost("office");
    await renderPane(host);
    await clickCheck();
    fireEvent.click(screen.getByTitle("在表格中选中 C14"));
    expect(host.selectCell).toHaveBeenCalledWith("分工方案", "C14");
  });

  it("shows an error in the user's language and lets it be dismissed", async () => {
    analyzeMock.mockImplementation(() => {
      throw new UserError("sheet.protected", { sheet: "分工方案" });
    });
    await renderPane(new FakeHost("office"), "en-US");
    await clickCheck();
    expect(screen.getByTestId("error")).toHaveTextContent('The sheet "分工方案" is protected');
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("error")).toBeNull();
  });

  it("switches views with the tabs", async () => {
    await renderPane(new FakeHost("office"), "en-US");
    await clickCheck();
    fireEvent.click(screen.getByTestId("tab-totals"));
    expect(screen.getAllByTestId("totals-row")).toHaveLength(2);
    fireEvent.click(screen.getByTestId("tab-deadlines"));
    expect(screen.getAllByTestId("overdue-task")).toHaveLength(2);
    fireEvent.click(screen.getByTestId("tab-circular"));
    expect(screen.getByTestId("summary-text")).toHaveValue("截至2017-08-15，共4项任务。");
    expect(screen.getByTestId("insert-summary")).toBeInTheDocument();
  });

  it("saves settings in the workbook and follows a saved language at once", async () => {
    const host = new FakeHost("office");
    await renderPane(host, "en-US");
    fireEvent.click(screen.getByTestId("tab-settings"));
    fireEvent.change(screen.getByTestId("settings-published"), { target: { value: "2017-05-10" } });
    fireEvent.change(screen.getByTestId("settings-language"), { target: { value: "zh-CN" } });
    await act(async () => fireEvent.click(screen.getByTestId("save-settings")));
    expect(host.savedSettings).toEqual([
      {
        published: "2017-05-10",
        dueSoonDays: null,
        planSheet: null,
        columns: null,
        language: "zh-CN",
        feedbackDate: null,
        assessment: null,
      },
    ]);
    expect(screen.getByTestId("run-check")).toHaveTextContent("检查");
    expect(document.documentElement.lang).toBe("zh-CN");

    await clickCheck();
    expect(analyzeMock.mock.calls[0][1]).toMatchObject({ published: "2017-05-10", language: "zh-CN" });
  });
});

describe("Pane settings", () => {
  it("re-runs the check when settings are saved, with the saved settings", async () => {
    const host = new FakeHost("office");
    await renderPane(host);
    await clickCheck();
    expect(analyzeMock).toHaveBeenCalledTimes(1);
    expect(analyzeMock.mock.calls[0][1]?.published ?? null).toBeNull();
    fireEvent.click(screen.getByTestId("tab-settings"));
    fireEvent.change(screen.getByTestId("settings-published"), { target: { value: "2017-05-10" } });
    fireEvent.change(screen.getByTestId("settings-due-soon-days"), { target: { value: "14" } });
    await act(async () => fireEvent.click(screen.getByTestId("save-settings")));
    await waitFor(() => expect(analyzeMock).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(store.get().running).toBe(false));
    expect(analyzeMock.mock.calls[1][1]).toMatchObject({
      asOf: "2017-08-15",
      published: "2017-05-10",
      dueSoonDays: 14,
    });
  });

  it("does not run a check on save before there is a result", async () => {
    await renderPane(new FakeHost("office"));
    fireEvent.click(screen.getByTestId("tab-settings"));
    fireEvent.change(screen.getByTestId("settings-published"), { target: { value: "2017-05-10" } });
    await act(async () => fireEvent.click(screen.getByTestId("save-settings")));
    expect(analyzeMock).not.toHaveBeenCalled();
  });

  it("labels the Settings tab with words, not only an icon", async () => {
    await renderPane(new FakeHost("office"));
    expect(screen.getByTestId("tab-settings")).toHaveTextContent("设置");
    await renderPane(new FakeHost("office"), "en-US");
    expect(screen.getAllByTestId("tab-settings")[1]).toHaveTextContent("Settings");
  });
});

describe("Pane standalone", () => {
  const xlsx = () => new File(["PK"], "yunnan-2017-notice.xlsx");

  it("says to open a workbook first while Check is disabled", async () => {
    const host = new FakeHost("standalone", null);
    await renderPane(host);
    expect(screen.getByTestId("run-check")).toBeDisabled();
    expect(screen.getByTestId("plan-info")).toHaveTextContent("尚未打开工作簿：请先点击“打开工作簿”");
    expect(screen.getByTestId("plan-info")).not.toHaveTextContent("点击“检查”读取");
    await act(async () => fireEvent.change(screen.getByTestId("open-workbook"), { target: { files: [xlsx()] } }));
    expect(screen.getByTestId("run-check")).toBeEnabled();
    expect(screen.getByTestId("plan-info")).toHaveTextContent("尚未检查：点击“检查”读取分工方案");
  });

  it("opens a workbook from the file input, then checks it", async () => {
    const host = new FakeHost("standalone", null);
    await renderPane(host, "en-US");
    expect(screen.getByTestId("run-check")).toBeDisabled();
    expect(screen.queryByTestId("download-annotated")).toBeNull();

    await act(async () => fireEvent.change(screen.getByTestId("open-workbook"), { target: { files: [xlsx()] } }));
    expect(host.openWorkbook).toHaveBeenCalledWith(expect.objectContaining({ name: "yunnan-2017-notice.xlsx" }));
    expect(screen.getByTestId("file-name")).toHaveTextContent("File: yunnan-2017-notice.xlsx");
    expect(screen.getByTestId("run-check")).toBeEnabled();

    await clickCheck();
    expect(screen.getByTestId("count-overdue")).toHaveTextContent("2");
    // Standalone, a check only reads: the file is annotated when downloaded.
    expect((host.port() as FakePort).written).toEqual([]);
  });

  it("opens a workbook dropped on the pane", async () => {
    const host = new FakeHost("standalone", null);
    await renderPane(host);
    const pane = screen.getByTestId("pane");
    fireEvent.dragEnter(pane, { dataTransfer: { files: [], dropEffect: "none" } });
    expect(screen.getByText("松开鼠标即可打开")).toBeInTheDocument();
    await act(async () => fireEvent.drop(pane, { dataTransfer: { files: [xlsx()] } }));
    expect(host.openWorkbook).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("file-name")).toHaveTextContent("yunnan-2017-notice.xlsx");
  });

  it("shows the counts as soon as the worker has them, while the report's lists are still coming", async () => {
    const host = new FakeHost("standalone", null);
    let progress: (step: CheckProgress) => void = () => undefined;
    let finish: (report: Report) => void = () => undefined;
    const checkFile = jest.fn(
      (_options: CheckOptions, onProgress: (step: CheckProgress) => void) =>
        new Promise<Report>((resolve) => {
          progress = onProgress;
          finish = resolve;
        }),
    );
    Object.assign(host, { checkFile });
    await renderPane(host);
    await act(async () => fireEvent.change(screen.getByTestId("open-workbook"), { target: { files: [xlsx()] } }));
    await act(async () => fireEvent.click(screen.getByTestId("run-check")));
    expect(checkFile).toHaveBeenCalledTimes(1);
    const counts = { errors: 3, warnings: 1204, overdue: 12610, dueSoon: 5347 };
    act(() => progress({ phase: "receiving", fraction: 0.4, counts }));
    expect(screen.getByTestId("count-overdue")).toHaveTextContent("12610");
    expect(screen.getByTestId("count-warnings")).toHaveTextContent("1204");
    expect(screen.getByTestId("progress")).toHaveTextContent("正在载入清单… 40%");
    // The findings tab says the results are coming, not "listed here after a check".
    expect(screen.getByTestId("lists-loading")).toHaveTextContent("正在检查，结果稍后在此列出。");
    expect(screen.queryByText("检查后在此列出问题。")).toBeNull();
    // The lists are in: the report's own counts, and the check is over.
    await act(async () => finish(checked()));
    expect(screen.queryByTestId("progress")).toBeNull();
    expect(screen.getByTestId("count-overdue")).toHaveTextContent("2");
    expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0);
    expect(screen.queryByTestId("lists-loading")).toBeNull();
  });

  it("downloads the annotated copy of the checked report", async () => {
    const host = new FakeHost("standalone", null);
    const { saveFile } = await renderPane(host);
    await act(async () => fireEvent.change(screen.getByTestId("open-workbook"), { target: { files: [xlsx()] } }));
    await clickCheck();
    await act(async () => fireEvent.click(screen.getByTestId("download-annotated")));
    expect(host.annotatedCopy).toHaveBeenCalledWith(store.get().result?.report, "yunnan-2017-notice（核查标注）.xlsx");
    expect(saveFile).toHaveBeenCalledWith(expect.objectContaining({ fileName: "yunnan-2017-notice（核查标注）.xlsx" }));
    expect(screen.getByTestId("downloaded")).toHaveTextContent("已生成");
  });

  it("keeps the pane usable when a file cannot be opened", async () => {
    const host = new FakeHost("standalone", null);
    host.openWorkbook = jest.fn(async (_file: File) =>
      Promise.reject(new UserError("file.not-workbook", { file: "notes.xlsx" })),
    );
    await renderPane(host, "en-US");
    await act(async () =>
      fireEvent.change(screen.getByTestId("open-workbook"), { target: { files: [new File(["x"], "notes.xlsx")] } }),
    );
    expect(screen.getByTestId("error")).toHaveTextContent('"notes.xlsx" is not a readable Excel workbook');
    expect(screen.getByTestId("run-check")).toBeDisabled();
  });

  it("has no Insert into sheet and no cell selection", async () => {
    const host = new FakeHost("standalone", null);
    await renderPane(host);
    await act(async () => fireEvent.change(screen.getByTestId("open-workbook"), { target: { files: [xlsx()] } }));
    await clickCheck();
    expect(screen.getAllByTestId("finding").every((item) => item.tagName === "LI")).toBe(true);
    fireEvent.click(screen.getByTestId("tab-circular"));
    expect(screen.queryByTestId("insert-summary")).toBeNull();
  });
});
