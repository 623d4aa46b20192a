import * as OpenCC from "opencc-js/cn2t";
import { createCalendar } from "../../../src/core/calendar";
import { parseDeadline, type DeadlineContext } from "../../../src/core/deadline";
import type { CellValue, DeadlineKind } from "../../../src/core/types";

const calendar = createCalendar();
/** Plan year 2017, no publication date. */
const ctx: DeadlineContext = { planYear: 2017, published: null, calendar };
/** Plan year 2017, published 2017-05-10 (a Wednesday). */
const published: DeadlineContext = { ...ctx, published: "2017-05-10" };

type Row = [input: string, kind: DeadlineKind, due: string | null];

function expectReading(input: CellValue, context: DeadlineContext, kind: DeadlineKind, due: string | null): void {
  const result = parseDeadline(input, context);
  expect({ input, kind: result.kind, due: result.due }).toEqual({ input, kind, due });
}

const DATE_ROWS: Row[] = [
  ["2017年12月15日前", "date", "2017-12-15"],
  ["2017-12-15", "date", "2017-12-15"],
  ["2017/12/15", "date", "2017-12-15"],
  ["2017.12.15", "date", "2017-12-15"],
  ["2017-1-5", "date", "2017-01-05"],
  ["12月15日", "date", "2017-12-15"],
  ["12月15号前", "date", "2017-12-15"],
  ["12.15", "date", "2017-12-15"],
  ["12.15前", "date", "2017-12-15"],
  ["20171215", "date", "2017-12-15"],
  ["２０１７年１２月１５日", "date", "2017-12-15"],
  ["2017 年 12 月 15 日前", "date", "2017-12-15"],
  ["十二月十五日", "date", "2017-12-15"],
  ["二〇一七年十二月十五日", "date", "2017-12-15"],
  ["二○一八年三月一日前", "date", "2018-03-01"],
  ["截至2017年6月30日", "date", "2017-06-30"],
  ["2018年2月29日", "unparsed", null],
  ["2016年2月29日", "date", "2016-02-29"],
];

const MONTH_ROWS: Row[] = [
  ["2017年7月底前", "month", "2017-07-31"],
  ["7月底", "month", "2017-07-31"],
  ["7月末", "month", "2017-07-31"],
  ["2018年10月", "month", "2018-10-31"],
  ["7月份", "month", "2017-07-31"],
  ["7月前", "month", "2017-07-31"],
  ["7月之前", "month", "2017-07-31"],
  ["2月底前", "month", "2017-02-28"],
  ["二〇一七年十二月", "month", "2017-12-31"],
  ["2017.12", "month", "2017-12-31"],
  ["2017-06", "month", "2017-06-30"],
  ["明年3月底前", "month", "2018-03-31"],
];

const PART_ROWS: Row[] = [
  ["10月上旬", "part-of-month", "2017-10-10"],
  ["10月中旬", "part-of-month", "2017-10-20"],
  ["10月下旬", "part-of-month", "2017-10-31"],
  ["2月下旬", "part-of-month", "2017-02-28"],
  ["2016年2月下旬", "part-of-month", "2016-02-29"],
  ["9月中下旬", "part-of-month", "2017-09-30"],
  ["7月初", "part-of-month", "2017-07-10"],
];

const QUARTER_ROWS: Row[] = [
  ["第3季度", "quarter", "2017-09-30"],
  ["三季度末", "quarter", "2017-09-30"],
  ["2017年第四季度", "quarter", "2017-12-31"],
  ["一季度", "quarter", "2017-03-31"],
  ["第二季度前", "quarter", "2017-06-30"],
  ["2018年一季度末", "quarter", "2018-03-31"],
  ["Q3", "quarter", "2017-09-30"],
];

const HALF_ROWS: Row[] = [
  ["上半年", "half", "2017-06-30"],
  ["年中", "half", "2017-06-30"],
  ["下半年", "half", "2017-12-31"],
  ["2018年上半年", "half", "2018-06-30"],
  ["2018年中", "half", "2018-06-30"],
];

const YEAR_ROWS: Row[] = [
  ["年底前", "year", "2017-12-31"],
  ["年内", "year", "2017-12-31"],
  ["年末", "year", "2017-12-31"],
  ["2017年底", "year", "2017-12-31"],
  ["2018年底前", "year", "2018-12-31"],
  ["全年", "year", "2017-12-31"],
  ["本年度", "year", "2017-12-31"],
  ["2018年", "year", "2018-12-31"],
  ["2018年度", "year", "2018-12-31"],
  ["2018年内完成", "year", "2018-12-31"],
  ["今年底前", "year", "2017-12-31"],
];

const RELATIVE_ROWS: Row[] = [
  ["本通知公布后30个工作日内", "relative", "2017-06-22"],
  ["印发之日起15日内", "relative", "2017-05-25"],
  ["文件下发后10个工作日", "relative", "2017-05-24"],
  ["发布之日起一个月内", "relative", "2017-06-10"],
  ["印发后3个月内", "relative", "2017-08-10"],
  ["印发之日起15天内", "relative", "2017-05-25"],
  ["印发后2周内", "relative", "2017-05-24"],
  ["半年内", "relative", "2017-11-10"],
  ["十个自然日内", "relative", "2017-05-20"],
  ["30 working days", "relative", "2017-06-22"],
  ["within 15 days of publication", "relative", "2017-05-25"],
  ["within 2 months", "relative", "2017-07-10"],
];

const RECURRING_ROWS: Row[] = [
  ["每季度", "recurring", null],
  ["每月", "recurring", null],
  ["每年", "recurring", null],
  ["每半年", "recurring", null],
  ["每月25日前", "recurring", null],
  ["每周", "recurring", null],
  ["定期", "recurring", null],
  ["每年12月底前", "recurring", null],
  ["每季度末", "recurring", null],
  ["月底前报送", "recurring", null],
  ["2017年起每季度报送", "recurring", null],
  ["Quarterly", "recurring", null],
  ["Monthly", "recurring", null],
  ["every month", "recurring", null],
];

const ONGOING_ROWS: Row[] = [
  ["持续推进", "ongoing", null],
  ["长期坚持", "ongoing", null],
  ["年内持续推进", "ongoing", null],
  ["2017年持续推进", "ongoing", null],
  ["常态化", "ongoing", null],
  ["持续执行", "ongoing", null],
  ["长期", "ongoing", null],
  ["持续开展", "ongoing", null],
  ["Ongoing", "ongoing", null],
  ["long-term", "ongoing", null],
];

const MULTI_ROWS: Row[] = [
  ["7月底前（省直部门）、9月底前（州市）", "multi", "2017-07-31"],
  ["9月底前（州市）、7月底前（省直部门）", "multi", "2017-07-31"],
  ["2017年底前完成试点；2018年6月底前全面推开", "multi", "2017-12-31"],
  ["7月底前完成（省直部门）、9月底前完成（州市）", "multi", "2017-07-31"],
];

/** Staged targets (design §3b): due at the stage of completion; the earlier stages are milestones. */
const STAGED_ROWS: Row[] = [
  ["2017年6月底前启动，12月底前完成", "month", "2017-12-31"],
  ["2018年6月底前启动，12月底前完成", "month", "2018-12-31"],
  ["三季度末前出台方案，年底前完成", "year", "2017-12-31"],
  ["2017年9月底前制定方案；2017年底前全面完成", "year", "2017-12-31"],
  ["2017年6月底前基本完成，10月底前全面完成", "month", "2017-10-31"],
  ["上半年开展试点，2017年12月15日前建成", "date", "2017-12-15"],
  ["2017年8月出台实施意见，2018年底前见效", "year", "2018-12-31"],
];

const NONE_AND_UNPARSED_ROWS: Row[] = [
  ["", "none", null],
  ["   ", "none", null],
  ["\n\t", "none", null],
  ["—", "none", null],
  ["/", "none", null],
  ["无", "none", null],
  ["2017年2月30日", "unparsed", null],
  ["2017年13月", "unparsed", null],
  ["第5季度", "unparsed", null],
  ["2107年底前", "year", "2107-12-31"],
  ["3107年底前", "unparsed", null],
  ["尽快", "unparsed", null],
  ["按上级要求", "unparsed", null],
  ["#N/A", "unparsed", null],
  ["十四五期间", "unparsed", null],
  ["12/11/2017", "unparsed", null],
];

const COMBINATION_ROWS: Row[] = [
  ["2017年6月-12月", "month", "2017-12-31"],
  ["2017年7月底至9月底", "month", "2017-09-30"],
  ["2017年12月—2018年6月", "month", "2018-06-30"],
  ["2017年12月底前完成，并长期坚持", "month", "2017-12-31"],
  ["年底前完成，每季度报送进展", "year", "2017-12-31"],
  ["2017年12月15日前（星期五）", "date", "2017-12-15"],
  ["12月底前完成、年底前验收", "month", "2017-12-31"],
];

const ENGLISH_ROWS: Row[] = [
  ["2017-12-31", "date", "2017-12-31"],
  ["31 July 2017", "date", "2017-07-31"],
  ["July 31, 2017", "date", "2017-07-31"],
  ["by Dec 15", "date", "2017-12-15"],
  ["by end of July", "month", "2017-07-31"],
  ["end of July 2018", "month", "2018-07-31"],
  ["July 2018", "month", "2018-07-31"],
  ["by July", "month", "2017-07-31"],
  ["mid-July", "part-of-month", "2017-07-20"],
  ["Q3 2017", "quarter", "2017-09-30"],
  ["2018 Q1", "quarter", "2018-03-31"],
  ["2018年Q1", "quarter", "2018-03-31"],
  ["2018年H1", "half", "2018-06-30"],
  ["third quarter", "quarter", "2017-09-30"],
  ["end of 2017", "year", "2017-12-31"],
  ["end of year", "year", "2017-12-31"],
  ["by 2018", "year", "2018-12-31"],
  ["H1", "half", "2017-06-30"],
  ["H2 2018", "half", "2018-12-31"],
  ["first half of 2018", "half", "2018-06-30"],
  ["ongoing", "ongoing", null],
  ["monthly", "recurring", null],
  ["end of July and end of September", "multi", "2017-07-31"],
  ["as soon as possible", "unparsed", null],
];

describe.each([
  ["date", DATE_ROWS],
  ["month", MONTH_ROWS],
  ["part of month", PART_ROWS],
  ["quarter", QUARTER_ROWS],
  ["half", HALF_ROWS],
  ["year", YEAR_ROWS],
  ["recurring", RECURRING_ROWS],
  ["ongoing", ONGOING_ROWS],
  ["multi", MULTI_ROWS],
  ["staged", STAGED_ROWS],
  ["none and unparsed", NONE_AND_UNPARSED_ROWS],
  ["combinations", COMBINATION_ROWS],
  ["English", ENGLISH_ROWS],
])("%s deadlines", (_name, rows) => {
  it.each(rows)("%s -> %s %s", (input, kind, due) => expectReading(input, ctx, kind, due));
});

describe("relative deadlines", () => {
  it.each(RELATIVE_ROWS)("%s -> %s %s (published 2017-05-10)", (input, kind, due) =>
    expectReading(input, published, kind, due),
  );

  it.each(RELATIVE_ROWS)("%s without a publication date needs a base", (input) => {
    const result = parseDeadline(input, ctx);
    expect(result).toMatchObject({ kind: "relative", due: null, needsBase: true, outsideCalendar: false });
  });

  it("an invalid publication date counts as none", () => {
    const result = parseDeadline("印发之日起15日内", { ...ctx, published: "2017-02-30" });
    expect(result).toMatchObject({ kind: "relative", due: null, needsBase: true });
  });

  it("counts from a starting date written in the text", () => {
    expectReading("2017年7月1日起30日内", ctx, "relative", "2017-07-31");
  });

  it("reports a working-day count that leaves the calendar's years", () => {
    const late = parseDeadline("本通知公布后30个工作日内", { ...ctx, published: "2026-12-20" });
    expect(late).toMatchObject({ kind: "relative", due: "2027-01-29", outsideCalendar: true, needsBase: false });
    const early = parseDeadline("本通知公布后30个工作日内", published);
    expect(early.outsideCalendar).toBe(false);
    // Calendar days never consult the working-day calendar.
    expect(parseDeadline("印发之日起15日内", { ...ctx, published: "2026-12-20" }).outsideCalendar).toBe(false);
  });

  it("uses the calendar's adjustments", () => {
    const adjusted = createCalendar({ holidays: ["2027-01-04"] });
    const result = parseDeadline("本通知公布后5个工作日内", { ...ctx, published: "2026-12-31", calendar: adjusted });
    // 2027-01-01 (Fri) 1, 01-05 2 … 01-08 5: the 4th is a holiday by adjustment, 2027 now known.
    expect(result).toMatchObject({ due: "2027-01-08", outsideCalendar: false });
    const plain = parseDeadline("本通知公布后5个工作日内", { ...ctx, published: "2026-12-31" });
    expect(plain).toMatchObject({ due: "2027-01-07", outsideCalendar: true });
  });

  it("refuses absurd amounts", () => {
    expectReading("印发之日起99999个工作日内", published, "unparsed", null);
    expectReading("印发后500个月内", published, "unparsed", null);
  });

  it("a multi with a relative part and no base keeps the other dates and needs a base", () => {
    const result = parseDeadline("印发之日起30日内，且不晚于2017年12月底", ctx);
    expect(result).toMatchObject({ kind: "multi", due: "2017-12-31", needsBase: true });
    const based = parseDeadline("印发之日起30日内，且不晚于2017年12月底", published);
    expect(based).toMatchObject({ kind: "multi", due: "2017-06-09", needsBase: false });
  });
});

describe("the plan year", () => {
  it("fills in a year left out, and a year written earlier in the text wins", () => {
    expectReading("7月底前", { ...ctx, planYear: 2021 }, "month", "2021-07-31");
    expectReading("2018年6月底前启动，12月底前完成", { ...ctx, planYear: 2021 }, "month", "2018-12-31");
  });

  it("a two-digit year is 20xx and is never replaced by the plan year", () => {
    const plan2021 = { ...ctx, planYear: 2021 };
    expectReading("17年底", plan2021, "year", "2017-12-31");
    expectReading("17年6月底前", plan2021, "month", "2017-06-30");
    expectReading("17年上半年", plan2021, "half", "2017-06-30");
    expectReading("17年第三季度", plan2021, "quarter", "2017-09-30");
    expectReading("17年6月底前启动，12月底前完成", plan2021, "month", "2017-12-31");
    expectReading("3年底", plan2021, "unparsed", null);
    // Digits before an expression that are no year leave it alone.
    expectReading("1-6月", plan2021, "month", "2021-06-30");
    expectReading("第1批6月底前", plan2021, "month", "2021-06-30");
  });

  it("an unusable plan year leaves year-less deadlines unparsed, not wrong", () => {
    expectReading("7月底前", { ...ctx, planYear: Number.NaN }, "unparsed", null);
    expectReading("2017年7月底前", { ...ctx, planYear: Number.NaN }, "month", "2017-07-31");
    expectReading("持续推进", { ...ctx, planYear: Number.NaN }, "ongoing", null);
  });
});

describe("cells that are not text", () => {
  it("reads a date serial in a date-formatted cell and renders it as YYYY-MM-DD", () => {
    for (const numberFormat of [
      "yyyy-mm-dd",
      "yyyy/m/d",
      'yyyy"年"m"月"d"日"',
      "[$-804]yyyy年m月d日;@",
      "m/d/yy",
      "mmm-yy",
    ]) {
      expect(parseDeadline(42947, { ...ctx, numberFormat })).toEqual({
        text: "2017-07-31",
        kind: "date",
        due: "2017-07-31",
        needsBase: false,
        outsideCalendar: false,
      });
    }
    expect(parseDeadline(100, { ...ctx, numberFormat: "yyyy-mm-dd" }).due).toBe("1900-04-09");
    expect(parseDeadline(42947.75, { ...ctx, numberFormat: "yyyy-mm-dd hh:mm" }).due).toBe("2017-07-31");
  });

  it("reads a serial in a General or unknown format only in 36526..73050", () => {
    for (const numberFormat of [undefined, null, "General", "G/通用格式"]) {
      expect(parseDeadline(42947, { ...ctx, numberFormat })).toMatchObject({
        kind: "date",
        due: "2017-07-31",
        text: "2017-07-31",
      });
    }
    expect(parseDeadline(36526, ctx).due).toBe("2000-01-01");
    expect(parseDeadline(73050, ctx).due).toBe("2099-12-31");
    expect(parseDeadline(36525, ctx)).toMatchObject({ kind: "unparsed", text: "36525" });
    expect(parseDeadline(73051, ctx)).toMatchObject({ kind: "unparsed", text: "73051" });
  });

  it("does not read a serial in a non-date format (the cell shows a number)", () => {
    expect(parseDeadline(42947, { ...ctx, numberFormat: "0" })).toMatchObject({ kind: "unparsed", text: "42947" });
    expect(parseDeadline(42947, { ...ctx, numberFormat: "h:mm" })).toMatchObject({ kind: "unparsed" });
    expect(parseDeadline(42947, { ...ctx, numberFormat: "0.00E+00" })).toMatchObject({ kind: "unparsed" });
  });

  it("reads the number as Excel shows it otherwise: 20171215, 2018, 12.15", () => {
    expect(parseDeadline(20171215, ctx)).toMatchObject({ kind: "date", due: "2017-12-15", text: "20171215" });
    expect(parseDeadline(20171215, { ...ctx, numberFormat: "0" })).toMatchObject({ kind: "date", due: "2017-12-15" });
    expect(parseDeadline(2018, ctx)).toMatchObject({ kind: "year", due: "2018-12-31" });
    expect(parseDeadline(12.15, ctx)).toMatchObject({ kind: "date", due: "2017-12-15" });
  });

  it("serial 60 (Excel's 1900-02-29) and impossible numbers are unparsed", () => {
    expect(parseDeadline(60, { ...ctx, numberFormat: "yyyy-mm-dd" })).toMatchObject({ kind: "unparsed", due: null });
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, -42947, 1e21]) {
      expect(parseDeadline(value, ctx)).toMatchObject({ kind: "unparsed", due: null });
    }
  });

  it("empty cells are none; booleans are unparsed", () => {
    expect(parseDeadline(null, ctx)).toEqual({
      text: "",
      kind: "none",
      due: null,
      needsBase: false,
      outsideCalendar: false,
    });
    expect(parseDeadline(true, ctx)).toMatchObject({ kind: "unparsed", text: "TRUE" });
    expect(parseDeadline(false, ctx)).toMatchObject({ kind: "unparsed", text: "FALSE" });
  });

  it("keeps the text as written (trimmed), not the canonical form", () => {
    expect(parseDeadline("  2017年７月底前 ", ctx).text).toBe("2017年７月底前");
    expect(parseDeadline("本通知公佈後30個工作日內", published).text).toBe("本通知公佈後30個工作日內");
  });

  it("does not read very long texts", () => {
    const long = `2017年12月底前${"完成".repeat(300)}`;
    expect(parseDeadline(long, ctx)).toMatchObject({ kind: "unparsed", text: long });
  });
});

describe("traditional characters", () => {
  const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
  const chineseRows = [
    ...DATE_ROWS,
    ...MONTH_ROWS,
    ...PART_ROWS,
    ...QUARTER_ROWS,
    ...HALF_ROWS,
    ...YEAR_ROWS,
    ...RECURRING_ROWS,
    ...ONGOING_ROWS,
    ...MULTI_ROWS,
    ...STAGED_ROWS,
    ...COMBINATION_ROWS,
  ].filter(([input]) => /[\u4e00-\u9fff]/.test(input));

  it("has rows whose traditional form differs (the test is not vacuous)", () => {
    const changed = chineseRows.filter(([input]) => toTraditional(input) !== input);
    expect(changed.length).toBeGreaterThan(15);
  });

  it.each(chineseRows)("%s in traditional characters reads the same", (input, kind, due) => {
    expectReading(toTraditional(input), ctx, kind, due);
  });

  it.each(RELATIVE_ROWS.filter(([input]) => /[\u4e00-\u9fff]/.test(input)))(
    "%s in traditional characters reads the same",
    (input, kind, due) => expectReading(toTraditional(input), published, kind, due),
  );

  it("reads the traditional county ledger sample's deadlines", () => {
    const ledger = { ...ctx, planYear: 2021 };
    expectReading("2021年3月底前", ledger, "month", "2021-03-31");
    expectReading("每月", ledger, "recurring", null);
    expectReading("上半年", ledger, "half", "2021-06-30");
    expectReading("二季度末", ledger, "quarter", "2021-06-30");
    expectReading("2021年7月10日", ledger, "date", "2021-07-10");
    expectReading("長期堅持", ledger, "ongoing", null);
  });
});

describe("results are independent copies", () => {
  it("mutating a result does not change the next one (the cache hands out copies)", () => {
    const first = parseDeadline("2017年7月底前", ctx);
    first.due = "1999-01-01";
    first.kind = "none";
    expect(parseDeadline("2017年7月底前", ctx)).toMatchObject({ kind: "month", due: "2017-07-31" });
  });

  it("the same text reads differently for another plan year or publication date", () => {
    expect(parseDeadline("7月底前", ctx).due).toBe("2017-07-31");
    expect(parseDeadline("7月底前", { ...ctx, planYear: 2019 }).due).toBe("2019-07-31");
    expect(parseDeadline("印发之日起15日内", { ...ctx, published: "2018-01-01" }).due).toBe("2018-01-16");
    expect(parseDeadline("印发之日起15日内", published).due).toBe("2017-05-25");
  });
});

describe("staged deadlines keep their earlier stages as milestones", () => {
  it("lists each earlier stage with its own due date, in the order written", () => {
    const staged = parseDeadline("2024年3月底前摸底，6月底前启动，年底前全面完成", { ...ctx, planYear: 2024 });
    expect(staged).toMatchObject({ kind: "year", due: "2024-12-31" });
    expect(staged.milestones).toEqual([
      { text: "2024年3月底前摸底", due: "2024-03-31" },
      { text: "6月底前启动", due: "2024-06-30" },
    ]);
  });

  it("has no milestones for one target, per-unit alternatives, or a completion before the other stages", () => {
    expect(parseDeadline("2017年底前完成", ctx).milestones ?? []).toEqual([]);
    expect(parseDeadline("7月底前（省直部门）、9月底前（州市）", ctx).milestones ?? []).toEqual([]);
    expect(parseDeadline("2017年底前完成试点；2018年6月底前全面推开", ctx).milestones ?? []).toEqual([]);
  });
});
