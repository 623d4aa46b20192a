import { isIsoDate } from "../../src/core/dates";
import { checkOptions, fromForm, toForm, todayIso, validateForm } from "../../src/taskpane/model/settings";
import { sanitizeSettings } from "../../src/app/settings";
import { browserSettingsStorage, storageKey, workbookKey } from "../../src/taskpane/settingsStorage";
import { SETTINGS_KEY } from "../../src/app/port";
import { findingText } from "../../src/core/i18n/findings";
import { paneText } from "../../src/taskpane/i18n";

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

  it("accepts the publication date as people type it and saves it as an ISO date", () => {
    for (const typed of [
      "2017-08-15",
      "2017-8-15",
      "2017/8/15",
      "2017.8.15",
      "2017年8月15日",
      " ２０１７年８月１５日 ",
    ]) {
      const form = toForm({});
      form.published = typed;
      expect(validateForm(form)).toEqual({});
      expect(fromForm(form).published).toBe("2017-08-15");
      expect(sanitizeSettings({ published: typed }).published).toBe("2017-08-15");
    }
    for (const wrong of ["2017/2/30", "2017年13月1日", "17/8/15", "8/15/2017", "2017年8月"]) {
      const form = toForm({});
      form.published = wrong;
      expect(validateForm(form)).toEqual({ published: "settings.invalidDate" });
      expect(sanitizeSettings({ published: wrong }).published).toBeUndefined();
    }
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

  it("saves to and loads from localStorage per workbook, surviving damaged JSON", () => {
    localStorage.clear();
    const storage = browserSettingsStorage(localStorage);
    const yunnan = workbookKey({ name: "云南省政务公开分工方案.xlsx", size: 48213 });
    storage.save(yunnan, { published: "2017-05-10", dueSoonDays: 5 });
    expect(JSON.parse(localStorage.getItem(storageKey(yunnan)) ?? "{}")).toEqual({
      published: "2017-05-10",
      dueSoonDays: 5,
    });
    expect(browserSettingsStorage(localStorage).load(yunnan)).toEqual({ published: "2017-05-10", dueSoonDays: 5 });
    // Another plan, or the same name with other content (another size), starts from nothing.
    expect(
      browserSettingsStorage(localStorage).load(workbookKey({ name: "杭州市分工方案.xlsx", size: 48213 })),
    ).toEqual({});
    expect(
      browserSettingsStorage(localStorage).load(workbookKey({ name: "云南省政务公开分工方案.xlsx", size: 50110 })),
    ).toEqual({});
    localStorage.setItem(storageKey(yunnan), "{broken");
    expect(browserSettingsStorage(localStorage).load(yunnan)).toEqual({});
    // The old browser-wide entry is never read as a workbook's settings.
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ published: "2016-01-01" }));
    expect(browserSettingsStorage(localStorage).load(workbookKey({ name: "新方案.xlsx", size: 1 }))).toEqual({});
  });

  it("keeps settings in memory when there is no storage, still per workbook", () => {
    const storage = browserSettingsStorage(null);
    storage.save("a.xlsx|10", { dueSoonDays: 3 });
    expect(storage.load("a.xlsx|10")).toEqual({ dueSoonDays: 3 });
    expect(storage.load("b.xlsx|10")).toEqual({});
    storage.save(null, { dueSoonDays: 9 });
    expect(storage.load(null)).toEqual({ dueSoonDays: 9 });
  });
});

describe("findings name settings by their labels", () => {
  it("deadline.needs-base names the field as the Settings tab labels it", () => {
    for (const language of ["zh-CN", "en-US"] as const) {
      const message = findingText(language, "deadline.needs-base", {
        row: 12,
        cell: "E12",
        text: "本通知印发后30个工作日内",
      });
      expect(message).toContain(paneText(language, "settings.published"));
      expect(message).toContain(paneText(language, "tab.settings"));
    }
  });
});
