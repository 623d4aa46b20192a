/** The gateway: Excel.run with delayForCellEdit, Office.js error codes -> UserErrors users can act on. */
import { UserError } from "../../src/app/errors";
import { officeExcelRun, runExcel, toExcelUserError } from "../../src/excel/gateway";
import type { ExcelRun } from "../../src/excel/officeTypes";
import { DoubleOfficeError } from "../doubles/excel";

const office = (code: string, location = "Range.values") => new DoubleOfficeError(code, `${code} happened`, location);

describe("toExcelUserError", () => {
  test.each([
    ["AccessDenied", { sheet: "分工方案" }, "sheet.protected"],
    ["AccessDenied", {}, "workbook.read-only"],
    ["AccessDenied", { accessDenied: "workbook.protected" as const }, "workbook.protected"],
    ["InvalidOperationInCellEditMode", {}, "cell-edit"],
    ["RequestPayloadSizeLimitExceeded", {}, "payload.too-large"],
    ["ResponsePayloadSizeLimitExceeded", {}, "payload.too-large"],
    ["ConnectionFailure", {}, "network"],
    ["RequestAborted", {}, "network"],
    ["ItemNotFound", { sheet: "计划" }, "sheet.not-found"],
    ["ItemNotFound", {}, "unexpected"],
    ["GeneralException", {}, "unexpected"],
  ])("%s %j -> %s", (code, hints, expected) => {
    const error = toExcelUserError(office(code), hints);
    expect(error.code).toBe(expected);
    expect(error.causeError).toBeInstanceOf(DoubleOfficeError);
  });

  test("the sheet is named in the message; unexpected errors carry code and location", () => {
    expect(toExcelUserError(office("AccessDenied"), { sheet: "分工方案" }).messageIn("zh-CN")).toContain("分工方案");
    const unexpected = toExcelUserError(office("GeneralException", "Worksheet.delete"));
    expect(unexpected.params.detail).toBe("GeneralException (Worksheet.delete): GeneralException happened");
    expect(unexpected.messageIn("en-US")).toContain("Worksheet.delete");
  });

  test("UserErrors pass through; plain errors and non-errors become unexpected, never a crash", () => {
    const mine = new UserError("plan.not-found", { sheet: "x" });
    expect(toExcelUserError(mine)).toBe(mine);
    expect(toExcelUserError(new Error("boom")).params.detail).toBe("boom");
    expect(toExcelUserError("weird").code).toBe("unexpected");
    expect(toExcelUserError(null).code).toBe("unexpected");
    expect(toExcelUserError(new TypeError("Failed to fetch")).code).toBe("network");
  });
});

describe("runExcel", () => {
  test("asks Excel to wait for cell edits, returns the batch's result, maps its error", async () => {
    const seen: unknown[] = [];
    const run: ExcelRun = async (options, batch) => {
      seen.push(options);
      return batch({} as never);
    };
    expect(await runExcel(run, async () => 42)).toBe(42);
    expect(seen).toEqual([{ delayForCellEdit: true }]);
    const failing: ExcelRun = async () => {
      throw office("InvalidOperationInCellEditMode");
    };
    await expect(runExcel(failing, async () => 1)).rejects.toMatchObject({ code: "cell-edit" });
  });

  test("without office.js there is no Excel: office.unavailable", async () => {
    await expect(officeExcelRun()({}, async () => 1)).rejects.toMatchObject({ code: "office.unavailable" });
  });
});
