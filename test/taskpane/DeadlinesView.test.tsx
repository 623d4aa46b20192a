import { fireEvent, screen } from "@testing-library/react";
import { DeadlinesView } from "../../src/taskpane/components/DeadlinesView";
import { report, task } from "./fixtures";
import { renderIn } from "./render";

const sample = report({
  asOf: "2017-08-15",
  tasks: [
    task(7, {
      id: "3",
      status: "overdue",
      daysOverdue: 46,
      lead: ["省政府办公厅"],
      deadline: { text: "6月底前", kind: "month", due: "2017-06-30" },
    }),
    task(10, {
      id: "6",
      status: "overdue",
      daysOverdue: 15,
      lead: ["省发展改革委", "省财政厅"],
      deadline: { text: "7月底前", kind: "month", due: "2017-07-31" },
    }),
    task(12, { id: null, status: "overdue", daysOverdue: 50, lead: [] }),
    task(11, { id: "7", status: "due-soon", deadline: { text: "8月20日", kind: "date", due: "2017-08-20" } }),
    task(13, { id: "8", status: "due-soon", deadline: { text: "8月15日", kind: "date", due: "2017-08-15" } }),
    task(5, { status: "done" }),
  ],
});

describe("DeadlinesView", () => {
  it("lists overdue tasks most days overdue first, with task number, lead and days", () => {
    renderIn(<DeadlinesView report={sample} />);
    expect(screen.getByRole("heading", { name: "逾期未完成（3）" })).toBeInTheDocument();
    const items = screen.getAllByTestId("overdue-task");
    expect(items.map((item) => item.dataset.row)).toEqual(["12", "7", "10"]);
    expect(items[0]).toHaveTextContent("第 12 行 · 无牵头单位");
    expect(items[0]).toHaveTextContent("逾期 50 天");
    expect(items[1]).toHaveTextContent("第 3 项 · 牵头：省政府办公厅");
    expect(items[2]).toHaveTextContent("牵头：省发展改革委，省财政厅");
    expect(items[2]).toHaveTextContent("时限：7月底前（2017-07-31）");
  });

  it("lists due-soon tasks nearest first, 'due today' for the as-of date", () => {
    renderIn(<DeadlinesView report={sample} />, "en-US");
    expect(screen.getByRole("heading", { name: "Due soon (2)" })).toBeInTheDocument();
    const items = screen.getAllByTestId("due-soon-task");
    expect(items.map((item) => item.dataset.row)).toEqual(["13", "11"]);
    expect(items[0]).toHaveTextContent("due today");
    expect(items[1]).toHaveTextContent("due in 5 days");
    expect(items[1]).toHaveTextContent("Task 7 · Lead: 省政府办公厅");
  });

  it("in Excel, selects the task's cell in the task column", () => {
    const select = jest.fn();
    renderIn(<DeadlinesView report={sample} onSelectCell={select} />);
    fireEvent.click(screen.getByTitle("在表格中选中第 7 行"));
    expect(select).toHaveBeenCalledWith("分工方案", "B7");
  });

  it("says when nothing is overdue or due soon", () => {
    renderIn(<DeadlinesView report={report({ tasks: [task(5, { status: "done" })] })} />);
    expect(screen.getByText("没有逾期未完成的任务。")).toBeInTheDocument();
    expect(screen.getByText("预警期内没有即将到期的任务。")).toBeInTheDocument();
  });

  it("shows a staged deadline's earlier stages and the task's leaders, in the pane's language", () => {
    const staged = report({
      asOf: "2024-07-15",
      tasks: [
        task(9, {
          id: "4",
          status: "overdue",
          daysOverdue: 15,
          leaders: ["分管副市长", "王强同志"],
          deadline: {
            text: "2024年3月底前摸底，6月底前启动，年底前全面完成",
            kind: "year",
            due: "2024-06-30",
            milestones: [
              { text: "2024年3月底前摸底", due: "2024-03-31" },
              { text: "6月底前启动", due: "2024-06-30" },
            ],
          },
        }),
        task(10, { id: "5", status: "overdue", daysOverdue: 3 }),
      ],
    });
    renderIn(<DeadlinesView report={staged} />);
    const [first, second] = screen.getAllByTestId("overdue-task");
    expect(first).toHaveTextContent("阶段节点：2024年3月底前摸底（2024-03-31），6月底前启动（2024-06-30）");
    expect(first).toHaveTextContent("牵头领导：分管副市长，王强同志");
    // A one-stage deadline and a task without leaders show neither line.
    expect(second.querySelector('[data-testid="task-milestones"]')).toBeNull();
    expect(second.querySelector('[data-testid="task-leaders"]')).toBeNull();

    renderIn(<DeadlinesView report={staged} />, "en-US");
    const english = screen.getAllByTestId("overdue-task").find((item) => item.textContent?.includes("Earlier stages"));
    expect(english).toHaveTextContent("Earlier stages: 2024年3月底前摸底 (2024-03-31); 6月底前启动 (2024-06-30)");
    expect(english).toHaveTextContent("Leaders: 分管副市长; 王强同志");
  });
});
