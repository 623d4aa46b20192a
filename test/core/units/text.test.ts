import fc from "fast-check";
import { cellText, normalizeKey, toSimplified } from "../../../src/core/text";

describe("toSimplified", () => {
  it("converts traditional characters to simplified", () => {
    expect(toSimplified("縣發改局牽頭，縣自然資源局參與")).toBe("县发改局牵头，县自然资源局参与");
    expect(toSimplified("單位名錄")).toBe("单位名录");
  });

  it("keeps full-width brackets and other punctuation as written", () => {
    expect(toSimplified("各鄉（鎮）人民政府")).toBe("各乡（镇）人民政府");
    expect(toSimplified("「責任單位」：")).toBe("「责任单位」：");
  });

  it("leaves simplified text, Latin text and the empty string unchanged", () => {
    expect(toSimplified("省发展改革委")).toBe("省发展改革委");
    expect(toSimplified("Finance Bureau")).toBe("Finance Bureau");
    expect(toSimplified("")).toBe("");
  });

  it("gives the same answer for a repeated (cached) string and a long (uncached) one", () => {
    const long = "縣財政局".repeat(40);
    expect(toSimplified("縣財政局")).toBe("县财政局");
    expect(toSimplified("縣財政局")).toBe("县财政局");
    expect(toSimplified(long)).toBe("县财政局".repeat(40));
  });
});

describe("normalizeKey", () => {
  it("makes full-width, traditional and spaced spellings equal", () => {
    const key = normalizeKey("县政府办公室");
    expect(normalizeKey("縣政府辦公室")).toBe(key);
    expect(normalizeKey(" 县政府\n办公室\u3000")).toBe(key);
    expect(normalizeKey("县 政 府 办 公 室")).toBe(key);
  });

  it("folds full-width forms (NFKC): brackets, letters and digits", () => {
    expect(normalizeKey("各乡（镇）人民政府")).toBe(normalizeKey("各乡(镇)人民政府"));
    expect(normalizeKey("ＡＢＣ２０１７")).toBe("ABC2017");
  });

  it("keeps different names different", () => {
    expect(normalizeKey("省财政厅")).not.toBe(normalizeKey("省财政局"));
  });
});

describe("cellText", () => {
  it("trims strings and renders numbers, booleans and empties as Excel shows them", () => {
    expect(cellText("  省财政厅 \n")).toBe("省财政厅");
    expect(cellText(42)).toBe("42");
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(false)).toBe("FALSE");
    expect(cellText(null)).toBe("");
    expect(cellText("")).toBe("");
    expect(cellText(Number.NaN)).toBe("");
    expect(cellText("#N/A")).toBe("#N/A");
  });
});

describe("text helpers never throw", () => {
  it("on any string, including lone surrogates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(typeof toSimplified(s)).toBe("string");
        expect(typeof normalizeKey(s)).toBe("string");
        expect(typeof cellText(s)).toBe("string");
      }),
    );
    expect(toSimplified("\ud800縣\udc00")).toBe("\ud800县\udc00");
    expect(normalizeKey("\udfff")).toBe("\udfff");
  });

  it("on huge strings", () => {
    const huge = "縣財政局、".repeat(50_000);
    expect(toSimplified(huge).startsWith("县财政局、")).toBe(true);
    expect(normalizeKey(huge).length).toBe(huge.length);
  });

  it("on any cell value", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)), (value) => {
        expect(typeof cellText(value)).toBe("string");
      }),
    );
  });
});
