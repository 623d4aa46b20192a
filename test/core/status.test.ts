/**
 * What a status cell says (design §3 "Status"): done only when it says the task is done, never when it is a
 * progress note that names a finished step. Status cells as offices write them.
 */
import { isDoneText } from "../../src/core/status";
import { toSimplified } from "../../src/core/text";

const saysDone = (cell: string): boolean => isDoneText(toSimplified(cell));

describe("a status cell says the task is done", () => {
  it.each([
    "已完成",
    "已办结",
    "已辦結",
    "完成",
    "办结",
    "提前完成",
    "按期完成",
    "全面完成",
    "已完成，长效机制已建立",
    "已经完成并上报省政府办公厅",
    "Done",
    "Completed on 1 August",
    "已完成100%",
    "已完成（完成率100％）",
    "100%",
    " 100％ ",
  ])("%p: done", (cell) => {
    expect(saysDone(cell)).toBe(true);
  });

  it.each([
    "已完成初稿，正在征求意见",
    "已完成初稿",
    "已完成初稿，正在徵求意見",
    "已完成调研，待审定后印发",
    "已完成前期工作，正在推进",
    "阶段性完成",
    "部分完成",
    "正在办理",
    "办理中",
    "推进中",
    "已完成方案起草，进行中",
    "已完成建设，待验收",
    "正在推进",
    "逾期未完成",
    "已提出延期申请",
    "Draft completed, under consultation",
    "Partially completed",
    "Completed, pending sign-off",
    "已完成80%",
    "已完成 60 %",
    "已完成总工程量的75％",
    "完成进度：90%",
    "80% completed",
    "80%",
    "100%以上的任务已启动",
    "",
  ])("%p: not done", (cell) => {
    expect(saysDone(cell)).toBe(false);
  });
});
