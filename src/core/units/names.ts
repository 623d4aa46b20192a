/** Display form of unit names: the one place that decides how a name is spelled in a report. */
import { HAS_CJK } from "./patterns";

const SPACES = /[\s\u200b-\u200d\u2060\ufeff]+/g;
const HALF_OPEN = /\(/g;
const HALF_CLOSE = /\)/g;

/**
 * A unit name as displayed: (already simplified text) with no whitespace inside a Chinese name
 * ("省 财政厅" -> "省财政厅"), single spaces in a Latin one, and half-width brackets in a Chinese name
 * made full-width (各乡(镇)人民政府 -> 各乡（镇）人民政府) so both spellings count as one unit.
 */
export function displayName(simplified: string): string {
  if (HAS_CJK.test(simplified)) {
    let out = simplified.replace(SPACES, "");
    if (out.indexOf("(") >= 0 || out.indexOf(")") >= 0) out = out.replace(HALF_OPEN, "（").replace(HALF_CLOSE, "）");
    return out;
  }
  return simplified.replace(SPACES, " ").trim();
}
