/**
 * What the pane shows of a running check (phase and percentage, a Cancel button) and of a big result (lists
 * shown a page at a time, so a plan with thousands of findings does not freeze the pane).
 */
import { fireEvent, screen } from "@testing-library/react";
import type { ResultState } from "../../src/app/resultStore";
import { DeadlinesView } from "../../src/taskpane/components/DeadlinesView";
import { FindingsView } from "../../src/taskpane/components/FindingsView";
import { LIST_PAGE } from "../../src/taskpane/components/LimitedList";
import { PlanHeader } from "../../src/taskpane/components/PlanHeader";
import { finding, report, task } from "./fixtures";
import { renderIn } from "./render";

const running = (progress: ResultState["progress"]): ResultState => ({
  running: true,
  result: null,
  error: null,
  source: "taskpane",
  progress,
});

function header(state: ResultState, onCancel?: () => void) {
  return (
    <PlanHeader
      state={state}
      asOf="2024-08-15"
      onAsOfChange={() => undefined}
      onCheck={() => undefined}
      canCheck
      staleSheet={null}
      onCancel={onCancel}
    />
  );
}

describe("progress of a running check", () => {
  it("names the phase, with the share analysed when it is known", () => {
    const { rerender } = renderIn(header(running({ phase: "reading", fraction: null })));
    expect(screen.getByTestId("progress").textContent).toContain("正在读取工作簿…");
    rerender(header(running({ phase: "analysing", fraction: 0.456 })));
    expect(screen.getByTestId("progress").textContent).toContain("正在分析… 45%");
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.456");
  });

  it("says it is checking before the first progress, in English too", () => {
    renderIn(header(running(null)), "en-US");
    expect(screen.getByTestId("progress").textContent).toContain("Checking…");
  });

  it("offers Cancel while running, and calls it", () => {
    const onCancel = jest.fn();
    renderIn(header(running({ phase: "analysing", fraction: 0.2 }), onCancel));
    fireEvent.click(screen.getByTestId("cancel-check"));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it("shows no progress once the check is over", () => {
    renderIn(header({ running: false, result: null, error: null, source: null, progress: null }));
    expect(screen.queryByTestId("progress")).toBeNull();
  });
});

describe("big results, a page at a time", () => {
  const cities = ["昆明市", "曲靖市", "玉溪市", "保山市", "昭通市", "丽江市", "普洱市", "临沧市"];

  it("findings of one rule: the first page, then more on request, until all are shown", () => {
    const many = Array.from({ length: LIST_PAGE * 2 + 5 }, (_, i) =>
      finding("unit.unknown", "warning", 10 + i, {
        message: `第${10 + i}行：未知单位“${cities[i % cities.length]}人民政府办公室”`,
        params: { unit: `${cities[i % cities.length]}人民政府办公室` },
      }),
    );
    renderIn(<FindingsView report={report({ findings: many })} />);
    expect(screen.getAllByTestId("finding")).toHaveLength(LIST_PAGE);
    fireEvent.click(screen.getByTestId("show-more"));
    expect(screen.getAllByTestId("finding")).toHaveLength(LIST_PAGE * 2);
    expect(screen.getByTestId("show-more").textContent).toContain(`再显示 5 条（共 ${many.length} 条）`);
    fireEvent.click(screen.getByTestId("show-more"));
    expect(screen.getAllByTestId("finding")).toHaveLength(many.length);
    expect(screen.queryByTestId("show-more")).toBeNull();
    // The group's count is the whole number, not the page.
    expect(screen.getByTestId("severity-warning").textContent).toContain(String(many.length));
  });

  it("overdue tasks: most days overdue first, the first page only", () => {
    const tasks = Array.from({ length: LIST_PAGE + 30 }, (_, i) =>
      task(5 + i, { status: "overdue", daysOverdue: i + 1, lead: [`${cities[i % cities.length]}人民政府`] }),
    );
    renderIn(<DeadlinesView report={report({ tasks })} />);
    const shown = screen.getAllByTestId("overdue-task");
    expect(shown).toHaveLength(LIST_PAGE);
    expect(shown[0].getAttribute("data-row")).toBe(String(5 + LIST_PAGE + 29));
    expect(screen.getByTestId("show-more").textContent).toContain(
      `再显示 ${Math.min(30, LIST_PAGE)} 条（共 ${LIST_PAGE + 30} 条）`,
    );
  });
});
