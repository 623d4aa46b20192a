/** Status words and status classification for an as-of date (design §3 "Status", §5). */
import { diffDays } from "./dates";
import type { Deadline, IsoDate, Status } from "./types";

/**
 * Status words, matched case-insensitively in "|" + the trimmed text (runs of spaces made one) + "|", so "|完成|"
 * is the whole cell and "|done" its start. The live highlight rules (src/app/highlightParts.ts) test a status
 * cell with exactly these words, so a check and the rules agree on what "done" means.
 */
export const DONE_WORDS: readonly string[] = [
  "已完成",
  "已办结",
  "已结办",
  "已落实",
  "提前完成",
  "按期完成",
  "全面完成",
  "基本完成",
  "已经完成",
  "|完成|",
  "|办结|",
  // A progress column (进度) holding the whole share alone.
  "|100%|",
  "|100％|",
  "|done",
  "|complete",
  "|finished",
  "|closed",
];
/**
 * Any of these makes a status "not done", whatever else it says ("逾期未完成", "not yet done"). A progress note
 * that names a finished step is not a finished task: "已完成初稿，正在征求意见", "已完成调研，待审定", "阶段性完成".
 */
export const NOT_DONE_WORDS: readonly string[] = [
  "未完成",
  "未办结",
  "未落实",
  "未启动",
  "尚未",
  "没有完成",
  "未按期",
  "延期",
  "逾期",
  "正在",
  "进行中",
  "推进中",
  "办理中",
  "初稿",
  "征求意见",
  "部分完成",
  "阶段性",
  "待验收",
  "待审",
  "not done",
  "not yet done",
  "not complete",
  "not yet complete",
  "in progress",
  "overdue",
  "partially",
  "pending",
  "draft",
];

/**
 * A share of the task below the whole ("已完成80%", "完成进度60％", "80% done") says it is under way: a percent
 * sign without 100 before it. Signs and wholes pair up (a half-width "100%" makes a half-width "%" whole), so the
 * live rules can say the same with weights: each sign -100, each whole +100. (Like the rules, this sees whether a
 * cell holds a sign, not how many: "已完成100%的调研，整体完成50%" reads as a whole.)
 */
export const PERCENT_SIGNS: readonly { sign: string; whole: string }[] = [
  { sign: "%", whole: "100%" },
  { sign: "％", whole: "100％" },
];

const partShare = (probe: string): boolean =>
  PERCENT_SIGNS.some(({ sign, whole }) => probe.includes(sign) && !probe.includes(whole));

/** "|" + text trimmed with runs of spaces made one (as Excel's TRIM does) + "|", lower case. */
export const statusProbe = (statusText: string): string =>
  `|${statusText.trim().replace(/ {2,}/g, " ")}|`.toLowerCase();

/** Does a status cell (already simplified Chinese) say the task is done? */
export function isDoneText(statusText: string): boolean {
  if (!statusText.trim()) return false;
  const probe = statusProbe(statusText);
  if (NOT_DONE_WORDS.some((word) => probe.includes(word)) || partShare(probe)) return false;
  return DONE_WORDS.some((word) => probe.includes(word));
}

export interface Classified {
  status: Status;
  daysOverdue: number | null;
}

/** Days from the as-of date to each due date seen: a plan repeats a few dozen due dates over all its rows. */
const DAYS_LEFT_LIMIT = 4096;
let daysLeftAsOf: IsoDate | null = null;
const daysLeftCache = new Map<IsoDate, number>();

function daysLeftUntil(due: IsoDate, asOf: IsoDate): number {
  if (asOf !== daysLeftAsOf) {
    daysLeftCache.clear();
    daysLeftAsOf = asOf;
  }
  let days = daysLeftCache.get(due);
  if (days === undefined) {
    days = diffDays(due, asOf);
    if (daysLeftCache.size < DAYS_LEFT_LIMIT) daysLeftCache.set(due, days);
  }
  return days;
}

/** done, overdue (due < as-of), due-soon (as-of <= due <= as-of + window), ongoing, no-deadline, open. */
export function classify(deadline: Deadline, done: boolean, asOf: IsoDate, dueSoonDays: number): Classified {
  if (done) return { status: "done", daysOverdue: null };
  if (deadline.kind === "recurring" || deadline.kind === "ongoing") return { status: "ongoing", daysOverdue: null };
  if (!deadline.due) return { status: "no-deadline", daysOverdue: null };
  const daysLeft = daysLeftUntil(deadline.due, asOf);
  if (daysLeft < 0) return { status: "overdue", daysOverdue: -daysLeft };
  if (daysLeft <= dueSoonDays) return { status: "due-soon", daysOverdue: null };
  return { status: "open", daysOverdue: null };
}
