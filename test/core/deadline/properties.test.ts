import fc from "fast-check";
import { createCalendar } from "../../../src/core/calendar";
import { isIsoDate, isoToExcelSerial, makeIsoDate } from "../../../src/core/dates";
import { parseDeadline, type DeadlineContext } from "../../../src/core/deadline";
import { normalizeDeadlineText } from "../../../src/core/deadline/normalize";
import { readCanonical } from "../../../src/core/deadline/resolve";
import type { CellValue, DeadlineKind } from "../../../src/core/types";

const calendar = createCalendar({ holidays: ["2027-01-01"] });
const ctx: DeadlineContext = { planYear: 2017, published: "2017-05-10", calendar };

const KINDS: readonly DeadlineKind[] = [
  "date",
  "month",
  "part-of-month",
  "quarter",
  "half",
  "year",
  "relative",
  "recurring",
  "ongoing",
  "multi",
  "none",
  "unparsed",
];

/** Texts built from the grammar's own vocabulary: far more likely to reach deep paths than noise. */
const vocabulary = fc.constantFrom(
  "2017",
  "年",
  "月",
  "日",
  "号",
  "底",
  "前",
  "末",
  "上旬",
  "下旬",
  "季度",
  "第",
  "半年",
  "上",
  "下",
  "全年",
  "年内",
  "个工作日",
  "个月",
  "天",
  "内",
  "起",
  "后",
  "至",
  "-",
  "—",
  ".",
  "/",
  "、",
  "，",
  "；",
  "（",
  "）",
  "每",
  "持续推进",
  "长期",
  "定期",
  "二〇一七",
  "十二",
  "三十",
  "一百",
  "〇",
  "q3",
  "h1",
  " ",
  "end of ",
  "july ",
  "by ",
  "working days",
  "12",
  "31",
  "0",
  "99999",
  "２",
  "後",
  "個",
);
const grammarText = fc.array(vocabulary, { maxLength: 12 }).map((parts) => parts.join(""));

const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  grammarText,
);

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  anyText,
  fc.double(),
  fc.integer(),
  fc.integer({ min: 36000, max: 80000 }),
  fc.boolean(),
  fc.constant(null),
);

const anyContext: fc.Arbitrary<DeadlineContext> = fc.record({
  planYear: fc.oneof(fc.integer({ min: 1800, max: 2300 }), fc.constant(Number.NaN), fc.double()),
  published: fc.oneof(
    fc.constant(null),
    fc.constant("2017-05-10"),
    fc.constant("2026-12-20"),
    fc.string({ maxLength: 12 }),
  ),
  calendar: fc.constant(calendar),
  numberFormat: fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constant("General"),
    fc.constant("yyyy-mm-dd"),
    fc.constant("0.00"),
    fc.string({ maxLength: 12 }),
  ),
});

function checkShape(result: ReturnType<typeof parseDeadline>): void {
  expect(KINDS).toContain(result.kind);
  expect(typeof result.text).toBe("string");
  if (result.due !== null) expect(isIsoDate(result.due)).toBe(true);
  if (["recurring", "ongoing", "none", "unparsed"].includes(result.kind)) expect(result.due).toBeNull();
  if (result.needsBase) expect(["relative", "multi"]).toContain(result.kind);
}

describe("parseDeadline never throws", () => {
  it("on any string, in the grammar's default context", () => {
    fc.assert(
      fc.property(anyText, (text) => checkShape(parseDeadline(text, ctx))),
      { numRuns: 3000 },
    );
  });

  it("on any cell value in any context", () => {
    fc.assert(
      fc.property(anyCell, anyContext, (value, context) => checkShape(parseDeadline(value, context))),
      { numRuns: 3000 },
    );
  });

  it("without its safety net: the reader itself does not throw (parseDeadline's catch is a last resort)", () => {
    fc.assert(
      fc.property(anyText, anyContext, (text, context) => {
        const reading = readCanonical(normalizeDeadlineText(text), context);
        if (reading.due !== null) expect(isIsoDate(reading.due)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("on hostile input", () => {
    const hostile: unknown[] = [
      undefined,
      "9".repeat(10000),
      "2017年".repeat(2000),
      "年".repeat(499),
      "\u0000\uffff\ud800",
      "(".repeat(400),
      { toString: () => "2017年7月底前" },
      [],
    ];
    for (const value of hostile) checkShape(parseDeadline(value as CellValue, ctx));
    checkShape(parseDeadline("7月底前", { planYear: 2017, published: null, calendar: null as never }));
  });
});

describe("every way of writing a date reads as that date", () => {
  const plainDate = fc
    .record({
      year: fc.integer({ min: 2000, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ year, month, day }) => makeIsoDate(year, month, day) !== null);

  const DIGITS = "〇一二三四五六七八九";
  const chineseDigits = (n: number): string => [...String(n)].map((d) => DIGITS[Number(d)]).join("");
  const chineseNumber = (n: number): string =>
    n < 10 ? DIGITS[n] : `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ""}十${n % 10 === 0 ? "" : DIGITS[n % 10]}`;
  const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

  it("in all the written forms", () => {
    fc.assert(
      fc.property(plainDate, fc.integer({ min: 0, max: 8 }), ({ year, month, day }, form) => {
        const iso = makeIsoDate(year, month, day) as string;
        const mm = String(month).padStart(2, "0");
        const dd = String(day).padStart(2, "0");
        const text = [
          `${year}年${month}月${day}日前`,
          iso,
          `${year}/${month}/${day}`,
          `${year}.${mm}.${dd}`,
          `${year}${mm}${dd}`,
          fullWidth(`${year}年${month}月${day}日`),
          `${chineseDigits(year)}年${chineseNumber(month)}月${chineseNumber(day)}日`,
          `${year} 年 ${month} 月 ${day} 日之前`,
          `截至${year}年${month}月${day}日`,
        ][form];
        expect(parseDeadline(text, ctx)).toMatchObject({ kind: "date", due: iso });
      }),
      { numRuns: 1000 },
    );
  });

  it("as an Excel serial in a General cell", () => {
    fc.assert(
      fc.property(plainDate, ({ year, month, day }) => {
        const iso = makeIsoDate(year, month, day) as string;
        expect(parseDeadline(isoToExcelSerial(iso), ctx)).toMatchObject({ kind: "date", due: iso, text: iso });
      }),
    );
  });

  it("month and day alone take the plan year", () => {
    fc.assert(
      fc.property(plainDate, ({ year, month, day }) => {
        const iso = makeIsoDate(year, month, day) as string;
        expect(parseDeadline(`${month}月${day}日前`, { ...ctx, planYear: year })).toMatchObject({
          kind: "date",
          due: iso,
        });
      }),
    );
  });
});

describe("multi", () => {
  const target = fc
    .record({
      year: fc.integer({ min: 2015, max: 2030 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      form: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ year, month, day, form }) => {
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      const pad = (n: number): string => String(n).padStart(2, "0");
      return [
        { text: `${year}年${month}月${day}日前`, due: `${year}-${pad(month)}-${pad(day)}` },
        { text: `${year}年${month}月底前`, due: `${year}-${pad(month)}-${pad(last)}` },
        {
          text: `${year}年第${Math.ceil(month / 3)}季度`,
          due: `${year}-${pad(Math.ceil(month / 3) * 3)}-${pad(new Date(Date.UTC(year, Math.ceil(month / 3) * 3, 0)).getUTCDate())}`,
        },
        { text: `${year}年底前`, due: `${year}-12-31` },
      ][form];
    });
  const separator = fc.constantFrom("、", "，", "；", "。", "\n");
  const label = fc.constantFrom("", "（省直部门）", "（州市）", "启动");
  const stageLabel = fc.constantFrom("", "（省直部门）", "启动", "出台方案", "完成", "全面完成", "建成");

  it("is due on the earliest listed date, which is no later than any of them", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(target, label), { minLength: 2, maxLength: 4 }), separator, (targets, sep) => {
        const text = targets.map(([t, l]) => `${t.text}${l}`).join(sep);
        const dues = targets.map(([t]) => t.due);
        const earliest = [...dues].sort()[0];
        const result = parseDeadline(text, ctx);
        expect(result.due).toBe(earliest);
        for (const due of dues) expect((result.due as string) <= due).toBe(true);
        expect(result.kind).toBe(new Set(dues).size > 1 ? "multi" : parseDeadline(targets[0][0].text, ctx).kind);
      }),
      { numRuns: 500 },
    );
  });

  it("staged: due at the earliest completion stage when the other stages come before it; else the earliest", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(target, stageLabel), { minLength: 2, maxLength: 4 }), separator, (targets, sep) => {
        const text = targets.map(([t, l]) => `${t.text}${l}`).join(sep);
        const completes = targets.map(([, l]) => /完成|建成/.test(l));
        const finals = targets.filter((_, i) => completes[i]).map(([t]) => t.due);
        const others = targets.filter((_, i) => !completes[i]).map(([t]) => t.due);
        const result = parseDeadline(text, ctx);
        const earliestFinal = [...finals].sort()[0];
        const isStaged = finals.length > 0 && others.length > 0 && others.every((due) => due <= earliestFinal);
        if (isStaged) {
          expect(result.due).toBe(earliestFinal);
          expect((result.milestones ?? []).map((m) => m.due)).toEqual(others);
        } else {
          expect(result.due).toBe(targets.map(([t]) => t.due).sort()[0]);
          expect(result.milestones ?? []).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
