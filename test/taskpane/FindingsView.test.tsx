import { fireEvent, screen, within } from "@testing-library/react";
import { FindingsView } from "../../src/taskpane/components/FindingsView";
import { finding, report, task } from "./fixtures";
import { renderIn } from "./render";

const sample = report({
  tasks: [task(14, { lead: [], responsible: ["省直有关部门"] }), task(10, { lead: ["省发展改革委", "省财政厅"] })],
  findings: [
    finding("unit.alias", "info", 16, {
      params: { unit: "省发改委" },
      message: "第16行：省发改委 已按 省发展改革委 统计",
    }),
    finding("lead.multiple", "warning", 10, { message: "第10行有两个牵头单位" }),
    finding("lead.missing", "error", 14, { column: "C", message: "第14行 C14 没有牵头单位" }),
    finding("unit.duplicate", "warning", 13, { suggestion: "删除重复的单位" }),
    finding("table.no-lead-column", "warning", null, { column: null }),
  ],
});

describe("FindingsView", () => {
  it("groups by severity with counts, errors first, and by rule inside", () => {
    renderIn(<FindingsView report={sample} />);
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["错误（1）", "警告（3）", "提示（1）"]);
    const warnings = screen.getByTestId("severity-warning");
    expect(
      within(warnings)
        .getAllByTestId("rule-group")
        .map((g) => g.dataset.rule),
    ).toEqual(["lead.multiple", "table.no-lead-column", "unit.duplicate"]);
    expect(within(warnings).getByRole("heading", { level: 4, name: "多个牵头单位：1 项" })).toBeInTheDocument();
  });

  it("names the row, the cell and the unit of each finding, and its suggestion", () => {
    renderIn(<FindingsView report={sample} />);
    const items = screen.getAllByTestId("finding");
    expect(items).toHaveLength(5);
    const missing = items.find((item) => item.dataset.rule === "lead.missing") as HTMLElement;
    expect(missing).toHaveTextContent("第 14 行 · C14");
    expect(missing).toHaveTextContent("单位：省直有关部门");
    const alias = items.find((item) => item.dataset.rule === "unit.alias") as HTMLElement;
    expect(alias).toHaveTextContent("单位：省发改委");
    expect(items.find((item) => item.dataset.rule === "unit.duplicate")).toHaveTextContent("建议：删除重复的单位");
    expect(items.find((item) => item.dataset.rule === "table.no-lead-column")).toHaveTextContent("整表");
  });

  it("shows the row and the cell once: the message goes on without repeating them", () => {
    const own = report({
      findings: [
        finding("lead.missing", "error", 14, {
          column: "C",
          message: "第14行（C14）：该项任务没有牵头单位。请明确一个牵头单位（写入牵头单位列，或写成“××牵头”）。",
        }),
        finding("lead.multiple", "warning", 10, {
          column: "C",
          message: "Row 10 (C10): the task has 2 lead units (省发展改革委, 省财政厅). Name one main lead.",
        }),
      ],
    });
    renderIn(<FindingsView report={own} />);
    const [missing, multiple] = screen.getAllByTestId("finding");
    expect(missing.textContent).toBe(
      "第 14 行 · C14该项任务没有牵头单位。请明确一个牵头单位（写入牵头单位列，或写成“××牵头”）。",
    );
    expect(multiple.textContent?.match(/10/g)).toHaveLength(2); // "第 10 行 · C10" only
    expect(multiple).toHaveTextContent("the task has 2 lead units");
  });

  it("in Excel, selects the finding's cell when clicked", () => {
    const select = jest.fn();
    renderIn(<FindingsView report={sample} onSelectCell={select} />);
    fireEvent.click(screen.getByTitle("在表格中选中 C14"));
    expect(select).toHaveBeenCalledWith("分工方案", "C14");
    // A table-wide finding has no cell to select: it is not a button.
    const tableWide = screen.getAllByTestId("finding").find((item) => item.dataset.rule === "table.no-lead-column");
    expect(tableWide?.tagName).toBe("LI");
  });

  it("is not clickable standalone", () => {
    renderIn(<FindingsView report={sample} />);
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });

  it("shows text from cells as text, never as markup", () => {
    const hostile = report({
      findings: [
        finding("unit.unknown", "warning", 5, {
          message: '<img src=x onerror="alert(1)">',
          params: { unit: "<b>省财政厅</b>" },
        }),
      ],
    });
    const { container } = renderIn(<FindingsView report={hostile} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getByTestId("finding")).toHaveTextContent('<img src=x onerror="alert(1)">');
  });

  it("says so when there are no findings, and in English", () => {
    renderIn(<FindingsView report={report()} />, "en-US");
    expect(screen.getByTestId("findings-none")).toHaveTextContent("No findings.");
  });

  it("asks for a check before there is a report", () => {
    renderIn(<FindingsView report={null} />, "en-US");
    expect(screen.getByText("Findings are listed here after a check.")).toBeInTheDocument();
  });

  it("shows the reader's new info findings under their own names (unit.carried, deadline.from-task)", () => {
    const carried = report({
      tasks: [task(5, { responsible: ["各县市区"] })],
      findings: [
        finding("unit.carried", "info", 5, {
          column: "C",
          message: "第5行（C5）：按第3行的统一说明“（以下均需各县市区落实，不再逐一列出）”，本项任务也计入各县市区。",
        }),
        finding("deadline.from-task", "info", 5, {
          column: "B",
          message: "第5行（B5）：时限栏为空，已按任务内容确定时限。",
        }),
      ],
    });
    renderIn(<FindingsView report={carried} />);
    const info = screen.getByTestId("severity-info");
    expect(within(info).getByRole("heading", { level: 4, name: "沿用上文统一说明的单位：1 项" })).toBeInTheDocument();
    expect(within(info).getByRole("heading", { level: 4, name: "时限取自任务内容：1 项" })).toBeInTheDocument();
    expect(within(info).getByText(/按第3行的统一说明/)).toBeInTheDocument();
  });
});
