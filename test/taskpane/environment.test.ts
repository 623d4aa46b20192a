import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { detectLanguage, luminance, themeFor } from "../../src/taskpane/environment";

describe("detectLanguage", () => {
  it.each([
    ["zh-CN", null, "zh-CN"],
    ["zh-cn", "en-US", "zh-CN"],
    ["zh-Hans-CN", null, "zh-CN"],
    ["en-GB", "zh-CN", "en-US"],
    [null, "zh-TW", "zh-CN"],
    [null, "de-DE", "en-US"],
    ["", "", "zh-CN"],
    [undefined, undefined, "zh-CN"],
  ])("Office %p, browser %p -> %p", (office, browser, expected) => {
    expect(detectLanguage(office, browser)).toBe(expected);
  });
});

describe("themeFor", () => {
  it("uses the dark theme for a dark Office body background, light otherwise", () => {
    expect(themeFor({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
    expect(themeFor({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
    expect(themeFor({ bodyBackgroundColor: "not a colour" })).toBe(webLightTheme);
    expect(themeFor(null)).toBe(webLightTheme);
  });

  it("measures luminance of long and short hex colours", () => {
    expect(luminance("#000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("red")).toBeNull();
  });
});
