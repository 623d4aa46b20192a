/**
 * One canonical form of a deadline text, so the grammar only has to know one spelling:
 * NFKC (full-width digits, letters and punctuation -> ASCII: ２０１７ -> 2017, （ -> (, ， -> ,),
 * traditional -> simplified for the characters our grammar uses (the match is all that needs them;
 * the Deadline keeps the text as written), Chinese numerals -> digits, lower case, and whitespace
 * removed except a single space between two ASCII letters or digits ("q3 2017", "end of july").
 */
import { chineseNumeralsToDigits } from "./numerals";

/**
 * Traditional (and variant) characters of the deadline vocabulary and their simplified forms. Any
 * word the grammar knows (see grammar.ts and keywords.ts) is covered: the tests convert every sample phrase with
 * OpenCC's simplified -> traditional table and expect the same reading.
 */
const TRADITIONAL: Readonly<Record<string, string>> = {
  號: "号",
  終: "终",
  內: "内",
  後: "后",
  個: "个",
  週: "周",
  長: "长",
  堅: "坚",
  續: "续",
  態: "态",
  經: "经",
  斷: "断",
  間: "间",
  動: "动",
  進: "进",
  隨: "随",
  時: "时",
  佈: "布",
  發: "发",
  頒: "颁",
  簽: "签",
  實: "实",
  開: "开",
  來: "来",
  為: "为",
  爲: "为",
  滿: "满",
  無: "无",
  暫: "暂",
  當: "当",
  歷: "历",
  曆: "历",
  雙: "双",
  報: "报",
  兩: "两",
  歲: "岁",
  屆: "届",
  於: "于",
  達: "达",
  執: "执",
  規: "规",
  範: "范",
  啟: "启",
  啓: "启",
  節: "节",
  點: "点",
  從: "从",
  對: "对",
  應: "应",
  須: "须",
  統: "统",
  辦: "办",
  結: "结",
  說: "说",
  關: "关",
  項: "项",
  務: "务",
  級: "级",
  協: "协",
  議: "议",
  決: "决",
  緊: "紧",
  優: "优",
  舉: "举",
  並: "并",
  與: "与",
  遞: "递",
  轉: "转",
  屬: "属",
  臨: "临",
  專: "专",
  處: "处",
  門: "门",
  單: "单",
  釐: "厘",
  訂: "订",
  計: "计",
  劃: "划",
  畫: "画",
  該: "该",
  這: "这",
  樣: "样",
  見: "见",
};

const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL).join("")}]`, "g");
const HAS_TRADITIONAL = new RegExp(TRADITIONAL_CHARS.source);
const NON_ASCII = /[^\x00-\x7f]/;
/** Whitespace next to anything but an ASCII letter or digit goes; other runs become one space. */
const LOOSE_SPACE = /(?<![a-z0-9])\s+|\s+(?![a-z0-9])/g;
const SPACES = /\s+/g;
const LINE_BREAKS = /\s*[\n\r]+\s*/g;

/** The canonical form used by the grammar (see the file comment). */
export function normalizeDeadlineText(text: string): string {
  let s = text;
  if (NON_ASCII.test(s)) {
    s = s.normalize("NFKC");
    if (HAS_TRADITIONAL.test(s)) s = s.replace(TRADITIONAL_CHARS, (ch) => TRADITIONAL[ch] ?? ch);
    s = chineseNumeralsToDigits(s);
  }
  s = s.toLowerCase();
  // A line break separates clauses ("6月底前启动\n年底前完成" are two stages).
  if (s.indexOf("\n") >= 0 || s.indexOf("\r") >= 0) s = s.trim().replace(LINE_BREAKS, ";");
  return s.replace(LOOSE_SPACE, "").replace(SPACES, " ");
}
