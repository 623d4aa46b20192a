/**
 * Units written inside the task text, State Council style: "推进……信息公开。（省发展改革委、财政厅牵头；
 * 各州、市人民政府配合）" or "……〔责任单位：省政府办公厅〕".
 */
import { toSimplified } from "../text";
import { markCell } from "./markers";
import { parseUnitCell } from "./parseCell";

/** Closing bracket -> the opening brackets that may pair with it (full- and half-width mixed freely). */
const OPENERS: Record<string, string> = {
  "）": "（(",
  ")": "（(",
  "〕": "〔[［【",
  "]": "〔[［【",
  "］": "〔[［【",
  "】": "【[［〔",
};
/** After the parenthesis: spaces and a final full stop. */
const AFTER = /[\s\u3000。．.；;]*$/;
/** A parenthesis longer than this is not a list of units. */
const MAX_INNER = 2000;

/**
 * The units in a trailing parenthesis （…） (…) 〔…〕 [...] 【…】 at the end of a task text (after an
 * optional final 。): the text without the parenthesis (its final 。 kept) and the text inside. Null
 * when there is none, or when it holds no unit (（试行）, （2017年版）).
 */
export function splitTrailingUnits(taskText: string): { task: string; units: string } | null {
  if (typeof taskText !== "string" || taskText === "") return null;
  const after = AFTER.exec(taskText);
  const close = taskText.length - (after ? after[0].length : 0) - 1;
  if (close < 1) return null;
  const closing = taskText[close];
  const openers = OPENERS[closing];
  if (openers === undefined) return null;
  const closers = Object.keys(OPENERS)
    .filter((c) => OPENERS[c] === openers)
    .join("");

  // Walk back to the matching opening bracket (the units may hold brackets: 各乡（镇）人民政府).
  let depth = 0;
  let open = -1;
  const lowest = Math.max(0, close - MAX_INNER);
  for (let i = close; i >= lowest; i--) {
    const ch = taskText[i];
    if (closers.includes(ch)) depth++;
    else if (openers.includes(ch)) {
      depth--;
      if (depth === 0) {
        open = i;
        break;
      }
    }
  }
  if (open < 0) return null;

  const units = taskText.slice(open + 1, close).trim();
  if (units === "" || !holdsUnits(units)) return null;
  let task = taskText.slice(0, open).trimEnd();
  const finalStop = after ? after[0].trim() : "";
  if (finalStop !== "" && task !== "" && !/[。．.；;！!？?]$/.test(task)) task += finalStop[0];
  return { task, units };
}

/** A unit-like part (department or collective), or a role marker with at least one unit. */
function holdsUnits(inner: string): boolean {
  const parsed = parseUnitCell(inner, "mixed", null);
  const all = parsed.lead.concat(parsed.responsible);
  if (all.some((u) => u.kind !== "other")) return true;
  return all.length > 0 && markCell(toSimplified(inner)).markers;
}
