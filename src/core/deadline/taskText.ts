/**
 * A deadline written in the task sentence (design §3b "Deadline in the task text"): with the deadline cell
 * empty, "……2022年10月底前编制并公布……" is due 2022-10-31. Only dated milestones with "前" (by) count: a
 * year mentioned in passing ("2021年以来", "2020年度报告") is no deadline.
 */

const YEAR = String.raw`(?:\d{4}\s*年度?|(?:今|本|明|次)年)`;
const WHEN = String.raw`(?:\d{1,2}\s*月份?(?:\s*\d{1,2}\s*[日号]|底|末|上旬|中旬|下旬)?|年?底|年末|年中|第?[一二三四1-4]\s*季度末?|[上下]半年)`;
/** The dated phrase and its work up to the end of the clause ("6月底前启动", "年底前全面完成"). */
const PHRASE = new RegExp(String.raw`(?:${YEAR}\s*)?${WHEN}\s*(?:之前|以前|前)[^，,；;。\n]{0,12}`, "gu");
const LIMIT = 2_000;

/** The deadline phrases of a task text joined by "，" (staged ones kept in order), or null when it has none. */
export function taskTextDeadline(text: string): string | null {
  if (typeof text !== "string" || text === "" || text.length > LIMIT) return null;
  let normal: string;
  try {
    normal = text.normalize("NFKC");
  } catch {
    normal = text;
  }
  const found: string[] = [];
  PHRASE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHRASE.exec(normal)) !== null) {
    if (m[0].length === 0) {
      PHRASE.lastIndex++;
      continue;
    }
    // Not the middle of a longer number (12020年) nor a date that starts something (…年底前后).
    if (/\d/.test(normal[m.index - 1] ?? "")) continue;
    found.push(m[0].trim());
  }
  return found.length > 0 ? found.join("，") : null;
}
