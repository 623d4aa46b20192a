/**
 * toSimplified runs OpenCC only where a dictionary word can start and converts a text piece by piece between
 * characters no word holds (src/core/simplify.ts): whatever the text, the result must be OpenCC's own.
 */
import fc from "fast-check";
import * as OpenCC from "opencc-js/t2cn";
import { toSimplified } from "../../src/core/text";

const opencc = OpenCC.Converter({ from: "t", to: "cn" });

/** The source words of the t -> cn dictionaries, read straight from the package ("source target|…"). */
function dictionaryWords(): string[] {
  const words: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === "string") for (const entry of node.split("|")) words.push(entry.split(" ")[0]);
    else if (node !== null && typeof node === "object") for (const value of Object.values(node)) visit(value);
  };
  visit((OpenCC as unknown as { Locale: { configs: Record<string, unknown> } }).Locale.configs.t2s);
  return words.filter((word) => word !== "");
}

const words = dictionaryWords();

describe("toSimplified gives what OpenCC gives", () => {
  it("reads the dictionaries (thousands of characters, hundreds of phrases such as 一目瞭然)", () => {
    expect(words.length).toBeGreaterThan(3000);
    expect(words).toContain("一目瞭然");
    expect(words).toContain("縣");
  });

  it("for every character of the Basic Multilingual Plane", () => {
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (toSimplified(char) !== opencc(char)) differing.push(char);
    }
    expect(differing).toEqual([]);
  });

  it("for every dictionary word, alone and among unit names, separators and brackets", () => {
    const differing: string[] = [];
    for (const word of words) {
      for (const text of [word, `省${word}、${word}局`, word + word, `（${word}）${word.slice(0, 1)}牵头`]) {
        if (toSimplified(text) !== opencc(text)) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
  });

  it("for unit cells as offices write them, traditional or not, repeated or not", () => {
    const cells = [
      "縣發改局牽頭，縣自然資源局、縣住建局參與",
      "省发展改革委牵头，省财政厅、省統計局配合",
      "各鄉（鎮）人民政府，縣直各有關單位",
      "臺北市政府資訊局、新北市政府研考會",
      "一目瞭然；不瞭解、乾乾淨淨",
      "牽頭單位：縣政府辦公室；責任單位：縣直有關部門（下同）",
      "⿰氵青、縣財政局",
      "𠵾縣、乾隆",
    ];
    for (const text of [...cells, ...cells]) expect(toSimplified(text)).toBe(opencc(text));
  });

  it("for random texts made of dictionary characters, separators and description characters", () => {
    const alphabet = [...new Set(words.join("").split(""))].slice(0, 4000);
    const chars = fc.oneof(
      fc.constantFrom(...alphabet),
      fc.constantFrom("、", "，", "；", "（", "）", "(", ")", " ", "\u3000", "\n", "省", "市", "县", "牵头", "配合"),
      fc.constantFrom("⿰", "⿱", "⿻", "𠵾", "\ud840", "\udc00"),
      fc.constantFrom(...words.filter((word) => word.length > 1)),
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(toSimplified(text)).toBe(opencc(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives simplified and Latin text back unchanged", () => {
    for (const text of ["省发展改革委、省财政厅", "成年社区回收任务", "Finance Bureau", "2024年底前"])
      expect(toSimplified(text)).toBe(text);
  });
});
