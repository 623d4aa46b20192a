/** Overdue and due-soon tasks, in the order a coordinator chases them. */
import type { IsoDate, Task } from "../../core/types";

/** Whole days from a to b (plain calendar dates, no time zone involved). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const toDay = (iso: IsoDate): number => {
    const [year, month, day] = iso.split("-").map(Number);
    return Date.UTC(year, month - 1, day) / 86_400_000;
  };
  return Math.round(toDay(b) - toDay(a));
}

/** Overdue tasks, most days overdue first, then by row. */
export function overdueTasks(tasks: readonly Task[]): Task[] {
  return tasks
    .filter((task) => task.status === "overdue")
    .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.row - b.row);
}

export interface DueSoonTask {
  task: Task;
  /** Days from the as-of date to the due date (0: due that day). */
  daysLeft: number;
}

/** Due-soon tasks, nearest due date first, then by row. */
export function dueSoonTasks(tasks: readonly Task[], asOf: IsoDate): DueSoonTask[] {
  return tasks
    .filter((task) => task.status === "due-soon" && task.deadline.due !== null)
    .map((task) => ({ task, daysLeft: daysBetween(asOf, task.deadline.due as IsoDate) }))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.task.row - b.task.row);
}
