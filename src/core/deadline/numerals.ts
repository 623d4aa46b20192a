/**
 * Chinese numerals to Arabic digits, for dates written in words: 二〇一七年十二月十五日 -> 2017年12月15日,
 * 三季度 -> 3季度, 一个月 -> 1个月, 三十个工作日 -> 30个工作日.
 *
 * A run without 十/百 is read digit by digit (二〇一七 -> 2017, 三 -> 3); a run with them is read
 * positionally (十二 -> 12, 二十五 -> 25, 一百二十 -> 120, 一百零五 -> 105). A run that is not a
 * well-formed number (十四五, as in 十四五规划) is left as written.
 */

const DIGITS: Readonly<Record<string, number>> = {
  "〇": 0,
  "○": 0, // U+25CB WHITE CIRCLE, often typed for 〇 (二○一七年)
  "◯": 0, // U+25EF LARGE CIRCLE
  "零": 0,
  "一": 1,
  "二": 2,
  "两": 2,
  "三": 3,
  "四": 4,
  "五": 5,
  "六": 6,
  "七": 7,
  "八": 8,
  "九": 9,
};

const NUMERAL_RUN = /[〇○◯零一二两三四五六七八九十百]+/g;
/** Quick test before the replace: most deadline texts have no numeral at all. */
const HAS_NUMERAL = /[〇○◯零一二两三四五六七八九十百]/;

/** Positional reading of a run containing 十 or 百; null when malformed. */
function readPositional(run: string): number | null {
  let total = 0;
  let pending: number | null = null;
  let lastUnit = 1000; // units must strictly decrease: 百 then 十
  let zeroSeen = false;
  for (const ch of run) {
    if (ch === "百" || ch === "十") {
      const unit = ch === "百" ? 100 : 10;
      if (unit >= lastUnit) return null;
      if (pending === 0) return null;
      total += (pending ?? 1) * unit;
      pending = null;
      lastUnit = unit;
      zeroSeen = false;
    } else {
      const digit = DIGITS[ch];
      if (digit === undefined) return null;
      if (digit === 0) {
        if (pending !== null || zeroSeen) return null;
        zeroSeen = true;
        continue;
      }
      if (pending !== null) return null; // two digits in a row: 十四五
      pending = digit;
    }
  }
  if (pending !== null) {
    // 一百五 is colloquially 150, not 105: a bare digit right after 百 is ambiguous.
    if (lastUnit === 100 && !zeroSeen) return null;
    total += pending;
  }
  return total;
}

/** The number a run of Chinese numerals stands for, as digits, or null if it is not a number. */
export function readChineseNumber(run: string): string | null {
  if (run.length === 0) return null;
  if (!run.includes("十") && !run.includes("百")) {
    let digits = "";
    for (const ch of run) {
      const digit = DIGITS[ch];
      if (digit === undefined) return null;
      digits += String(digit);
    }
    return digits;
  }
  const value = readPositional(run);
  return value === null ? null : String(value);
}

/** Replace every run of Chinese numerals that reads as a number with its digits. */
export function chineseNumeralsToDigits(text: string): string {
  if (!HAS_NUMERAL.test(text)) return text;
  return text.replace(NUMERAL_RUN, (run) => readChineseNumber(run) ?? run);
}
