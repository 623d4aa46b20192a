import { decodeText, parseCsv } from "../../src/xlsx/csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks", () => {
    const rows = parseCsv(
      '序号,工作任务,牵头单位\r\n1,"推进公开，""解读""",省财政厅\r\n2,"第一行\n第二行",省统计局\r\n',
    );
    expect(rows).toEqual([
      ["序号", "工作任务", "牵头单位"],
      [1, '推进公开，"解读"', "省财政厅"],
      [2, "第一行\n第二行", "省统计局"],
    ]);
  });

  it("drops a byte order mark and trailing empty rows and cells", () => {
    expect(parseCsv("\ufeffa,b,,\n\n\n")).toEqual([["a", "b"]]);
  });

  it("turns plain numbers into numbers like Excel, but keeps leading zeros and quoted numbers as text", () => {
    expect(parseCsv('1,2.5,-3,007,"42",1e5,2017-06-30')).toEqual([[1, 2.5, -3, "007", "42", "1e5", "2017-06-30"]]);
  });

  it("keeps blank cells inside a row so columns stay aligned", () => {
    expect(parseCsv("a,,c\n,b")).toEqual([
      ["a", "", "c"],
      ["", "b"],
    ]);
  });

  it("reads tab-separated text when the first line has tabs and no commas", () => {
    expect(parseCsv("序号\t牵头单位\n1\t省财政厅，省统计局")).toEqual([
      ["序号", "牵头单位"],
      [1, "省财政厅，省统计局"],
    ]);
  });

  it("gives no rows for empty text", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\ufeff")).toEqual([]);
  });
});

describe("decodeText", () => {
  it("decodes UTF-8, and GB18030 when the bytes are not UTF-8", () => {
    expect(decodeText(new TextEncoder().encode("牵头单位"))).toBe("牵头单位");
    // 牵头单位 in GB18030
    expect(decodeText(Uint8Array.from([0xc7, 0xa3, 0xcd, 0xb7, 0xb5, 0xa5, 0xce, 0xbb]))).toBe("牵头单位");
  });
});
