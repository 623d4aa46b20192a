/** analyze's optional progress: coarse steps over the table body, the same report with or without it. */
import { generatePlan } from "../../bench/generatePlan";
import { analyze, type AnalyzeProgress } from "../../src/core/analyze";
import { grid } from "./helpers";

const options = { asOf: "2024-08-15", published: "2024-03-01" } as const;

describe("analyze progress", () => {
  const plan = generatePlan({ rows: 5000, layout: "two-column", seed: 31 });

  it("reports rows of the table body in at most about twenty steps, rising to the whole body", () => {
    const calls: AnalyzeProgress[] = [];
    const report = analyze([plan.grid], options, (progress) => calls.push(progress));
    if (!report.table) throw new Error("the generated plan has no table");
    const body = report.table.lastDataRow - report.table.firstDataRow + 1;
    expect(body).toBeGreaterThanOrEqual(5000);
    expect(calls.length).toBeGreaterThanOrEqual(10);
    expect(calls.length).toBeLessThanOrEqual(22);
    expect(calls[0]).toEqual({ done: 0, total: body });
    expect(calls[calls.length - 1]).toEqual({ done: body, total: body });
    for (let i = 1; i < calls.length; i++) expect(calls[i].done).toBeGreaterThan(calls[i - 1].done);
  }, 60_000);

  it("gives the same report with and without a listener", () => {
    const quiet = analyze([plan.grid], options);
    const watched = analyze([plan.grid], options, () => undefined);
    expect(watched).toEqual(quiet);
  }, 60_000);

  it("is not called when no table is found", () => {
    const listener = jest.fn();
    const report = analyze([grid("说明", [["本表由省政府办公厅汇总"], ["联系人：张三"]])], options, listener);
    expect(report.table).toBeNull();
    expect(listener).not.toHaveBeenCalled();
  });
});
