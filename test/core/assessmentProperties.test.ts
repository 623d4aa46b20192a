/** Properties of the assessment and the reminders over random tasks: never a throw, scores in range, ranks consistent. */
import fc from "fast-check";
import { assessUnits } from "../../src/core/assessment";
import { circularDocumentParts, MAX_OVERDUE_ROWS } from "../../src/core/circularDocument";
import { reminderParts, reminderText, remindersByUnit } from "../../src/core/reminders";
import type { Report, Status, Task } from "../../src/core/types";

const UNITS = ["省财政厅", "省教育厅", "各州、市人民政府", "省发展改革委", "=HYPERLINK(1)", ""];
const STATUSES: Status[] = ["done", "overdue", "due-soon", "open", "ongoing", "no-deadline"];

const taskArb = fc.record({
  id: fc.option(fc.string({ maxLength: 4 }), { nil: null }),
  text: fc.string({ maxLength: 30 }),
  lead: fc.array(fc.constantFrom(...UNITS), { maxLength: 3 }),
  responsible: fc.array(fc.constantFrom(...UNITS), { maxLength: 3 }),
  status: fc.constantFrom(...STATUSES),
  days: fc.integer({ min: 0, max: 2000 }),
  due: fc.option(fc.constantFrom("2017-06-30", "2017-12-31", "2018-02-28"), { nil: null }),
  completed: fc.option(fc.constantFrom("2017-05-01", "2017-12-31", "2018-03-01"), { nil: null }),
  statusText: fc.string({ maxLength: 10 }),
});

type RawTask = typeof taskArb extends fc.Arbitrary<infer T> ? T : never;

function reportOf(raw: RawTask[]): Report {
  const tasks: Task[] = raw.map((t, index) => ({
    row: index + 4,
    id: t.id,
    section: null,
    text: t.text,
    leaders: [],
    lead: t.lead,
    responsible: t.responsible,
    deadline: { text: t.due ?? "", kind: t.due ? "date" : "none", due: t.due },
    statusText: t.statusText,
    status: t.status,
    daysOverdue: t.status === "overdue" ? t.days : null,
    completed: t.completed,
  }));
  return {
    language: "zh-CN",
    asOf: "2018-01-15",
    table: null,
    tasks,
    findings: [],
    totals: [],
    summary: { text: "", html: "", tsv: "" },
  };
}

it("scores every unit from 0 to 100 and ranks them by competition ranking", () => {
  fc.assert(
    fc.property(fc.array(taskArb, { maxLength: 40 }), fc.double({ min: 0, max: 10, noNaN: true }), (raw, perDay) => {
      const assessment = assessUnits(reportOf(raw), { perOverdueDay: perDay });
      const units = assessment.units;
      expect(new Set(units.map((u) => u.unit)).size).toBe(units.length);
      units.forEach((unit, i) => {
        expect(unit.score).toBeGreaterThanOrEqual(0);
        expect(unit.score).toBeLessThanOrEqual(100);
        expect(unit.doneOnTime + unit.doneLate + unit.overdue).toBeLessThanOrEqual(unit.lead + unit.responsible);
        if (i === 0) expect(unit.rank).toBe(1);
        else if (unit.score === units[i - 1].score) expect(unit.rank).toBe(units[i - 1].rank);
        else {
          expect(unit.score).toBeLessThan(units[i - 1].score);
          expect(unit.rank).toBe(i + 1);
        }
      });
      for (const unit of assessment.leadOverdue) expect(assessment.allLeadOnTime).not.toContain(unit);
    }),
    { numRuns: 300 },
  );
}, 60_000);

it("reminds exactly the units of overdue and due-soon tasks, each task once per unit, and never throws on writing", () => {
  fc.assert(
    fc.property(fc.array(taskArb, { maxLength: 40 }), (raw) => {
      const report = reportOf(raw);
      const reminders = remindersByUnit(report.tasks);
      const late = report.tasks.filter((t) => t.status === "overdue" || t.status === "due-soon");
      const expected = new Set(late.flatMap((t) => [...t.lead, ...t.responsible]));
      expect(new Set(reminders.map((r) => r.unit))).toEqual(expected);
      for (const reminder of reminders) {
        const rows = reminder.items.map((item) => item.task.row);
        expect(new Set(rows).size).toBe(rows.length);
        // lead tasks first
        const roles = reminder.items.map((item) => item.role);
        expect(roles.indexOf("responsible") === -1 || roles.lastIndexOf("lead") < roles.indexOf("responsible")).toBe(
          true,
        );
        const text = reminderText(reminderParts(reminder, { asOf: report.asOf, language: "en-US" }));
        expect(text).toContain(reminder.unit);
      }
      circularDocumentParts(report, assessUnits(report));
    }),
    { numRuns: 300 },
  );
}, 60_000);

it("lists at most MAX_OVERDUE_ROWS overdue tasks in the circular and says how many more", () => {
  const raw = Array.from({ length: MAX_OVERDUE_ROWS + 5 }, (_, i) => ({
    id: String(i + 1),
    text: `任务${i + 1}`,
    lead: ["省财政厅"],
    responsible: [],
    status: "overdue" as const,
    days: i,
    due: "2017-06-30" as const,
    completed: null,
    statusText: "",
  }));
  const parts = circularDocumentParts(reportOf(raw));
  const section = parts.sections[2];
  expect(section.table?.rows).toHaveLength(MAX_OVERDUE_ROWS);
  expect(section.table?.rows[0][0]).toBe(`第${MAX_OVERDUE_ROWS + 5}项`);
  expect(section.after).toEqual([
    `以上列出逾期时间最长的${MAX_OVERDUE_ROWS}项，另有5项见逾期任务清单（问题清单及标注副本中的高亮行）。`,
  ]);
});
