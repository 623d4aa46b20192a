/**
 * Which task of one list is which task of another (an earlier check, a unit's returned copy): by id and
 * text, never by row, so rows reordered, inserted or deleted in between are fine.
 * 1. Same id and same text (normalised: width, script, whitespace). Repeated keys pair up in order.
 * 2. Then the same text alone, when that text is unique among the tasks left on both sides (renumbered rows).
 * Anything else is unmatched: a task whose text was reworded counts as removed and added.
 */
import { taskKey, taskTextKey } from "./history";

export interface Keyed {
  id: string | null;
  text: string;
}

/** For each task of `current`, the index of its match in `earlier`, or -1. */
export function matchTasks(current: readonly Keyed[], earlier: readonly Keyed[]): number[] {
  const match = new Array<number>(current.length).fill(-1);
  const taken = new Array<boolean>(earlier.length).fill(false);

  const byKey = new Map<string, number[]>();
  earlier.forEach((task, index) => {
    const key = taskKey(task);
    const list = byKey.get(key);
    if (list) list.push(index);
    else byKey.set(key, [index]);
  });
  current.forEach((task, index) => {
    const list = byKey.get(taskKey(task));
    const found = list?.shift();
    if (found !== undefined) {
      match[index] = found;
      taken[found] = true;
    }
  });

  // Unique texts among what is left on each side.
  const left = (tasks: readonly Keyed[], used: (index: number) => boolean): Map<string, number> => {
    const seen = new Map<string, number>();
    tasks.forEach((task, index) => {
      if (used(index)) return;
      const key = taskTextKey(task.text);
      if (key === "") return;
      seen.set(key, seen.has(key) ? -1 : index);
    });
    return seen;
  };
  const earlierLeft = left(earlier, (index) => taken[index]);
  const currentLeft = left(current, (index) => match[index] !== -1);
  for (const [key, index] of currentLeft) {
    const found = earlierLeft.get(key);
    if (index >= 0 && found !== undefined && found >= 0) {
      match[index] = found;
      taken[found] = true;
    }
  }
  return match;
}
