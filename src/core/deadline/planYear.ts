/**
 * The plan's year from its title rows (the rows above the header): the first 20xx年 — also written
 * 二〇一七年, ２０１７年 or 2017-2020年 (the first year of a span) — else the first standalone 20xx
 * (国办发〔2017〕12号). Texts are searched in the order given.
 */
import { normalizeDeadlineText } from "./normalize";

const YEAR_WITH_NIAN = /(?<![0-9])(20\d{2})(?:[-—–~至到](?:20)?\d{2})?年/;
const BARE_YEAR = /(?<![0-9])(20\d{2})(?![0-9])/;

export function findPlanYear(texts: readonly unknown[]): number | null {
  if (!Array.isArray(texts)) return null;
  const canonical = texts
    .filter((text): text is string => typeof text === "string" && text.trim() !== "")
    .map((text) => normalizeDeadlineText(text.slice(0, 2000)));
  for (const pattern of [YEAR_WITH_NIAN, BARE_YEAR]) {
    for (const text of canonical) {
      const match = pattern.exec(text);
      if (match) return Number(match[1]);
    }
  }
  return null;
}
