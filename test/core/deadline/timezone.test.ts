/**
 * Time-zone independence, without spawning processes.
 *
 * 1. Whatever TZ this process runs in (the suite is also run with TZ=UTC, Asia/Shanghai and
 *    America/Los_Angeles), the answers below are the known right ones.
 * 2. Within this process, local time is simulated at several UTC offsets by replacing Date's
 *    local-time getters: the date, calendar and deadline answers must not move, and todayIso must
 *    follow the (simulated) local calendar date.
 * 3. The date code never asks Date for anything but todayIso's local date.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createCalendar } from "../../../src/core/calendar";
import { addDays, addMonths, excelSerialToIso, todayIso, weekday } from "../../../src/core/dates";
import { parseDeadline } from "../../../src/core/deadline";

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const offsetHours = -new Date(2017, 4, 27, 12).getTimezoneOffset() / 60;

/** Answers that would shift by a day if local time leaked into the arithmetic. */
function answers(): Record<string, unknown> {
  const calendar = createCalendar(); // fresh: no cached answers from another simulated zone
  const ctx = { planYear: 2017, published: "2017-05-10", calendar };
  return {
    after0510: calendar.addWorkdays("2017-05-10", 30).date,
    after0414: calendar.addWorkdays("2017-04-14", 30).date,
    saturday0527: calendar.isWorkday("2017-05-27"),
    saturday0401: calendar.isWorkday("2017-04-01"),
    monday0529: calendar.isWorkday("2017-05-29"),
    nationalDay: calendar.isWorkday("2017-10-01"),
    weekday: weekday("2017-05-27"),
    addDays: addDays("2017-03-25", 7), // across the EU/US daylight-saving changes
    addMonths: addMonths("2017-01-31", 1),
    serial: excelSerialToIso(42947.99),
    relative: parseDeadline("本通知公布后30个工作日内", ctx).due,
    month: parseDeadline("7月底前", ctx).due,
    quarter: parseDeadline("三季度末", ctx).due,
    general: parseDeadline(42947, ctx).due,
    formatted: parseDeadline(42947, { ...ctx, numberFormat: "yyyy-mm-dd" }).due,
  };
}

const EXPECTED = {
  after0510: "2017-06-22",
  after0414: "2017-05-27",
  saturday0527: true,
  saturday0401: true,
  monday0529: false,
  nationalDay: false,
  weekday: 6,
  addDays: "2017-04-01",
  addMonths: "2017-02-28",
  serial: "2017-07-31",
  relative: "2017-06-22",
  month: "2017-07-31",
  quarter: "2017-09-30",
  general: "2017-07-31",
  formatted: "2017-07-31",
};

describe(`under the process time zone (${zone}, UTC${offsetHours >= 0 ? "+" : ""}${offsetHours})`, () => {
  it("gives the known answers", () => {
    expect(answers()).toEqual(EXPECTED);
  });
});

const LOCAL_GETTERS = [
  "getFullYear",
  "getMonth",
  "getDate",
  "getDay",
  "getHours",
  "getMinutes",
  "getSeconds",
  "getMilliseconds",
] as const;
const UTC_GETTERS = {
  getFullYear: "getUTCFullYear",
  getMonth: "getUTCMonth",
  getDate: "getUTCDate",
  getDay: "getUTCDay",
  getHours: "getUTCHours",
  getMinutes: "getUTCMinutes",
  getSeconds: "getUTCSeconds",
  getMilliseconds: "getUTCMilliseconds",
} as const;

/** Run fn while Date's local-time getters behave as in a zone at UTC+hours. */
function withSimulatedOffset<T>(hours: number, fn: () => T): T {
  const spies = LOCAL_GETTERS.map((name) =>
    jest.spyOn(Date.prototype, name).mockImplementation(function (this: Date) {
      const shifted = new Date(this.getTime() + hours * 3600000);
      return shifted[UTC_GETTERS[name]]();
    }),
  );
  spies.push(jest.spyOn(Date.prototype, "getTimezoneOffset").mockImplementation(() => -hours * 60));
  try {
    return fn();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe.each([-12, -7, -3.5, 0, 5.75, 8, 14])("with local time simulated at UTC offset %s h", (hours) => {
  it("the simulation really moves local dates (the test is not vacuous)", () => {
    const instant = new Date(Date.UTC(2017, 4, 27, 20, 0, 0));
    const local = withSimulatedOffset(hours, () => instant.getDate());
    expect(local).toBe(hours >= 4 ? 28 : 27);
  });

  it("date, calendar and deadline answers do not move", () => {
    expect(withSimulatedOffset(hours, answers)).toEqual(EXPECTED);
  });

  it("todayIso is the local calendar date", () => {
    const instant = new Date(Date.UTC(2017, 4, 27, 20, 0, 0)); // 2017-05-28 04:00 in Beijing
    expect(withSimulatedOffset(hours, () => todayIso(instant))).toBe(hours >= 4 ? "2017-05-28" : "2017-05-27");
  });
});

describe("the date code does not consult Date", () => {
  const root = join(__dirname, "../../../src/core");
  const files = [
    join(root, "dates.ts"),
    join(root, "calendar.ts"),
    ...readdirSync(join(root, "deadline")).map((name) => join(root, "deadline", name)),
  ];
  const LOCAL_TIME = /new Date\b|Date\.(now|parse|UTC)|\.get(FullYear|Month|Date|Day|Hours|TimezoneOffset)\(|toLocale/g;

  it.each(files.map((file) => [file.slice(root.length + 1), file]))("%s", (_name, file) => {
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const uses = code.match(LOCAL_TIME) ?? [];
    // Only todayIso reads the clock: its default argument and its three local-date getters.
    const allowed = file.endsWith(`${join("core", "dates.ts")}`)
      ? ["new Date", ".getFullYear(", ".getMonth(", ".getDate("]
      : [];
    expect([...uses].sort()).toEqual([...allowed].sort());
  });
});
