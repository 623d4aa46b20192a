/**
 * The date expressions of deadline texts, as precompiled regular expressions: one alternation of
 * all rules finds where an expression starts and which rule it is (texts without Latin letters use
 * the alternation without the English rules); that rule's own sticky expression reads its groups.
 *
 * Input is the canonical text (normalize.ts: ASCII digits, simplified characters, lower case, no
 * whitespace except between ASCII words). Each rule is one alternative; at any position the FIRST
 * rule that matches wins, so more specific rules come first (2017年12月15日 before 2017年12月 before
 * 2017年). Every number is guarded against sitting inside a longer number. A rule reads its groups
 * into a token; validity (2017年2月30日, 13月) is decided later, when the token is resolved, so an
 * impossible date is seen and makes the whole deadline unparsed rather than being skipped.
 */

/** A year as written: absolute (2017年), relative to the year in force (明年 = +1, 今年 = +0), or
 * absent (the year in force: the last year written earlier in the text, else the plan's year). */
export type YearRef = { abs: number } | { offset: number } | null;

export type RelativeUnit = "workday" | "day" | "week" | "month" | "year";

/** A day of the month for part-of-month deadlines: a number or the month's last day. */
export type DayOfMonth = number | "last";

export type DateToken =
  | { type: "day"; year: YearRef; month: number; day: number }
  | { type: "month"; year: YearRef; month: number }
  | { type: "part"; year: YearRef; month: number; day: DayOfMonth }
  | { type: "quarter"; year: YearRef; quarter: number }
  | { type: "half"; year: YearRef; half: 1 | 2 }
  /** vague: "within the year" (年内, 全年, 2018年) rather than "by year end" (年底, 年末). */
  | { type: "year"; year: YearRef; vague: boolean }
  | { type: "relative"; amount: number; unit: RelativeUnit }
  /** Matched the shape of a date but cannot be one (e.g. 12/11/2017: day and month ambiguous). */
  | { type: "invalid" };

export interface ScannedToken {
  token: DateToken;
  /** Offsets in the scanned text: [start, end). */
  start: number;
  end: number;
}

type Groups = (index: number) => string | undefined;

interface Rule {
  /** Regular-expression source; its capturing groups are numbered from 1 within the rule. */
  pattern: string;
  /** Needs Latin letters (English forms): skipped for texts without any. */
  latin?: true;
  read(group: Groups): DateToken;
}

const NOT_AFTER_DIGIT = String.raw`(?<![0-9])`;
/** Not after a digit or a decimal point: 1.5个工作日 is no count of days. */
const NOT_AFTER_NUMBER = String.raw`(?<![0-9.])`;
const NOT_BEFORE_DIGIT = String.raw`(?![0-9])`;
/** Year prefix: two groups — (1) four digits before 年, (2) a year word. */
const YEAR_PREFIX = String.raw`(?:${NOT_AFTER_DIGIT}(\d{4})年度?|(今年|本年|当年|次年|明年|翌年|来年)度?)`;
const YEAR_WORDS = String.raw`(今年|本年|当年|次年|明年|翌年|来年)`;
const MONTH_NAME = String.raw`(?<![a-z])(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?`;

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function num(text: string | undefined): number {
  return text === undefined ? Number.NaN : Number(text);
}

function monthOfName(name: string | undefined): number {
  return name === undefined ? Number.NaN : (MONTH_NUMBERS[name.slice(0, 3)] ?? Number.NaN);
}

/** YearRef from a four-digit group and a year-word group. */
function yearOf(digits: string | undefined, word?: string | undefined): YearRef {
  if (digits !== undefined) return { abs: Number(digits) };
  if (word !== undefined) return { offset: word === "今年" || word === "本年" || word === "当年" ? 0 : 1 };
  return null;
}

const ORDINALS: Readonly<Record<string, number>> = {
  "first": 1,
  "1st": 1,
  "second": 2,
  "2nd": 2,
  "third": 3,
  "3rd": 3,
  "fourth": 4,
  "4th": 4,
};

const PART_DAYS: Readonly<Record<string, DayOfMonth>> = {
  初: 10,
  上旬: 10,
  中: 20,
  中旬: 20,
  上中旬: 20,
  下旬: "last",
  中下旬: "last",
  early: 10,
  mid: 20,
  late: "last",
};

function relativeUnit(word: string | undefined): RelativeUnit {
  switch (word) {
    case "工作日":
      return "workday";
    case "周":
    case "星期":
      return "week";
    case "月":
      return "month";
    case "年":
      return "year";
    default:
      return "day";
  }
}

function englishRelativeUnit(kind: string | undefined, unit: string | undefined): RelativeUnit {
  const base = (unit ?? "").replace(/s$/, "");
  if (base === "day") return kind === "working" || kind === "business" ? "workday" : "day";
  if (base === "week") return "week";
  if (base === "month") return "month";
  return "year";
}

const RULES: readonly Rule[] = [
  // 2017-12-15, 2017/12/15, 2017.12.15
  {
    pattern: String.raw`${NOT_AFTER_DIGIT}(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${NOT_BEFORE_DIGIT}`,
    read: (g) => ({ type: "day", year: yearOf(g(1)), month: num(g(2)), day: num(g(3)) }),
  },
  // 20171215
  {
    pattern: String.raw`${NOT_AFTER_DIGIT}(\d{4})(\d{2})(\d{2})${NOT_BEFORE_DIGIT}`,
    read: (g) => ({ type: "day", year: yearOf(g(1)), month: num(g(2)), day: num(g(3)) }),
  },
  // 31/12/2017 or 12/31/2017: read only when one of the two is above 12 (or both are equal).
  {
    pattern: String.raw`${NOT_AFTER_DIGIT}(\d{1,2})/(\d{1,2})/(\d{4})${NOT_BEFORE_DIGIT}`,
    read: (g) => {
      const a = num(g(1));
      const b = num(g(2));
      const year = yearOf(g(3));
      if (a > 12 && b <= 12) return { type: "day", year, month: b, day: a };
      if (b > 12 && a <= 12) return { type: "day", year, month: a, day: b };
      if (a === b) return { type: "day", year, month: a, day: b };
      return { type: "invalid" };
    },
  },
  // 2017年12月15日, 12月15日, 明年3月1日, 12月15号
  {
    pattern: String.raw`(?:${YEAR_PREFIX})?${NOT_AFTER_DIGIT}(\d{1,2})月份?(\d{1,2})(?:日|号)?${NOT_BEFORE_DIGIT}`,
    read: (g) => ({ type: "day", year: yearOf(g(1), g(2)), month: num(g(3)), day: num(g(4)) }),
  },
  // 10月上旬 / 中旬 / 下旬, 7月初, 7月中
  {
    pattern: String.raw`(?:${YEAR_PREFIX})?${NOT_AFTER_DIGIT}(\d{1,2})月份?(上中旬|中下旬|上旬|中旬|下旬|初|中(?!央))`,
    read: (g) => ({ type: "part", year: yearOf(g(1), g(2)), month: num(g(3)), day: PART_DAYS[g(4) ?? ""] ?? "last" }),
  },
  // 2017年7月(底前), 7月底, 7月末, 7月份, 7月前
  {
    pattern: String.raw`(?:${YEAR_PREFIX})?${NOT_AFTER_DIGIT}(\d{1,2})月${NOT_BEFORE_DIGIT}`,
    read: (g) => ({ type: "month", year: yearOf(g(1), g(2)), month: num(g(3)) }),
  },
  // 2017-12, 2017.12, 2017/12
  {
    pattern: String.raw`${NOT_AFTER_DIGIT}(\d{4})[-/.](\d{1,2})${NOT_BEFORE_DIGIT}`,
    read: (g) => ({ type: "month", year: yearOf(g(1)), month: num(g(2)) }),
  },
  // 12.15 (month.day, the plan's year) — not a decimal quantity (1.5个工作日, 2.5%)
  {
    pattern: String.raw`(?<![0-9.])(\d{1,2})\.(\d{1,2})(?![0-9.])(?!个|天|日|月|年|%|万|亿|倍|小时|周|元|米|分|人|次|项)`,
    read: (g) => ({ type: "day", year: null, month: num(g(1)), day: num(g(2)) }),
  },
  // 第3季度, 三季度末, 2017年第四季度, 一季度, 3季
  {
    pattern: String.raw`(?:${YEAR_PREFIX})?第?${NOT_AFTER_DIGIT}([1-4])季度?`,
    read: (g) => ({ type: "quarter", year: yearOf(g(1), g(2)), quarter: num(g(3)) }),
  },
  // q3, q3 2017
  {
    latin: true,
    pattern: String.raw`(?<![a-z0-9])q([1-4])(?:\s?(\d{4}))?${NOT_BEFORE_DIGIT}(?![a-z])`,
    read: (g) => ({ type: "quarter", year: yearOf(g(2)), quarter: num(g(1)) }),
  },
  // 2017 q3, 2017q3, 2017年q3
  {
    latin: true,
    pattern: String.raw`${NOT_AFTER_DIGIT}(\d{4})年?\s?q([1-4])(?![0-9a-z])`,
    read: (g) => ({ type: "quarter", year: yearOf(g(1)), quarter: num(g(2)) }),
  },
  // third quarter (of 2017)
  {
    latin: true,
    pattern: String.raw`(?<![a-z0-9])(first|second|third|fourth|1st|2nd|3rd|4th)\s?quarter(?:\s(?:of\s)?(\d{4}))?`,
    read: (g) => ({ type: "quarter", year: yearOf(g(2)), quarter: ORDINALS[g(1) ?? ""] ?? Number.NaN }),
  },
  // 上半年, 下半年, 2017年下半年
  {
    pattern: String.raw`(?:${YEAR_PREFIX})?(上|下)半年`,
    read: (g) => ({ type: "half", year: yearOf(g(1), g(2)), half: g(3) === "上" ? 1 : 2 }),
  },
  // 年中, 2017年中, 今年年中
  {
    pattern: String.raw`(?:${NOT_AFTER_DIGIT}(\d{4})|${YEAR_WORDS})?年中(?![央旬])`,
    read: (g) => ({ type: "half", year: yearOf(g(1), g(2)), half: 1 }),
  },
  // h1, h2 2017
  {
    latin: true,
    pattern: String.raw`(?<![a-z0-9])h([12])(?:\s?(\d{4}))?(?![0-9a-z])`,
    read: (g) => ({ type: "half", year: yearOf(g(2)), half: g(1) === "1" ? 1 : 2 }),
  },
  // 2017 h1, 2017h2, 2017年h1
  {
    latin: true,
    pattern: String.raw`${NOT_AFTER_DIGIT}(\d{4})年?\s?h([12])(?![0-9a-z])`,
    read: (g) => ({ type: "half", year: yearOf(g(1)), half: g(2) === "1" ? 1 : 2 }),
  },
  // first half (of 2017)
  {
    latin: true,
    pattern: String.raw`(?<![a-z])(first|second|1st|2nd)\s?half(?:\s(?:of\s)?(?:the\s)?(?:year\s)?(\d{4}))?`,
    read: (g) => ({ type: "half", year: yearOf(g(2)), half: g(1) === "first" || g(1) === "1st" ? 1 : 2 }),
  },
  // mid-year (2017)
  {
    latin: true,
    pattern: String.raw`(?<![a-z])mid[- ]?year(?:\s(\d{4}))?`,
    read: (g) => ({ type: "half", year: yearOf(g(1)), half: 1 }),
  },
  // 2017年(底前), 2017年内, 2017年度, 本年度, 今年底, 明年
  {
    pattern: String.raw`${YEAR_PREFIX}年?(底|末|终|内)?`,
    read: (g) => ({ type: "year", year: yearOf(g(1), g(2)), vague: g(3) === undefined || g(3) === "内" }),
  },
  // 年底前, 年末, 年终, 年内, 全年, 年度内
  {
    pattern: String.raw`(年底|年末|年终|年内|全年|年度内)`,
    read: (g) => ({ type: "year", year: null, vague: g(1) === "年内" || g(1) === "全年" || g(1) === "年度内" }),
  },
  // 2018 (the whole text)
  {
    pattern: String.raw`^(\d{4})$`,
    read: (g) => ({ type: "year", year: yearOf(g(1)), vague: true }),
  },
  // end of 2017, end of (the) year, year-end
  {
    latin: true,
    pattern: String.raw`(?<![a-z])end\s?of\s(?:the\s)?(?:year|(\d{4}))|(?<![a-z])year[- ]?end`,
    read: (g) => ({ type: "year", year: yearOf(g(1)), vague: false }),
  },
  // by 2018, in 2018
  {
    latin: true,
    pattern: String.raw`(?<![a-z])(?:by|before|until|till|in|within|during)\s(\d{4})${NOT_BEFORE_DIGIT}`,
    read: (g) => ({ type: "year", year: yearOf(g(1)), vague: false }),
  },
  // within the year, this year
  {
    latin: true,
    pattern: String.raw`(?<![a-z])(?:within\sthe\syear|this\syear|current\syear)`,
    read: () => ({ type: "year", year: null, vague: true }),
  },
  // july 31(st)(, 2017), dec 15
  {
    latin: true,
    pattern: String.raw`${MONTH_NAME}\s?(\d{1,2})(?:st|nd|rd|th)?(?:,?\s?(\d{4}))?${NOT_BEFORE_DIGIT}`,
    read: (g) => ({ type: "day", year: yearOf(g(3)), month: monthOfName(g(1)), day: num(g(2)) }),
  },
  // 31(st) (of) july (2017)
  {
    latin: true,
    pattern: String.raw`${NOT_AFTER_DIGIT}(\d{1,2})(?:st|nd|rd|th)?\s?(?:of\s)?${MONTH_NAME}(?:,?\s?(\d{4}))?${NOT_BEFORE_DIGIT}`,
    read: (g) => ({ type: "day", year: yearOf(g(3)), month: monthOfName(g(2)), day: num(g(1)) }),
  },
  // early / mid / late july (2017)
  {
    latin: true,
    pattern: String.raw`(?<![a-z])(early|mid|late)[- ]?${MONTH_NAME}(?:,?\s?(\d{4}))?${NOT_BEFORE_DIGIT}`,
    read: (g) => ({ type: "part", year: yearOf(g(3)), month: monthOfName(g(2)), day: PART_DAYS[g(1) ?? ""] ?? "last" }),
  },
  // end of july (2017)
  {
    latin: true,
    pattern: String.raw`(?<![a-z])end\s?of\s(?:the\s)?${MONTH_NAME}(?:,?\s?(\d{4}))?${NOT_BEFORE_DIGIT}`,
    read: (g) => ({ type: "month", year: yearOf(g(2)), month: monthOfName(g(1)) }),
  },
  // july 2017
  {
    latin: true,
    pattern: String.raw`${MONTH_NAME},?\s?(\d{4})${NOT_BEFORE_DIGIT}`,
    read: (g) => ({ type: "month", year: yearOf(g(2)), month: monthOfName(g(1)) }),
  },
  // by july, in may (a bare month name needs a preposition: "may" is also a verb; "by july 15"
  // and "by july 2018" are left to the rules above)
  {
    latin: true,
    pattern: String.raw`(?<![a-z])(?:by|before|until|till|through|in)\s(?:the\s)?${MONTH_NAME}(?![,.]?\s?\d)`,
    read: (g) => ({ type: "month", year: null, month: monthOfName(g(1)) }),
  },
  // july (the whole text)
  {
    latin: true,
    pattern: String.raw`^${MONTH_NAME}$`,
    read: (g) => ({ type: "month", year: null, month: monthOfName(g(1)) }),
  },
  // 30个工作日, 15天, 2周, 10个自然日
  {
    pattern: String.raw`${NOT_AFTER_NUMBER}(\d{1,5})个?(工作日|自然日|日历日|天|周|星期)`,
    read: (g) => ({ type: "relative", amount: num(g(1)), unit: relativeUnit(g(2)) }),
  },
  // 1个月, 3个月内, 1个年
  {
    pattern: String.raw`${NOT_AFTER_NUMBER}(\d{1,4})个(月|年)`,
    read: (g) => ({ type: "relative", amount: num(g(1)), unit: relativeUnit(g(2)) }),
  },
  // 15日内, 3年内
  {
    pattern: String.raw`${NOT_AFTER_NUMBER}(\d{1,4})(日|年)(?=内|之内|以内)`,
    read: (g) => ({ type: "relative", amount: num(g(1)), unit: relativeUnit(g(2)) }),
  },
  // (之日)起15日, 后10日
  {
    pattern: String.raw`(?<=后|起|满)(\d{1,4})日`,
    read: (g) => ({ type: "relative", amount: num(g(1)), unit: "day" }),
  },
  // 半个月内 (15 days), 半年内 (6 months)
  {
    pattern: String.raw`(?<![上下])半个?(月|年)(?=内|之内|以内)`,
    read: (g) =>
      g(1) === "月" ? { type: "relative", amount: 15, unit: "day" } : { type: "relative", amount: 6, unit: "month" },
  },
  // 30 working days, 15 days, 2 weeks, 1 month, 30-day
  {
    latin: true,
    pattern: String.raw`${NOT_AFTER_NUMBER}(\d{1,5})\s?-?\s?(working|business|calendar)?\s?(days?|weeks?|months?|years?)(?![a-z])`,
    read: (g) => ({ type: "relative", amount: num(g(1)), unit: englishRelativeUnit(g(2), g(3)) }),
  },
];

/** One compiled alternation of rules. The alternation captures only which rule matched (one group
 * per rule: match arrays stay small); the rule's own sticky expression then reads its groups. */
interface Scanner {
  rules: readonly Rule[];
  readers: readonly RegExp[];
  all: RegExp;
  test: RegExp;
}

/**
 * The characters a date expression can start with. Putting them in a lookahead in front of the
 * alternation lets the engine skip every other position at once.
 */
const CJK_STARTS = "0-9今本当次明翌来第上下年全半";

/** The same pattern without capturing groups (our patterns hold no literal parentheses). */
function withoutCaptures(pattern: string): string {
  return pattern.replace(/\\.|\((?!\?)/g, (part) => (part === "(" ? "(?:" : part));
}

function compile(rules: readonly Rule[], starts: string): Scanner {
  const source = `(?=[${starts}])(?:${rules.map((rule) => `(${withoutCaptures(rule.pattern)})`).join("|")})`;
  return {
    rules,
    readers: rules.map((rule) => new RegExp(rule.pattern, "y")),
    all: new RegExp(source, "g"),
    test: new RegExp(source),
  };
}

/** Texts without Latin letters (nearly all Chinese plans) skip the English rules. */
const CJK_SCANNER = compile(
  RULES.filter((rule) => !rule.latin),
  CJK_STARTS,
);
const FULL_SCANNER = compile(RULES, `${CJK_STARTS}a-z`);
const LATIN = /[a-z]/;

function scannerFor(text: string): Scanner {
  return LATIN.test(text) ? FULL_SCANNER : CJK_SCANNER;
}

/** All date expressions of a canonical text, left to right, without overlaps. */
export function scanTokens(text: string): ScannedToken[] {
  const { rules, readers, all } = scannerFor(text);
  const tokens: ScannedToken[] = [];
  all.lastIndex = 0;
  for (let match = all.exec(text); match !== null; match = all.exec(text)) {
    const found = match;
    if (found[0].length === 0) {
      all.lastIndex++; // no rule matches empty text; guard the loop anyway
      continue;
    }
    const index = found.indexOf(found[0], 1) - 1;
    if (index < 0) continue;
    const reader = readers[index];
    reader.lastIndex = found.index;
    const groups = reader.exec(text);
    if (groups === null) continue; // cannot happen: same pattern at the same position
    tokens.push({
      token: rules[index].read((k) => groups[k]),
      start: found.index,
      end: found.index + found[0].length,
    });
  }
  return tokens;
}

/** Whether a canonical text holds any date expression. */
export function hasDateExpression(text: string): boolean {
  return scannerFor(text).test.test(text);
}
