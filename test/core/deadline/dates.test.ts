import fc from "fast-check";
import {
  addDays,
  addMonths,
  dayNumberToIso,
  diffDays,
  endOfMonth,
  excelSerialToIso,
  isIsoDate,
  isoToDayNumber,
  isoToExcelSerial,
  isValidDate,
  lastDayOfMonth,
  makeIsoDate,
  parseIsoDate,
  todayIso,
  weekday,
} from "../../../src/core/dates";

/** Reference day number from the engine's UTC arithmetic (independent of the process time zone). */
function utcDayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / 86400000);
}

const civil = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ year, month, day }) => day <= lastDayOfMonth(year, month));

describe("ISO dates and day numbers", () => {
  it("counts days from 1970-01-01", () => {
    expect(isoToDayNumber("1970-01-01")).toBe(0);
    expect(isoToDayNumber("1969-12-31")).toBe(-1);
    expect(isoToDayNumber("2017-05-10")).toBe(17296);
    expect(dayNumberToIso(17296)).toBe("2017-05-10");
  });

  it("agrees with UTC calendar arithmetic and round-trips on every valid day of years 1..9999", () => {
    fc.assert(
      fc.property(civil, ({ year, month, day }) => {
        const iso = makeIsoDate(year, month, day);
        expect(iso).not.toBeNull();
        const n = isoToDayNumber(iso as string);
        expect(n).toBe(utcDayNumber(year, month, day));
        expect(dayNumberToIso(n)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts only strict, real YYYY-MM-DD dates", () => {
    expect(isIsoDate("2016-02-29")).toBe(true);
    expect(isIsoDate("2017-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2017-1-1")).toBe(false);
    expect(isIsoDate("2017-13-01")).toBe(false);
    expect(isIsoDate(" 2017-01-01")).toBe(false);
    expect(isIsoDate(20170101)).toBe(false);
    expect(parseIsoDate("2017-06-30")).toEqual({ year: 2017, month: 6, day: 30 });
    expect(parseIsoDate("2017-06-31")).toBeNull();
    expect(isValidDate(2017, 6, 30.5)).toBe(false);
    expect(isValidDate(10000, 1, 1)).toBe(false);
  });

  it("throws a RangeError naming a malformed date, never returns garbage", () => {
    expect(() => isoToDayNumber("2017-02-30")).toThrow(RangeError);
    expect(() => addDays("not a date", 1)).toThrow(/not a date/);
    expect(() => addDays("2017-01-01", 0.5)).toThrow(RangeError);
    expect(() => dayNumberToIso(Number.NaN)).toThrow(RangeError);
    expect(() => addDays("9999-12-31", 1)).toThrow(RangeError);
  });
});

describe("date arithmetic", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2017-05-10", 15)).toBe("2017-05-25");
    expect(addDays("2017-12-31", 1)).toBe("2018-01-01");
    expect(addDays("2016-02-28", 1)).toBe("2016-02-29");
    expect(addDays("2017-02-28", 1)).toBe("2017-03-01");
    expect(addDays("2017-03-01", -1)).toBe("2017-02-28");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("1900-02-28", 1)).toBe("1900-03-01");
  });

  it("diffDays is a − b", () => {
    expect(diffDays("2017-07-02", "2017-06-30")).toBe(2);
    expect(diffDays("2017-06-30", "2017-07-02")).toBe(-2);
    expect(diffDays("2018-01-01", "2017-01-01")).toBe(365);
    expect(diffDays("2017-01-01", "2016-01-01")).toBe(366);
  });

  it("addDays and diffDays are inverse", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), fc.integer({ min: -100000, max: 100000 }), (start, n) => {
        const iso = dayNumberToIso(start);
        expect(diffDays(addDays(iso, n), iso)).toBe(n);
      }),
    );
  });

  it("adds months to the same day, clamped to the month's last day", () => {
    expect(addMonths("2017-05-10", 1)).toBe("2017-06-10");
    expect(addMonths("2017-01-31", 1)).toBe("2017-02-28");
    expect(addMonths("2016-01-31", 1)).toBe("2016-02-29");
    expect(addMonths("2017-08-31", 1)).toBe("2017-09-30");
    expect(addMonths("2017-11-15", 2)).toBe("2018-01-15");
    expect(addMonths("2017-03-31", -1)).toBe("2017-02-28");
    expect(addMonths("2017-05-10", -17)).toBe("2015-12-10");
    expect(addMonths("2017-05-10", 12)).toBe("2018-05-10");
  });

  it("knows each month's last day", () => {
    expect(lastDayOfMonth(2017, 2)).toBe(28);
    expect(lastDayOfMonth(2016, 2)).toBe(29);
    expect(lastDayOfMonth(1900, 2)).toBe(28);
    expect(lastDayOfMonth(2000, 2)).toBe(29);
    expect(lastDayOfMonth(2017, 4)).toBe(30);
    expect(lastDayOfMonth(2017, 12)).toBe(31);
    expect(endOfMonth(2017, 9)).toBe("2017-09-30");
    expect(() => lastDayOfMonth(2017, 13)).toThrow(RangeError);
  });

  it("computes weekdays arithmetically", () => {
    expect(weekday("1970-01-01")).toBe(4); // Thursday
    expect(weekday("2017-05-27")).toBe(6); // Saturday
    expect(weekday("2017-05-28")).toBe(0); // Sunday
    expect(weekday("1969-12-28")).toBe(0);
    fc.assert(
      fc.property(civil, ({ year, month, day }) => {
        const date = new Date(0);
        date.setUTCFullYear(year, month - 1, day);
        expect(weekday(makeIsoDate(year, month, day) as string)).toBe(date.getUTCDay());
      }),
    );
  });
});

describe("Excel serials (1900 date system)", () => {
  it("reads the 1900 quirks: serial 60 is the fictitious 1900-02-29", () => {
    expect(excelSerialToIso(1)).toBe("1900-01-01");
    expect(excelSerialToIso(59)).toBe("1900-02-28");
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe("1900-03-01");
    expect(isoToExcelSerial("1900-01-01")).toBe(1);
    expect(isoToExcelSerial("1900-02-28")).toBe(59);
    expect(isoToExcelSerial("1900-03-01")).toBe(61);
  });

  it("reads modern serials and gives a fractional serial its day", () => {
    expect(excelSerialToIso(42947)).toBe("2017-07-31");
    expect(excelSerialToIso(42947.999)).toBe("2017-07-31");
    expect(excelSerialToIso(36526)).toBe("2000-01-01");
    expect(excelSerialToIso(2958465)).toBe("9999-12-31");
    expect(isoToExcelSerial("2017-07-31")).toBe(42947);
  });

  it("answers null for anything that is no day", () => {
    for (const bad of [0, 0.5, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(excelSerialToIso(bad)).toBeNull();
    }
    expect(() => isoToExcelSerial("1899-12-31")).toThrow(RangeError);
  });

  it("round-trips every serial except 60", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }).filter((s) => s !== 60),
        (serial) => {
          const iso = excelSerialToIso(serial);
          expect(iso).not.toBeNull();
          expect(isoToExcelSerial(iso as string)).toBe(serial);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("todayIso", () => {
  it("is the local calendar date of the given moment", () => {
    expect(todayIso(new Date(2017, 4, 27, 0, 0, 1))).toBe("2017-05-27");
    expect(todayIso(new Date(2017, 4, 27, 23, 59, 59))).toBe("2017-05-27");
    expect(todayIso(new Date(2016, 1, 29, 12))).toBe("2016-02-29");
  });

  it("defaults to now and rejects an invalid Date", () => {
    expect(isIsoDate(todayIso())).toBe(true);
    expect(() => todayIso(new Date(Number.NaN))).toThrow(RangeError);
  });
});
