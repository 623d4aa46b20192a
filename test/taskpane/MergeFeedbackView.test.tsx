import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { MergePlan } from "../../src/core/merge";
import { ChangesView } from "../../src/taskpane/components/ChangesView";
import { MergeFeedbackView } from "../../src/taskpane/components/MergeFeedbackView";
import { TotalsView } from "../../src/taskpane/components/TotalsView";
import { report, totals } from "./fixtures";
import { renderIn } from "./render";

const PLAN: MergePlan = {
  sheet: "分工方案",
  statusColumn: 6,
  changes: [
    {
      row: 6,
      column: "F",
      old: "正在推进",
      new: "【省财政厅】已完成，预决算已于7月10日公开",
      unit: "省财政厅",
      id: "3",
      text: "推进财政预决算公开",
    },
  ],
  conflicts: [
    {
      row: 8,
      column: "F",
      kind: "disagree",
      current: "【省财政厅】正在推进",
      proposed: [
        { unit: "省财政厅", text: "已完成", file: "省财政厅.xlsx" },
        { unit: "省发展改革委", text: "正在推进", file: "发改委.xlsx" },
      ],
      id: "5",
      text: "推进公共资源配置领域信息公开",
    },
  ],
  copies: [
    { file: "省财政厅.xlsx", unit: "省财政厅", problem: null, tasks: 3, unmatched: [] },
    { file: "发改委.xlsx", unit: null, problem: "unit-unknown", tasks: 0, unmatched: [] },
  ],
};

const files = [
  new File([new Uint8Array([80, 75])], "省财政厅.xlsx"),
  new File([new Uint8Array([80, 75])], "发改委.xlsx"),
];

function setup() {
  const preview = jest.fn(async (_files: File[], _units: (string | null)[]) => PLAN);
  const apply = jest.fn(async (plan: MergePlan) => plan.changes.length);
  const onError = jest.fn();
  renderIn(<MergeFeedbackView canMerge preview={preview} apply={apply} onError={onError} />);
  fireEvent.change(screen.getByTestId("merge-files"), { target: { files } });
  return { preview, apply, onError };
}

describe("MergeFeedbackView", () => {
  it("previews the picked copies: the cells to write, the conflicts, and a copy whose unit is unknown", async () => {
    const { preview, apply } = setup();
    await waitFor(() => expect(screen.getByTestId("merge-changes")).toBeInTheDocument());
    expect(preview).toHaveBeenCalledWith(files, [null, null]);
    expect(screen.getByTestId("merge-changes").textContent).toContain(
      "F6（省财政厅）：“正在推进” → “【省财政厅】已完成，预决算已于7月10日公开”",
    );
    expect(screen.getByTestId("merge-conflicts").textContent).toContain("F8：各单位对是否完成说法不一");
    expect(screen.getByTestId("merge-conflicts").textContent).toContain("省发展改革委报“正在推进”");
    expect(screen.getByText("无法从文件名识别单位：请填写单位后重新预览。")).toBeInTheDocument();
    // Nothing is written before the user confirms.
    expect(apply).not.toHaveBeenCalled();
  });

  it("previews again with the unit the user gives a copy, and writes only on confirmation", async () => {
    const { preview, apply } = setup();
    await waitFor(() => expect(screen.getByTestId("merge-unit-1")).toBeInTheDocument());
    fireEvent.change(screen.getByTestId("merge-unit-1"), { target: { value: "省发展改革委" } });
    fireEvent.click(screen.getByText("重新预览"));
    await waitFor(() => expect(preview).toHaveBeenLastCalledWith(files, [null, "省发展改革委"]));
    fireEvent.click(screen.getByTestId("merge-apply"));
    await waitFor(() => expect(screen.getByTestId("merge-done")).toBeInTheDocument());
    expect(apply).toHaveBeenCalledWith(PLAN);
    expect(screen.getByTestId("merge-done").textContent).toBe("已写入 1 个单元格（只改了完成情况列）。");
  });

  it("cancel writes nothing; an unreadable copy goes to the error bar", async () => {
    const { apply } = setup();
    await waitFor(() => expect(screen.getByTestId("merge-cancel")).toBeInTheDocument());
    fireEvent.click(screen.getByTestId("merge-cancel"));
    expect(screen.queryByTestId("merge-changes")).toBeNull();
    expect(apply).not.toHaveBeenCalled();

    const onError = jest.fn();
    const failing = jest.fn(async () => {
      throw new Error("not a workbook");
    });
    renderIn(<MergeFeedbackView canMerge preview={failing} apply={apply} onError={onError} />, "en-US");
    fireEvent.change(screen.getAllByTestId("merge-files")[1], { target: { files } });
    await waitFor(() => expect(onError).toHaveBeenCalled());
    expect(screen.getAllByTestId("merge-open")[1].textContent).toBe("Merge feedback…");
  });
});

describe("ChangesView and the totals' change column", () => {
  const compared = report({
    comparison: {
      since: "2017-07-15",
      newlyDone: [{ row: 6, id: "3", text: "推进财政预决算公开" }],
      newlyOverdue: [],
      stillOverdue: [{ row: 8, id: "5", text: "推进公共资源配置领域信息公开", periods: 3 }],
      added: [],
      removed: [],
    },
    totals: [
      totals("省财政厅", { lead: 2, overdue: 1, overdueChange: 1 }),
      totals("省教育厅", { lead: 1, overdueChange: -1 }),
    ],
  });

  it("shows what changed since the last check, with the periods of tasks still overdue", () => {
    renderIn(<ChangesView report={compared} />);
    expect(screen.getByTestId("changes").textContent).toContain("与上期（2017-07-15）相比");
    expect(screen.getByTestId("changes-newlyDone").textContent).toContain("新完成 1 项第6行 3 推进财政预决算公开");
    expect(screen.getByTestId("changes-stillOverdue").textContent).toContain("（连续3期）");
    expect(screen.queryByTestId("changes-added")).toBeNull();
  });

  it("shows nothing without a comparison, and the change column only with one", () => {
    const { container } = renderIn(<ChangesView report={report()} />);
    expect(container.textContent).toBe("");
    renderIn(<TotalsView report={compared} />);
    const cells = Array.from(document.querySelectorAll('[data-column="overdueChange"]')).map(
      (cell) => cell.textContent,
    );
    expect(cells).toEqual(["+1", "-1"]);
  });
});
