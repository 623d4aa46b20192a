/**
 * A write that failed after it began: the cause's code and message, plus what the cleanup did
 * (the partly written sheet or highlights removed, or left for the user to remove).
 */
import { UserError } from "../app/errors";
import type { Params } from "../core/i18n/format";
import type { Language } from "../core/types";
import { excelText, type ExcelTextKey } from "./messages";

export class PartialWriteError extends UserError {
  constructor(
    readonly original: UserError,
    readonly cleanup: ExcelTextKey,
    readonly cleanupParams: Params = {},
  ) {
    super(original.code, original.params, original.causeError);
    this.name = "PartialWriteError";
    this.message = `${original.message} ${excelText("en-US", cleanup, cleanupParams)}`;
  }

  override messageIn(language: Language): string {
    return `${this.original.messageIn(language)}${language === "zh-CN" ? "" : " "}${excelText(language, this.cleanup, this.cleanupParams)}`;
  }
}
