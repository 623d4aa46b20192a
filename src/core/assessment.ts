/**
 * The year-end assessment (年度考核, design §8): a score per unit from its tasks, a ranking, and the lists of the
 * year-end circular. Pure: a Report (and, when known, the dates tasks were done) in, plain data out.
 *
 * Each task a unit has earns points on a 0–100 scale by its outcome — done on time, done late, still open, or
 * overdue (less one point per overdue day, never below zero) — and counts with the weight of the unit's role in
 * it (lead above cooperating). The score is the weighted mean of those points, so a unit with few tasks is
 * compared fairly with one that has many:
 *
 *   score = Σ roleWeight × points / Σ roleWeight, rounded to one decimal.
 *
 * Units with the same rounded score share a rank, and the next rank skips (competition ranking 1, 2, 2, 4).
 */
import type { IsoDate, Report, Task } from "./types";
import { listedBefore } from "./totals";

/** Every weight of the assessment; stored in the workbook's settings (defaults in DEFAULT_ASSESSMENT_WEIGHTS). */
export interface AssessmentWeights {
  /** Weight of a task the unit leads. */
  lead: number;
  /** Weight of a task the unit is responsible for (cooperates on) without leading it. */
  responsible: number;
  /** Points of a task done by its due date (or done, with no due date or no known completion date). */
  doneOnTime: number;
  /** Points of a task done after its due date. */
  doneLate: number;
  /** Points of a task not done and not overdue (open, due soon, ongoing, without deadline). */
  open: number;
  /** Points of an overdue task, before the per-day deduction. */
  overdue: number;
  /** Points deducted per day overdue (an overdue task never scores below zero). */
  perOverdueDay: number;
}

export const DEFAULT_ASSESSMENT_WEIGHTS: Readonly<AssessmentWeights> = Object.freeze({
  lead: 2,
  responsible: 1,
  doneOnTime: 100,
  doneLate: 80,
  open: 60,
  overdue: 40,
  perOverdueDay: 0.5,
});

export const ASSESSMENT_WEIGHT_KEYS = Object.keys(DEFAULT_ASSESSMENT_WEIGHTS) as (keyof AssessmentWeights)[];

/** One unit's line of the assessment (the --json shape `assessment[]`). */
export interface UnitAssessment {
  unit: string;
  /** 0–100, one decimal. */
  score: number;
  /** Competition ranking: equal scores share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number;
  /** Tasks the unit leads. */
  lead: number;
  /** Tasks the unit is responsible for and does not lead. */
  responsible: number;
  /** Outcomes over all its tasks (lead and responsible). */
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  /** Days overdue, summed over its overdue tasks. */
  overdueDays: number;
  /** Lead tasks done on time, and lead tasks overdue (for the year-end lists). */
  leadDoneOnTime: number;
  leadOverdue: number;
}

export interface Assessment {
  asOf: IsoDate;
  weights: AssessmentWeights;
  /** Ranked: best score first; equal scores by unit name. */
  units: UnitAssessment[];
  /** Units that lead tasks and finished every one of them on time (按时完成全部牵头任务). */
  allLeadOnTime: string[];
  /** Units with lead tasks overdue (牵头任务逾期未完成), most overdue lead tasks first. */
  leadOverdue: string[];
}

export type Outcome = "doneOnTime" | "doneLate" | "open" | "overdue";

/** When a task was done, if known: the plan's completion-date column, else the caller (the history of checks). */
export type CompletedOn = (task: Task) => IsoDate | null | undefined;

/** A task's outcome: a done task is late only when both its completion date and its due date are known. */
export function taskOutcome(task: Task, completedOn?: CompletedOn): Outcome {
  if (task.status === "overdue") return "overdue";
  if (task.status !== "done") return "open";
  const done = task.completed ?? completedOn?.(task) ?? null;
  return done && task.deadline.due && done > task.deadline.due ? "doneLate" : "doneOnTime";
}

/** Points of one task (before the role weight). */
export function taskPoints(task: Task, outcome: Outcome, weights: AssessmentWeights): number {
  if (outcome !== "overdue") return weights[outcome];
  return Math.max(0, weights.overdue - weights.perOverdueDay * (task.daysOverdue ?? 0));
}

interface Sum {
  line: UnitAssessment;
  points: number;
  weight: number;
}

/** Weights made whole and safe: a missing, negative or non-finite weight takes its default. */
export function assessmentWeights(partial: Partial<AssessmentWeights> | null | undefined): AssessmentWeights {
  const weights = { ...DEFAULT_ASSESSMENT_WEIGHTS };
  for (const key of ASSESSMENT_WEIGHT_KEYS) {
    const value = partial?.[key];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) weights[key] = value;
  }
  return weights;
}

export function assessUnits(
  report: Pick<Report, "tasks" | "asOf">,
  weightsGiven?: Partial<AssessmentWeights> | null,
  completedOn?: CompletedOn,
): Assessment {
  const weights = assessmentWeights(weightsGiven);
  const byUnit = new Map<string, Sum>();
  for (const task of report.tasks) {
    const outcome = taskOutcome(task, completedOn);
    const points = taskPoints(task, outcome, weights);
    // A task has a few units: no set nor joined copy of its lists per task (a big plan has 100,000 tasks).
    const { lead, responsible } = task;
    const count = lead.length + responsible.length;
    for (let i = 0; i < count; i++) {
      const isLead = i < lead.length;
      const unit = isLead ? lead[i] : responsible[i - lead.length];
      if (listedBefore(lead, responsible, i, unit)) continue; // a unit counts once per task, as lead if it leads
      let sum = byUnit.get(unit);
      if (!sum) byUnit.set(unit, (sum = { line: emptyLine(unit), points: 0, weight: 0 }));
      const weight = isLead ? weights.lead : weights.responsible;
      sum.points += weight * points;
      sum.weight += weight;
      const line = sum.line;
      if (isLead) line.lead++;
      else line.responsible++;
      if (outcome === "doneOnTime") line.doneOnTime++;
      else if (outcome === "doneLate") line.doneLate++;
      else if (outcome === "overdue") {
        line.overdue++;
        line.overdueDays += task.daysOverdue ?? 0;
      }
      if (isLead && outcome === "doneOnTime") line.leadDoneOnTime++;
      if (isLead && outcome === "overdue") line.leadOverdue++;
    }
  }
  const units = [...byUnit.values()].map(({ line, points, weight }) => {
    // With every weight zero a unit's tasks say nothing: it scores as if all were done on time.
    line.score = round1(weight > 0 ? points / weight : weights.doneOnTime);
    return line;
  });
  units.sort((a, b) => b.score - a.score || compareText(a.unit, b.unit));
  for (let i = 0; i < units.length; i++) {
    units[i].rank = i > 0 && units[i].score === units[i - 1].score ? units[i - 1].rank : i + 1;
  }
  const allLeadOnTime = units.filter((u) => u.lead > 0 && u.leadDoneOnTime === u.lead).map((u) => u.unit);
  const leadOverdue = units
    .filter((u) => u.leadOverdue > 0)
    .sort((a, b) => b.leadOverdue - a.leadOverdue || b.overdueDays - a.overdueDays || compareText(a.unit, b.unit))
    .map((u) => u.unit);
  return { asOf: report.asOf, weights, units, allLeadOnTime, leadOverdue };
}

function emptyLine(unit: string): UnitAssessment {
  return {
    unit,
    score: 0,
    rank: 0,
    lead: 0,
    responsible: 0,
    doneOnTime: 0,
    doneLate: 0,
    overdue: 0,
    overdueDays: 0,
    leadDoneOnTime: 0,
    leadOverdue: 0,
  };
}

/** One decimal, without binary noise (82.35 -> 82.4, not 82.3). */
function round1(value: number): number {
  return Math.round(Math.round(value * 1000) / 100) / 10;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
