/**
 * Check history (design §8): the records kept in the very hidden fengong_history sheet, read before a check
 * (to compare with the last one) and written after a check that writes (ribbon, pane in Excel, CLI --out).
 */
import {
  decodeHistory,
  encodeHistory,
  HISTORY_SHEET,
  recordOf,
  upsertRecord,
  type HistoryRecord,
} from "../core/history";
import type { CompletedOn } from "../core/assessment";
import { firstSeenDone } from "../core/compare";
import type { Report } from "../core/types";
import type { WorkbookPort } from "./port";

/** The workbook's check records, oldest first (none when the port keeps no history). */
export async function readHistory(port: WorkbookPort): Promise<HistoryRecord[]> {
  if (!port.readOwnedRows) return [];
  return decodeHistory(await port.readOwnedRows(HISTORY_SHEET));
}

/**
 * Add this check to the workbook's history (a record with the same as-of is replaced). Nothing is written
 * for a report without a plan table, or by a port that keeps no history. Returns the records now kept.
 */
export async function recordHistory(
  port: WorkbookPort,
  report: Report,
  now: Date = new Date(),
): Promise<HistoryRecord[] | null> {
  if (!report.table || !port.writeOwnedRows) return null;
  const earlier = await readHistory(port);
  const record = recordOf(report, now.toISOString());
  // The same check again (same as-of, same tasks): the record stands as it is, and nothing is written.
  const same = earlier.find((r) => r.asOf === record.asOf);
  if (same && JSON.stringify(same.tasks) === JSON.stringify(record.tasks)) return earlier;
  const records = upsertRecord(earlier, record);
  await port.writeOwnedRows(HISTORY_SHEET, encodeHistory(records));
  return records;
}

/**
 * When each task was done, as far as the records can vouch for it: the as-of of the first check in the latest
 * unbroken run of checks that saw it done (the assessment's "done late" needs it when the plan has no
 * completion-date column). Undefined when there is no record.
 */
export function completionDatesFrom(report: Report, records: readonly HistoryRecord[]): CompletedOn | undefined {
  if (records.length === 0) return undefined;
  // A task already done at the oldest record may have been done any time before it: that record vouches for
  // nothing (the task counts as done on time unless the plan has a completion-date column).
  const oldest = records.reduce((min, r) => (r.asOf < min ? r.asOf : min), records[0].asOf);
  const dates = firstSeenDone(report.tasks, records).map((date) => (date === oldest ? null : date));
  const byTask = new Map(report.tasks.map((task, i) => [task, dates[i]]));
  return (task) => byTask.get(task) ?? null;
}
