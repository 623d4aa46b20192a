import { normalizeLanguage } from "../../src/core/i18n/format";

describe("normalizeLanguage", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-cn", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh_CN.UTF-8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US", "en-US"],
    ["zhx", "en-US"],
    ["", "en-US"],
    [null, "en-US"],
    ["fr-FR", "en-US"],
  ])("%s -> %s", (tag, expected) => {
    expect(normalizeLanguage(tag)).toBe(expected);
  });
});
