/** Totals by unit (design §5): lead and responsible counted apart, lead wins within one task. */
import type { Task, UnitTotals } from "./types";

const emptyTotals = (unit: string): UnitTotals => ({
  unit,
  lead: 0,
  responsible: 0,
  overdue: 0,
  overdueAsLead: 0,
  dueSoon: 0,
  done: 0,
  completionRate: null,
});

export function totalsByUnit(tasks: readonly Task[]): UnitTotals[] {
  const byUnit = new Map<string, UnitTotals>();
  for (const task of tasks) {
    // The task's units, leads first, each counted once: a unit listed twice (or lead and responsible)
    // counts at its first place, so as lead if it leads. (No sets per task: a task has a few units.)
    const { lead, responsible } = task;
    const count = lead.length + responsible.length;
    for (let i = 0; i < count; i++) {
      const unit = i < lead.length ? lead[i] : responsible[i - lead.length];
      if (listedBefore(lead, responsible, i, unit)) continue;
      let totals = byUnit.get(unit);
      if (!totals) byUnit.set(unit, (totals = emptyTotals(unit)));
      const isLead = i < lead.length;
      if (isLead) totals.lead++;
      else totals.responsible++;
      if (task.status === "overdue") {
        totals.overdue++;
        if (isLead) totals.overdueAsLead++;
      }
      if (task.status === "due-soon") totals.dueSoon++;
      if (task.status === "done") totals.done++;
    }
  }
  return finish(byUnit);
}

/** Is `unit` among the first `before` units of lead + responsible? (Totals and the assessment count a unit once
 * per task, at its first place.) */
export function listedBefore(
  lead: readonly string[],
  responsible: readonly string[],
  before: number,
  unit: string,
): boolean {
  for (let j = 0; j < before; j++) if ((j < lead.length ? lead[j] : responsible[j - lead.length]) === unit) return true;
  return false;
}

/** Combined totals of several reports (a provincial office merging its prefectures' ledgers). */
export function combineTotals(lists: readonly (readonly UnitTotals[])[]): UnitTotals[] {
  const byUnit = new Map<string, UnitTotals>();
  for (const list of lists) {
    for (const t of list) {
      let sum = byUnit.get(t.unit);
      if (!sum) byUnit.set(t.unit, (sum = emptyTotals(t.unit)));
      sum.lead += t.lead;
      sum.responsible += t.responsible;
      sum.overdue += t.overdue;
      sum.overdueAsLead += t.overdueAsLead;
      sum.dueSoon += t.dueSoon;
      sum.done += t.done;
    }
  }
  return finish(byUnit);
}

/** Completion rates, then sorted by overdue, then number of tasks, then name. */
function finish(byUnit: Map<string, UnitTotals>): UnitTotals[] {
  const list = [...byUnit.values()];
  for (const totals of list) {
    const all = totals.lead + totals.responsible;
    totals.completionRate = all > 0 ? totals.done / all : null;
  }
  return list.sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.lead + b.responsible - (a.lead + a.responsible) ||
      b.lead - a.lead ||
      (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
  );
}
