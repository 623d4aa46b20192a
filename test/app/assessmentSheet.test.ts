import { writeAssessmentSheet } from "../../src/app/actions";
import { FakePort } from "../taskpane/fixtures";

/*
 * As of 2017-12-20, weights from the workbook's settings: lead 3, cooperating 1, per overdue day 1 (others default).
 *  1  县教育局 leads, 县财政局 cooperates; done on time                       -> 100
 *  2  县财政局 leads; overdue since 2017-11-30 (20 days): 40 − 20 × 1 = 20     -> 20
 *  县教育局: 3 × 100 / 3 = 100.0;   县财政局: (1 × 100 + 3 × 20) / (1 + 3) = 160 / 4 = 40.0
 */
it("writes the 考核评分 sheet with the weights saved in the workbook", async () => {
  const port = new FakePort();
  port.settings = { assessment: { lead: 3, perOverdueDay: 1 } };
  port.grids = {
    plan: {
      sheet: "任务清单",
      origin: { row: 1, column: 1 },
      values: [
        ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "完成情况"],
        ["1", "落实义务教育经费保障机制", "县教育局", "县财政局", "2017年9月30日", "已完成"],
        ["2", "清理规范财政专户", "县财政局", "", "2017年11月30日", "正在清理"],
      ],
      merges: [],
    },
    others: [],
  };
  const result = await writeAssessmentSheet(port, { asOf: "2017-12-20" });
  expect(result.wroteSheets).toEqual(["考核评分"]);
  const sheet = port.written[0];
  expect(sheet.kind).toBe("assessment");
  expect(sheet.replaces).toEqual(["考核评分", "Assessment"]);
  expect(sheet.rows.slice(1)).toEqual([
    [1, "县教育局", 100, 1, 0, 1, 0, 0, 0],
    [2, "县财政局", 40, 1, 1, 1, 0, 1, 20],
  ]);
});
