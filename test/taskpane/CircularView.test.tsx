import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { CircularView } from "../../src/taskpane/components/CircularView";
import { report } from "./fixtures";
import { renderIn } from "./render";

const summary = {
  text: "截至2017年8月15日，共11项任务，已完成3项，逾期未完成2项。\n由省政府办公厅牵头的第3项逾期。",
  html: "<table><tr><th>单位</th><th>牵头</th></tr><tr><td>省政府办公厅</td><td>7</td></tr></table>",
  tsv: "单位\t牵头\n省政府办公厅\t7",
};
const sample = report({ summary });

function fakeExecCommand() {
  const copied: Record<string, string>[] = [];
  const exec = jest.fn(() => {
    const data: Record<string, string> = {};
    const event = new Event("copy", { cancelable: true }) as ClipboardEvent;
    Object.defineProperty(event, "clipboardData", {
      value: { setData: (type: string, value: string) => (data[type] = value) },
    });
    document.dispatchEvent(event);
    copied.push(data);
    return true;
  });
  Object.defineProperty(document, "execCommand", { value: exec, configurable: true, writable: true });
  return { exec, copied };
}

afterEach(() => {
  delete (document as { execCommand?: unknown }).execCommand;
});

describe("CircularView", () => {
  it("shows the summary in a read-only, selectable text box", () => {
    renderIn(<CircularView report={sample} />);
    const box = screen.getByTestId("summary-text") as HTMLTextAreaElement;
    expect(box.value).toBe(summary.text);
    expect(box).toHaveAttribute("readonly");
    fireEvent.focus(box);
    expect(box.selectionEnd - box.selectionStart).toBe(summary.text.length);
  });

  it("copies the text through the execCommand fallback inside the click when there is no Clipboard API", async () => {
    const { exec, copied } = fakeExecCommand();
    renderIn(<CircularView report={sample} />);
    fireEvent.click(screen.getByTestId("copy-text"));
    expect(exec).toHaveBeenCalledWith("copy"); // synchronously, within the click
    expect(copied[0]["text/plain"]).toBe(summary.text);
    expect(await screen.findByTestId("circular-notice")).toHaveTextContent("已复制到剪贴板。");
  });

  it("copies the table as HTML for Word plus tab-separated text", async () => {
    const { copied } = fakeExecCommand();
    renderIn(<CircularView report={sample} />, "en-US");
    fireEvent.click(screen.getByTestId("copy-table"));
    expect(copied[0]).toEqual({ "text/plain": summary.tsv, "text/html": summary.html });
    expect(await screen.findByTestId("circular-notice")).toHaveTextContent("Table copied");
  });

  it("tells the user to copy by hand when copying fails", async () => {
    const copy = jest.fn(async () => "failed" as const);
    renderIn(<CircularView report={sample} copy={copy} />, "en-US");
    fireEvent.click(screen.getByTestId("copy-text"));
    expect(await screen.findByTestId("circular-notice")).toHaveTextContent("press Ctrl+C");
  });

  it("offers Insert into sheet only in Excel, and reports the outcome", async () => {
    const { unmount } = renderIn(<CircularView report={sample} />);
    expect(screen.queryByTestId("insert-summary")).toBeNull();
    unmount();

    const insert = jest.fn(async () => true);
    renderIn(<CircularView report={sample} onInsert={insert} />);
    await act(async () => fireEvent.click(screen.getByTestId("insert-summary")));
    expect(insert).toHaveBeenCalledWith(summary.text);
    expect(screen.getByTestId("circular-notice")).toHaveTextContent("已从选中的单元格起插入通报文字。");
  });

  it("says nothing was inserted when the target cells are not empty, and shows Excel errors", async () => {
    const insert = jest.fn(async () => false);
    const { unmount } = renderIn(<CircularView report={sample} onInsert={insert} />, "en-US");
    await act(async () => fireEvent.click(screen.getByTestId("insert-summary")));
    expect(screen.getByTestId("circular-notice")).toHaveTextContent(
      "the 2 cells from the selected cell down are not all empty",
    );
    unmount();

    const failing = jest.fn(async () => Promise.reject(new Error("InvalidOperationInCellEditMode")));
    renderIn(<CircularView report={sample} onInsert={failing} />, "en-US");
    await act(async () => fireEvent.click(screen.getByTestId("insert-summary")));
    await waitFor(() =>
      expect(screen.getByTestId("circular-notice")).toHaveTextContent(
        "Something went wrong: InvalidOperationInCellEditMode",
      ),
    );
  });
});
