/** The --json shape carries leaders, staged deadlines' milestones and the new info findings (docs/cli.md). */
import { analyze } from "../../src/core/analyze";
import { jsonOutput } from "../../src/cli/json";
import { handmadeReport, task } from "./handmadeReport";

describe("--json", () => {
  it("gives each task its leaders and its deadline's milestones, in the documented key order", () => {
    const report = handmadeReport({
      tasks: [
        task({
          row: 5,
          leaders: ["分管副市长", "王强同志"],
          deadline: {
            text: "2024年6月底前启动，年底前完成",
            kind: "year",
            due: "2024-12-31",
            milestones: [{ text: "2024年6月底前启动", due: "2024-06-30" }],
          },
        }),
      ],
    });
    const json = JSON.parse(jsonOutput([{ file: "plan.xlsx", report }], null));
    const [first] = json.tasks;
    expect(Object.keys(first)).toEqual([
      "row",
      "id",
      "section",
      "text",
      "lead",
      "responsible",
      "leaders",
      "deadline",
      "status",
      "daysOverdue",
    ]);
    expect(first.leaders).toEqual(["分管副市长", "王强同志"]);
    expect(first.deadline).toEqual({
      text: "2024年6月底前启动，年底前完成",
      kind: "year",
      due: "2024-12-31",
      milestones: [{ text: "2024年6月底前启动", due: "2024-06-30" }],
    });
  });

  it("carries unit.carried and deadline.from-task as info findings, and milestones [] for one-stage deadlines", () => {
    const report = analyze(
      [
        {
          sheet: "分工",
          origin: { row: 1, column: 1 },
          merges: [],
          values: [
            ["序号", "工作任务", "责任单位", "完成时限"],
            ["", "（以下均需各县市区落实，不再逐一列出）", "", ""],
            [1, "推进政务公开标准化，2023年9月底前制定目录", "市政府办公室", ""],
            [2, "推进基层政务公开", "市司法局", "2023年底前"],
          ],
        },
      ],
      { asOf: "2023-08-01" },
    );
    const json = JSON.parse(jsonOutput([{ file: "plan.xlsx", report }], null));
    const rules = json.findings.map((f: { rule: string; severity: string; row: number }) => [
      f.rule,
      f.severity,
      f.row,
    ]);
    expect(rules).toEqual(
      expect.arrayContaining([
        ["unit.carried", "info", 3],
        ["deadline.from-task", "info", 3],
        ["unit.carried", "info", 4],
      ]),
    );
    expect(json.tasks.map((t: { responsible: string[] }) => t.responsible)).toEqual([["各县市区"], ["各县市区"]]);
    expect(json.tasks[1].deadline.milestones).toEqual([]);
  });
});
