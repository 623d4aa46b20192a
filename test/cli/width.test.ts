import { charWidth, displayWidth, padEnd, padStart, truncate } from "../../src/cli/width";
import { renderTable } from "../../src/cli/table";

describe("display width", () => {
  it("counts CJK ideographs, full-width punctuation and ideographic space as two columns", () => {
    expect(displayWidth("省财政厅")).toBe(8);
    expect(displayWidth("（一）、。")).toBe(10);
    expect(displayWidth("\u3000")).toBe(2);
    expect(displayWidth("各州、市人民政府")).toBe(16);
    expect(displayWidth("𠀀")).toBe(2); // CJK Extension B, outside the BMP
  });

  it("counts ASCII and half-width forms as one, combining marks and zero-width characters as none", () => {
    expect(displayWidth("C14 row")).toBe(7);
    expect(displayWidth("ｱ")).toBe(1); // half-width katakana
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("a\u200bb")).toBe(2);
    expect(charWidth(0x1b)).toBe(0);
  });

  it("pads by display width", () => {
    expect(padEnd("牵头", 6)).toBe("牵头  ");
    expect(padStart("3", 4)).toBe("   3");
    expect(padEnd("太长的文字", 4)).toBe("太长的文字");
  });

  it("truncates without splitting a wide character", () => {
    expect(truncate("推进政务公开信息化建设", 9)).toBe("推进政务…");
    expect(displayWidth(truncate("推进政务公开信息化建设", 9))).toBeLessThanOrEqual(9);
    expect(truncate("short", 9)).toBe("short");
  });
});

describe("renderTable", () => {
  it("aligns columns of mixed Chinese and ASCII text", () => {
    const lines = renderTable(
      [{ header: "单位" }, { header: "逾期", align: "right" }, { header: "说明" }],
      [
        ["省政府办公厅", "12", "x"],
        ["Office", "3", "很长很长的说明文字"],
      ],
    );
    expect(lines).toEqual([
      "单位          逾期  说明",
      "省政府办公厅    12  x",
      "Office           3  很长很长的说明文字",
    ]);
    // Every column after the first starts at the same display column on every line.
    const starts = lines.map((line) => displayWidth(line.slice(0, line.search(/\S+\s*$/))));
    expect(new Set(starts).size).toBe(1);
  });

  it("applies colour after padding so escapes never shift columns", () => {
    const lines = renderTable([{ header: "a" }, { header: "b" }], [["省", "1"]], {
      paintRow: (line) => `\u001b[31m${line}\u001b[39m`,
    });
    expect(lines[1]).toBe("\u001b[31m省  1\u001b[39m");
  });
});
