/** Message templates: "{name}" placeholders (src/core/i18n/format.ts), compiled once per template. */
import { format } from "../../src/core/i18n/format";
import { findingText } from "../../src/core/i18n/findings";

describe("format", () => {
  it("replaces every placeholder with its value, as often as the template names it", () => {
    expect(format("第{row}行（{cell}）：“{unit}”与第{row}行重复", { row: 12, cell: "C12", unit: "省财政厅" })).toBe(
      "第12行（C12）：“省财政厅”与第12行重复",
    );
    expect(format("{a}{b}{a}", { a: "甲", b: 0 })).toBe("甲0甲");
  });

  it("keeps placeholders without a value (absent, undefined or null) as written", () => {
    expect(format("第{row}行：{text}", { row: 3 })).toBe("第3行：{text}");
    expect(format("{x}-{y}", { x: undefined, y: null })).toBe("{x}-{y}");
    expect(format("无占位符", {})).toBe("无占位符");
    expect(format("", { a: 1 })).toBe("");
  });

  it("inserts values literally ($ patterns and braces in a cell text are not templates)", () => {
    expect(format("“{text}”", { text: "$&$1{row}", row: 9 })).toBe("“$&$1{row}”");
    expect(format("{ a }{a}{}", { a: "x" })).toBe("{ a }x{}");
  });

  it("gives the same text for a template used again (compiled once)", () => {
    const params = { row: 5, cell: "D5", text: "年内完成" };
    const first = findingText("zh-CN", "deadline.unparsed", params);
    expect(findingText("zh-CN", "deadline.unparsed", params)).toBe(first);
    expect(first).toContain("第5行（D5）");
    expect(first).toContain("“年内完成”");
  });
});
