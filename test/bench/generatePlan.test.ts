/** The plan generator makes what it claims: analyze reads back every task as the generator describes it. */
import { analyze } from "../../src/core/analyze";
import type { Report } from "../../src/core/types";
import { chineseNumeral, generatePlan, type GeneratedPlan, type PlanLayout } from "../../bench/generatePlan";
import { AS_OF, COLLECTIVES, PUBLISHED } from "../../bench/vocabulary";

const LAYOUTS: PlanLayout[] = ["two-column", "one-column"];

const read = (plan: GeneratedPlan): Report => analyze([plan.grid], { asOf: AS_OF, published: PUBLISHED });

describe.each(LAYOUTS)("a generated 1k-row plan, %s layout", (layout) => {
  const plan = generatePlan({ rows: 1000, layout });
  const report = read(plan);

  it("has exactly the requested body rows, below the header the core finds", () => {
    expect(plan.lastDataRow - plan.firstDataRow + 1).toBe(1000);
    expect(report.table?.headerRow).toBe(plan.headerRow);
    expect(report.table?.firstDataRow).toBe(plan.firstDataRow);
    expect(plan.tasks.length + plan.sectionRows).toBe(1000);
  });

  it("is read back task by task: units, deadline, status and section as generated", () => {
    const actual = report.tasks.map((task) => ({
      row: task.row,
      lead: task.lead,
      responsible: task.responsible,
      kind: task.deadline.kind,
      status: task.status,
      section: task.section,
    }));
    const expected = plan.tasks.map(({ row, lead, responsible, kind, status, section }) => ({
      row,
      lead,
      responsible,
      kind,
      status,
      section,
    }));
    expect(actual).toEqual(expected);
    const dated = plan.tasks.filter((task) => task.due !== undefined);
    expect(dated.length).toBeGreaterThan(plan.tasks.length / 2);
    const dueByRow = new Map(report.tasks.map((task) => [task.row, task.deadline.due]));
    for (const task of dated) expect([task.row, dueByRow.get(task.row)]).toEqual([task.row, task.due]);
  });

  it("mixes what real plans mix", () => {
    const kinds = new Set(plan.tasks.map((task) => task.kind));
    for (const kind of [
      "date",
      "month",
      "part-of-month",
      "quarter",
      "half",
      "year",
      "relative",
      "recurring",
      "ongoing",
      "multi",
    ]) {
      expect(kinds).toContain(kind);
    }
    const statuses = new Set(plan.tasks.map((task) => task.status));
    for (const status of ["done", "overdue", "due-soon", "open", "ongoing"]) expect(statuses).toContain(status);
    const units = plan.tasks.flatMap((task) => [...task.lead, ...task.responsible]);
    expect(COLLECTIVES.some((collective) => units.includes(collective))).toBe(true);
    const rules = new Set(report.findings.map((finding) => finding.rule));
    expect(rules).toContain("unit.alias"); // 省发改委 and other short names
    expect(rules).toContain("lead.multiple");
    expect(rules).toContain("lead.missing");
    const cells = plan.grid.values.flat();
    expect(cells.some((value) => typeof value === "number" && value > 40000)).toBe(true); // Excel date serials
    expect(cells.some((value) => typeof value === "string" && /[廳統財]/.test(value))).toBe(true); // traditional
    expect(plan.grid.merges.some((area) => area.right - area.left >= 2)).toBe(true); // merged section rows
  });
});

describe("layout specifics", () => {
  it("two-column plans merge lead cells down over several rows, and the core fills them in", () => {
    const plan = generatePlan({ rows: 1000, layout: "two-column" });
    const vertical = plan.grid.merges.filter((area) => area.bottom > area.top);
    expect(vertical.length).toBeGreaterThan(10);
    const report = read(plan);
    const byRow = new Map(report.tasks.map((task) => [task.row, task]));
    for (const area of vertical) {
      const leads = new Set<string>();
      for (let row = area.top; row <= area.bottom; row++) leads.add(JSON.stringify(byRow.get(row)?.lead));
      expect(leads.size).toBe(1);
    }
  });

  it("one-column plans carry role phrases, labels, implicit leads and units inside the task text", () => {
    const plan = generatePlan({ rows: 1000, layout: "one-column" });
    const cells = plan.grid.values.map((row) => String(row[2] ?? ""));
    expect(cells.some((cell) => /牵头，.+配合$/.test(cell))).toBe(true);
    expect(cells.some((cell) => cell.startsWith("牵头单位："))).toBe(true);
    expect(cells.some((cell) => cell.endsWith("按职责分工负责"))).toBe(true);
    const texts = plan.grid.values.map((row) => String(row[1] ?? ""));
    expect(texts.some((text) => /。（.+牵头/.test(text))).toBe(true);
    const rules = new Set(read(plan).findings.map((finding) => finding.rule));
    expect(rules).toContain("lead.implicit");
  });
});

describe("generatePlan", () => {
  it("is deterministic for a seed and varies with it", () => {
    const a = generatePlan({ rows: 300, layout: "two-column", seed: 7 });
    const b = generatePlan({ rows: 300, layout: "two-column", seed: 7 });
    const c = generatePlan({ rows: 300, layout: "two-column", seed: 8 });
    expect(b.grid).toEqual(a.grid);
    expect(c.grid.values).not.toEqual(a.grid.values);
  });

  it("makes a usable plan even of one row", () => {
    const plan = generatePlan({ rows: 1, layout: "one-column" });
    expect(plan.lastDataRow).toBe(plan.firstDataRow);
    expect(read(plan).table).not.toBeNull();
  });
});

describe("chineseNumeral", () => {
  it.each([
    [1, "一"],
    [10, "十"],
    [11, "十一"],
    [20, "二十"],
    [99, "九十九"],
    [100, "一百"],
    [105, "一百零五"],
    [110, "一百一十"],
    [1010, "一千零一十"],
    [2345, "二千三百四十五"],
  ])("%i is %s", (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });
});
