import { isWorkday as packageIsWorkday } from "chinese-days";
import fc from "fast-check";
import {
  createCalendar,
  invalidAdjustments,
  MAX_WORKDAYS,
  officialCalendarKnowsYear,
  officialCalendarYears,
} from "../../../src/core/calendar";
import { addDays, dayNumberToIso, diffDays, isoToDayNumber, weekday } from "../../../src/core/dates";

const calendar = createCalendar();

describe("official Chinese working days", () => {
  it("30 working days after 2017-05-10 is 2017-06-22 (Dragon Boat holiday on the way)", () => {
    expect(calendar.addWorkdays("2017-05-10", 30)).toEqual({ date: "2017-06-22", outsideKnownYears: false });
  });

  it("30 working days after 2017-04-14 is 2017-05-27, an adjusted working Saturday", () => {
    expect(calendar.addWorkdays("2017-04-14", 30)).toEqual({ date: "2017-05-27", outsideKnownYears: false });
    expect(weekday("2017-05-27")).toBe(6);
  });

  it("knows holidays and adjusted working weekends", () => {
    expect(calendar.isWorkday("2017-05-27")).toBe(true); // Saturday, worked for 端午
    expect(calendar.isWorkday("2017-05-29")).toBe(false); // Monday, 端午 holiday
    expect(calendar.isWorkday("2017-05-30")).toBe(false); // 端午
    expect(calendar.isWorkday("2017-04-01")).toBe(true); // Saturday, worked for 清明
    expect(calendar.isWorkday("2017-09-30")).toBe(true); // Saturday, worked for 国庆
    for (let day = 1; day <= 8; day++) expect(calendar.isWorkday(`2017-10-0${day}`)).toBe(false);
    expect(calendar.isWorkday("2017-10-09")).toBe(true);
    expect(calendar.isWorkday("2017-06-03")).toBe(false); // an ordinary Saturday
    expect(calendar.isWorkday("2017-06-05")).toBe(true); // an ordinary Monday
    expect(calendar.isWorkday("2026-02-14")).toBe(true); // Saturday, worked for 2026 春节
    expect(calendar.isWorkday("2026-02-16")).toBe(false);
  });

  it("knows 2004–2026 and no other year", () => {
    expect(officialCalendarYears()).toEqual({ first: 2004, last: 2026 });
    for (let year = 2004; year <= 2026; year++) expect(calendar.knowsYear(year)).toBe(true);
    expect(calendar.knowsYear(2003)).toBe(false);
    expect(calendar.knowsYear(2027)).toBe(false);
    expect(officialCalendarKnowsYear(2027)).toBe(false);
  });

  it("n = 0 is the base itself; a negative n counts back", () => {
    expect(calendar.addWorkdays("2017-05-27", 0).date).toBe("2017-05-27");
    expect(calendar.addWorkdays("2017-06-22", -30).date).toBe("2017-05-10");
    expect(calendar.addWorkdays("2017-10-09", -1).date).toBe("2017-09-30");
  });

  it("refuses a non-integer or absurd number of working days with a RangeError", () => {
    expect(() => calendar.addWorkdays("2017-05-10", 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkdays("2017-05-10", MAX_WORKDAYS + 1)).toThrow(RangeError);
    expect(() => calendar.addWorkdays("2017-02-30", 1)).toThrow(RangeError);
  });

  it("lands on a working day with exactly n working days after the base", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: isoToDayNumber("2004-01-01"), max: isoToDayNumber("2026-10-01") }),
        fc.integer({ min: 1, max: 60 }),
        (start, n) => {
          const base = dayNumberToIso(start);
          const { date, outsideKnownYears } = calendar.addWorkdays(base, n);
          expect(calendar.isWorkday(date)).toBe(true);
          let count = 0;
          for (let d = 1; d <= diffDays(date, base); d++) if (calendar.isWorkday(addDays(base, d))) count++;
          expect(count).toBe(n);
          expect(outsideKnownYears).toBe(date > "2026-12-31");
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("outside the official years", () => {
  it("falls back to Monday–Friday and says so", () => {
    expect(calendar.isWorkday("2027-01-01")).toBe(true); // a Friday: New Year's Day unknown to the data
    expect(calendar.isWorkday("2027-01-02")).toBe(false);
    const result = calendar.addWorkdays("2026-12-28", 10);
    expect(result.outsideKnownYears).toBe(true);
    expect(result.date).toBe("2027-01-11");
    expect(calendar.addWorkdays("2026-12-01", 5).outsideKnownYears).toBe(false);
    expect(calendar.addWorkdays("2004-01-10", -10).outsideKnownYears).toBe(true);
  });
});

describe("adjustments", () => {
  it("extra holidays and working days win over the official calendar and the weekday rule", () => {
    const adjusted = createCalendar({
      holidays: ["2027-01-01", "2017-06-05"],
      workdays: ["2027-01-02", "2017-10-02"],
    });
    expect(adjusted.isWorkday("2027-01-01")).toBe(false);
    expect(adjusted.isWorkday("2027-01-02")).toBe(true);
    expect(adjusted.isWorkday("2017-06-05")).toBe(false);
    expect(adjusted.isWorkday("2017-10-02")).toBe(true);
    expect(adjusted.addWorkdays("2026-12-31", 1).date).toBe("2027-01-02");
    // The unadjusted calendar is not affected.
    expect(calendar.isWorkday("2027-01-01")).toBe(true);
  });

  it("a year the user gave adjustments for counts as known", () => {
    const adjusted = createCalendar({ holidays: ["2027-01-01"] });
    expect(adjusted.knowsYear(2027)).toBe(true);
    expect(adjusted.addWorkdays("2026-12-28", 10)).toEqual({ date: "2027-01-12", outsideKnownYears: false });
    expect(adjusted.addWorkdays("2027-12-28", 10).outsideKnownYears).toBe(true); // 2028 is still unknown
  });

  it("a date in both lists is a holiday", () => {
    expect(createCalendar({ holidays: ["2017-06-05"], workdays: ["2017-06-05"] }).isWorkday("2017-06-05")).toBe(false);
  });

  it("ignores invalid entries and lists them", () => {
    const adjustments = { holidays: ["2027-02-30", "2027-01-01"], workdays: ["next friday"] };
    expect(invalidAdjustments(adjustments)).toEqual(["2027-02-30", "next friday"]);
    expect(invalidAdjustments(undefined)).toEqual([]);
    const adjusted = createCalendar(adjustments);
    expect(adjusted.isWorkday("2027-01-01")).toBe(false);
    expect(adjusted.isWorkday("2027-03-01")).toBe(true);
    // Not even a list: ignored, no crash.
    expect(() => createCalendar({ holidays: "2027-01-01" as unknown as string[] })).not.toThrow();
  });
});

// chinese-days computes its own tables with local-time Date arithmetic, which is only right at or
// east of UTC; there, its answers must equal ours on every day it knows. (West of UTC the package is
// wrong — the reason we read its data file instead — so the comparison would prove nothing.)
const eastOfUtc = new Date(2017, 0, 1).getTimezoneOffset() <= 0 && new Date(2017, 6, 1).getTimezoneOffset() <= 0;
(eastOfUtc ? it : it.skip)("agrees with chinese-days' own isWorkday on every day of 2004–2026", () => {
  let disagreements = 0;
  for (let n = isoToDayNumber("2004-01-01"); n <= isoToDayNumber("2026-12-31"); n++) {
    const iso = dayNumberToIso(n);
    if (calendar.isWorkday(iso) !== packageIsWorkday(iso)) disagreements++;
  }
  expect(disagreements).toBe(0);
});
