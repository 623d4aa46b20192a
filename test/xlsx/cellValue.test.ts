import { dateToSerial, serialToDate } from "../../src/xlsx/cellValue";
import { toCellValue } from "./oracle/cellValue";

describe("dateToSerial", () => {
  it("turns exceljs' UTC-midnight dates into Excel serials", () => {
    expect(dateToSerial(new Date(Date.UTC(2017, 6, 31)))).toBe(42947);
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(2);
    expect(dateToSerial(new Date(Date.UTC(2024, 1, 29)))).toBe(45351);
  });

  it("keeps the time of day as the fraction", () => {
    expect(dateToSerial(new Date(Date.UTC(2017, 6, 31, 12)))).toBeCloseTo(42947.5, 10);
    expect(dateToSerial(new Date(Date.UTC(2017, 6, 31, 6)))).toBeCloseTo(42947.25, 10);
  });

  it("uses the 1904 date system when the workbook does", () => {
    expect(dateToSerial(new Date(Date.UTC(2017, 6, 31)), true)).toBe(42947 - 1462);
  });

  it("is the inverse of serialToDate for whole days across a century", () => {
    for (let serial = 1; serial < 80000; serial += 997) {
      expect(dateToSerial(serialToDate(serial))).toBe(serial);
    }
  });

  it("does not depend on the process time zone", () => {
    const before = process.env.TZ;
    const results: number[] = [];
    for (const tz of ["Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"]) {
      process.env.TZ = tz;
      results.push(dateToSerial(new Date(Date.UTC(2021, 2, 31))));
    }
    process.env.TZ = before;
    expect(new Set(results)).toEqual(new Set([44286]));
  });
});

describe("toCellValue", () => {
  it("gives plain values as they are and empty cells as empty strings", () => {
    expect(toCellValue("省财政厅")).toBe("省财政厅");
    expect(toCellValue(3)).toBe(3);
    expect(toCellValue(true)).toBe(true);
    expect(toCellValue(null)).toBe("");
    expect(toCellValue(undefined)).toBe("");
  });

  it("joins rich text runs", () => {
    expect(toCellValue({ richText: [{ text: "省发展改革委", font: { bold: true } }, { text: "牵头" }] })).toBe(
      "省发展改革委牵头",
    );
  });

  it("gives a formula's cached result, or an empty string without one", () => {
    expect(toCellValue({ formula: "A1+1", result: 4 })).toBe(4);
    expect(toCellValue({ formula: 'A1&"x"', result: "ax" })).toBe("ax");
    expect(toCellValue({ sharedFormula: "B2", result: "年底前" })).toBe("年底前");
    expect(toCellValue({ formula: "TODAY()" })).toBe("");
    expect(toCellValue({ formula: "DATE(2017,7,31)", result: new Date(Date.UTC(2017, 6, 31)) })).toBe(42947);
    expect(toCellValue({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
  });

  it("gives a hyperlink's text (plain or rich)", () => {
    expect(toCellValue({ text: "政策原文", hyperlink: "https://www.gov.cn/" })).toBe("政策原文");
    expect(toCellValue({ text: { richText: [{ text: "政策" }, { text: "原文" }] }, hyperlink: "https://x" })).toBe(
      "政策原文",
    );
  });

  it("gives error values as Excel's error strings", () => {
    expect(toCellValue({ error: "#N/A" })).toBe("#N/A");
    expect(toCellValue({ error: "#REF!" })).toBe("#REF!");
  });
});
