import { isIsoDate } from "../../src/core/dates";
import { checkOptions, fromForm, toForm, todayIso, validateForm } from "../../src/taskpane/model/settings";
import { sanitizeSettings } from "../../src/app/settings";
import { browserSettingsStorage } from "../../src/taskpane/settingsStorage";
import { SETTINGS_KEY } from "../../src/app/port";

describe("settings form", () => {
  it("round-trips saved settings through the form", () => {
    const saved = {
      published: "2017-05-10",
      dueSoonDays: 10,
      planSheet: "附件",
      columns: { lead: "D", deadline: "F" },
      language: "en-US" as const,
      feedbackDate: "2017-08-25",
      assessment: { lead: 3, perOverdueDay: 0.25 },
    };
    expect(fromForm(toForm(saved))).toEqual(saved);
  });

  it("turns empty fields into unset settings and upper-cases column letters", () => {
    const form = toForm({});
    form.columns.lead = " d ";
    expect(fromForm(form)).toEqual({
      published: null,
      dueSoonDays: null,
      planSheet: null,
      columns: { lead: "D" },
      language: null,
      feedbackDate: null,
      assessment: null,
    });
  });

  it("rejects a bad feedback date and weights that are not numbers from 0 to 1000", () => {
    const form = toForm({});
    form.feedbackDate = "2017-13-01";
    form.weights.lead = "两";
    form.weights.doneLate = "-5";
    form.weights.overdue = "1001";
    form.weights.open = "55.5";
    expect(validateForm(form)).toEqual({
      "feedbackDate": "settings.invalidDate",
      "weight.lead": "settings.invalidWeight",
      "weight.doneLate": "settings.invalidWeight",
      "weight.overdue": "settings.invalidWeight",
    });
  });

  it("rejects impossible dates, bad day counts and bad column letters", () => {
    const form = toForm({});
    form.published = "2017-02-30";
    form.dueSoonDays = "-3";
    form.columns.lead = "C1";
    form.columns.status = "XFE";
    form.columns.deadline = "xfd";
    expect(validateForm(form)).toEqual({
      "published": "settings.invalidDate",
      "dueSoonDays": "settings.invalidDays",
      "column.lead": "settings.invalidColumn",
      "column.status": "settings.invalidColumn",
    });
    expect(validateForm(toForm({ dueSoonDays: 365, published: "2024-02-29" }))).toEqual({});
  });

  it("checks ISO dates strictly", () => {
    expect(isIsoDate("2017-08-15")).toBe(true);
    expect(isIsoDate("2017-8-15")).toBe(false);
    expect(isIsoDate("2023-02-29")).toBe(false);
  });
});

describe("checkOptions", () => {
  it("passes set settings, the as-of date and the pane's language", () => {
    expect(
      checkOptions(
        { published: "2017-05-10", dueSoonDays: 0, planSheet: "附件1", columns: { lead: "C" } },
        "2017-08-15",
        "en-US",
      ),
    ).toEqual({
      asOf: "2017-08-15",
      language: "en-US",
      published: "2017-05-10",
      dueSoonDays: 0,
      sheet: "附件1",
      columns: { lead: "C" },
    });
  });

  it("leaves unset settings undefined so the workbook's own settings still apply, and a saved language wins", () => {
    const options = checkOptions({ published: null, dueSoonDays: null, language: "zh-CN" }, "2017-08-15", "en-US");
    expect(options).toEqual({ asOf: "2017-08-15", language: "zh-CN" });
    expect("published" in options).toBe(false);
  });

  it("gives today's local date", () => {
    expect(todayIso(new Date(2017, 7, 5, 23, 59))).toBe("2017-08-05");
  });
});

describe("standalone settings storage", () => {
  it("keeps well-formed fields only", () => {
    expect(
      sanitizeSettings({
        published: "2017-13-01",
        dueSoonDays: 7.5,
        planSheet: "",
        language: "fr",
        columns: { lead: "c", task: "=A1", evil: "B" },
      }),
    ).toEqual({ columns: { lead: "C" } });
    expect(sanitizeSettings("nonsense")).toEqual({});
    expect(sanitizeSettings(null)).toEqual({});
  });

  it("saves to and loads from localStorage, surviving damaged JSON", () => {
    localStorage.clear();
    const storage = browserSettingsStorage(localStorage);
    storage.save({ published: "2017-05-10", dueSoonDays: 5 });
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? "{}")).toEqual({ published: "2017-05-10", dueSoonDays: 5 });
    expect(browserSettingsStorage(localStorage).load()).toEqual({ published: "2017-05-10", dueSoonDays: 5 });
    localStorage.setItem(SETTINGS_KEY, "{broken");
    expect(browserSettingsStorage(localStorage).load()).toEqual({});
  });

  it("keeps settings in memory when there is no storage", () => {
    const storage = browserSettingsStorage(null);
    storage.save({ dueSoonDays: 3 });
    expect(storage.load()).toEqual({ dueSoonDays: 3 });
  });
});
