import type { WorkCalendar } from "../calendar";
import type { Deadline, IsoDate } from "../types";

export interface DeadlineContext {
  /** The plan's year (from rows above the header, else the as-of year): the caller decides. */
  planYear: number;
  /** Base of relative deadlines (the plan's publication date), or null. */
  published: IsoDate | null;
  calendar: WorkCalendar;
  /** Number format of the cell, when the value is a number ("yyyy-mm-dd", "General", …). */
  numberFormat?: string | null;
}

export interface ParsedDeadline extends Deadline {
  /** A relative deadline and no publication date: due is null (or, in a multi, the earliest of
   * the other targets). */
  needsBase: boolean;
  /** A working-day computation went outside the calendar's known years (Monday–Friday assumed). */
  outsideCalendar: boolean;
}
