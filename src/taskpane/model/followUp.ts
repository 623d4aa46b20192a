/**
 * What the Follow-up tab shows of a report: each unit's reminder as text with its counts, and the year-end
 * assessment. On a big plan this walks every task (1–2 s on 100,000 rows): the standalone pane has it made in
 * the analysis worker, which kept the checked report (src/worker), and only these texts and numbers come back.
 */
import { unitNotes } from "../../app/documents";
import { assessUnits, type Assessment, type AssessmentWeights } from "../../core/assessment";
import type { IsoDate, Report } from "../../core/types";

export interface FollowUpOptions {
  /** The date units report back by (the feedbackDate setting). */
  feedbackDate: IsoDate | null;
  /** The assessment's weights (a missing one takes its default). */
  weights?: Partial<AssessmentWeights> | null;
}

/** A unit's reminder as the tab shows it. */
export interface NoteSummary {
  unit: string;
  overdue: number;
  dueSoon: number;
  /** The reminder as text to paste. */
  text: string;
}

export interface FollowUp {
  notes: NoteSummary[];
  assessment: Assessment;
}

export function followUpOf(report: Report, options: FollowUpOptions): FollowUp {
  const notes = unitNotes(report, { feedbackDate: options.feedbackDate }).map((note) => ({
    unit: note.unit,
    overdue: note.reminder.overdue,
    dueSoon: note.reminder.dueSoon,
    text: note.text,
  }));
  return { notes, assessment: assessUnits(report, options.weights) };
}
