import { UsageError, environmentLanguage, parseCommand } from "../../src/cli/args";
import { isIsoDate } from "../../src/core/dates";

const usage = (argv: string[]) => {
  try {
    parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return [error.key, error.params];
    throw error;
  }
  throw new Error("no usage error");
};

describe("parseCommand", () => {
  it("reads a full check command", () => {
    expect(
      parseCommand([
        "check",
        "a.xlsx",
        "--sheet",
        "分工方案",
        "--as-of",
        "2017-08-15",
        "--published=2017-05-10",
        "--due-soon",
        "10",
        "--lang",
        "en-US",
        "--json",
        "--out",
        "b.xlsx",
      ]),
    ).toEqual({
      kind: "check",
      files: ["a.xlsx"],
      sheet: "分工方案",
      asOf: "2017-08-15",
      published: "2017-05-10",
      dueSoonDays: 10,
      language: "en-US",
      json: true,
      out: "b.xlsx",
    });
  });

  it("reads --overwrite and --holidays", () => {
    expect(
      parseCommand([
        "check",
        "2027年分工方案.xlsx",
        "--out",
        "标注.xlsx",
        "--overwrite",
        "--holidays",
        "2027节假日.csv",
      ]),
    ).toEqual({
      kind: "check",
      files: ["2027年分工方案.xlsx"],
      json: false,
      out: "标注.xlsx",
      overwrite: true,
      holidays: "2027节假日.csv",
    });
  });

  it("takes several files and help/version anywhere", () => {
    expect(parseCommand(["check", "a.xlsx", "b.csv"])).toEqual({
      kind: "check",
      files: ["a.xlsx", "b.csv"],
      json: false,
    });
    expect(parseCommand(["--help"])).toEqual({ kind: "help" });
    expect(parseCommand(["check", "-h"])).toEqual({ kind: "help" });
    expect(parseCommand(["-v"])).toEqual({ kind: "version" });
  });

  it("names what is wrong", () => {
    expect(usage([])).toEqual(["usage.no-command", {}]);
    expect(usage(["lint", "a.xlsx"])).toEqual(["usage.unknown-command", { command: "lint" }]);
    expect(usage(["check"])).toEqual(["usage.no-files", {}]);
    expect(usage(["check", "a.xlsx", "--frobnicate"])).toEqual(["usage.unknown-option", { option: "--frobnicate" }]);
    expect(usage(["check", "a.xlsx", "--sheet"])).toEqual(["usage.missing-value", { option: "--sheet" }]);
    expect(usage(["check", "a.xlsx", "--json=yes"])).toEqual(["usage.no-value", { option: "--json" }]);
    expect(usage(["check", "a.xlsx", "--as-of", "2017-02-30"])).toEqual([
      "usage.bad-date",
      { option: "--as-of", value: "2017-02-30" },
    ]);
    expect(usage(["check", "a.xlsx", "--published", "5/10/2017"])).toEqual([
      "usage.bad-date",
      { option: "--published", value: "5/10/2017" },
    ]);
    expect(usage(["check", "a.xlsx", "--due-soon=-1"])).toEqual(["usage.negative-days", { value: "-1" }]);
    // A negative number after the option is its (wrong) value, not an option of its own.
    expect(usage(["check", "a.xlsx", "--due-soon", "-3"])).toEqual(["usage.negative-days", { value: "-3" }]);
    // notes and merge read the shared options the same way (one parser for each).
    expect(usage(["notes", "a.xlsx", "--due-soon", "-3"])).toEqual(["usage.negative-days", { value: "-3" }]);
    expect(usage(["notes", "a.xlsx", "--feedback", "8月25日"])).toEqual([
      "usage.bad-date",
      { option: "--feedback", value: "8月25日" },
    ]);
    expect(usage(["merge", "a.xlsx", "b.xlsx", "--out", "c.xlsx", "--lang", "fr"])).toEqual([
      "usage.bad-lang",
      { value: "fr" },
    ]);
    expect(usage(["check", "a.xlsx", "--holidays", " "])).toEqual(["usage.missing-value", { option: "--holidays" }]);
    expect(usage(["check", "a.xlsx", "--due-soon", "1.5"])).toEqual(["usage.bad-days", { value: "1.5" }]);
    expect(usage(["check", "a.xlsx", "--lang", "fr"])).toEqual(["usage.bad-lang", { value: "fr" }]);
    expect(usage(["check", "a.xlsx", "b.xlsx", "--out", "c.xlsx"])).toEqual(["usage.out-several", {}]);
    expect(usage(["check", "a.xlsx", "--out", "c.csv"])).toEqual(["usage.out-not-xlsx", { value: "c.csv" }]);
    expect(usage(["check", "a.xlsx", "b.xlsx", "--sheet", "s"])).toEqual(["usage.sheet-several", {}]);
  });
});

describe("isIsoDate", () => {
  it("accepts real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2017-8-15")).toBe(false);
  });
});

describe("environmentLanguage", () => {
  it("prefers --lang, then the locale, then Chinese", () => {
    expect(environmentLanguage(["check", "--lang", "en-US"], { LANG: "zh_CN.UTF-8" })).toBe("en-US");
    expect(environmentLanguage(["check", "--lang=zh-CN"], { LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(environmentLanguage([], { LANG: "zh_TW.UTF-8" })).toBe("zh-CN");
    expect(environmentLanguage([], { LANG: "en_GB.UTF-8" })).toBe("en-US");
    expect(environmentLanguage([], { LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en-US");
    expect(environmentLanguage([], { LANG: "C.UTF-8" })).toBe("zh-CN");
    expect(environmentLanguage([], {})).toBe("zh-CN");
  });
});
