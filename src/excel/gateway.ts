/**
 * The one door to Excel: every batch runs through runExcel, which calls Excel.run with
 * delayForCellEdit (so a user typing in a cell makes us wait instead of fail) and turns Office.js
 * errors into UserErrors with messages users can act on. The `run` function is injected: production
 * passes officeExcelRun() (Excel.run), tests pass the double's run.
 */
import { UserError, type UserErrorCode } from "../app/errors";
import type { ExcelContext, ExcelRun } from "./officeTypes";

/** What the caller knows that the error does not say. */
export interface ErrorHints {
  /** The sheet the batch reads or writes: ItemNotFound becomes sheet.not-found, AccessDenied sheet.protected. */
  sheet?: string | null;
  /** What AccessDenied means for this batch (default: sheet.protected with a sheet, else workbook.read-only). */
  accessDenied?: UserErrorCode;
}

/** The shape of OfficeExtension.Error (recognised by shape: the double throws look-alikes). */
export interface OfficeErrorLike {
  code: string;
  message: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}

export function asOfficeError(error: unknown): OfficeErrorLike | null {
  if (!error || typeof error !== "object") return null;
  const candidate = error as { code?: unknown; message?: unknown; debugInfo?: unknown };
  if (typeof candidate.code !== "string" || candidate.code === "") return null;
  const debugInfo =
    candidate.debugInfo && typeof candidate.debugInfo === "object"
      ? (candidate.debugInfo as OfficeErrorLike["debugInfo"])
      : undefined;
  return { code: candidate.code, message: typeof candidate.message === "string" ? candidate.message : "", debugInfo };
}

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
const NETWORK_CODES = new Set(["ConnectionFailure", "RequestAborted", "NetworkError", "Timeout", "ServiceUnavailable"]);

export const isPayloadError = (error: unknown): boolean => PAYLOAD_CODES.has(asOfficeError(error)?.code ?? "");

/** Office.js (or any) error -> UserError. UserErrors pass through unchanged. */
export function toExcelUserError(error: unknown, hints: ErrorHints = {}): UserError {
  if (error instanceof UserError) return error;
  const office = asOfficeError(error);
  if (!office) {
    if (error instanceof TypeError && /fetch|network/i.test(error.message)) return new UserError("network", {}, error);
    const detail = error instanceof Error ? error.message : String(error);
    return new UserError("unexpected", { detail }, error);
  }
  const sheet = hints.sheet ?? null;
  switch (office.code) {
    case "AccessDenied": {
      const code = hints.accessDenied ?? (sheet ? "sheet.protected" : "workbook.read-only");
      return new UserError(code, { sheet: sheet ?? "" }, error);
    }
    case "InvalidOperationInCellEditMode":
      return new UserError("cell-edit", {}, error);
    case "ItemNotFound":
      if (sheet) return new UserError("sheet.not-found", { sheet }, error);
      break;
    default:
      if (PAYLOAD_CODES.has(office.code)) return new UserError("payload.too-large", {}, error);
      if (NETWORK_CODES.has(office.code)) return new UserError("network", {}, error);
  }
  const location = office.debugInfo?.errorLocation;
  const detail = `${office.code}${location ? ` (${location})` : ""}${office.message ? `: ${office.message}` : ""}`;
  return new UserError("unexpected", { detail }, error);
}

/** Run one batch against Excel, mapping its errors. */
export async function runExcel<T>(
  run: ExcelRun,
  batch: (context: ExcelContext) => Promise<T>,
  hints: ErrorHints = {},
): Promise<T> {
  try {
    return await run({ delayForCellEdit: true }, batch);
  } catch (error) {
    throw toExcelUserError(error, hints);
  }
}

/** Excel.run of the page (office.js loaded), or office.unavailable when there is no Excel. */
export function officeExcelRun(): ExcelRun {
  return <T>(options: { delayForCellEdit?: boolean }, batch: (context: ExcelContext) => Promise<T>): Promise<T> => {
    if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
      return Promise.reject(new UserError("office.unavailable"));
    }
    return Excel.run(options, batch);
  };
}
