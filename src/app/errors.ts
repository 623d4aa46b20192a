/**
 * Errors users meet, with a message in their language. Adapters translate platform errors
 * (OfficeExtension.Error codes, zip and package failures, file system errors) into these.
 */
import { translator, type Catalogue, type Params } from "../core/i18n/format";
import type { Language } from "../core/types";

export type UserErrorCode =
  | "file.missing"
  | "file.is-folder"
  | "file.not-workbook"
  | "file.encrypted"
  | "file.empty"
  | "file.write-failed"
  | "file.too-large"
  | "file.zip-bomb"
  | "file.too-many-rows"
  | "file.too-many-columns"
  | "file.shared-strings-too-large"
  | "plan.not-found"
  | "sheet.not-found"
  | "sheet.protected"
  | "workbook.protected"
  | "workbook.read-only"
  | "cell-edit"
  | "payload.too-large"
  | "network"
  | "office.unavailable"
  | "usage"
  | "merge.no-status-column"
  | "merge.changed-since-preview"
  | "merge.unsupported"
  | "unexpected";

const zhCN: Catalogue<UserErrorCode> = {
  "file.missing": "找不到文件“{file}”：请检查路径和文件名。",
  "file.is-folder": "“{file}”是一个文件夹，不是文件：请指定文件夹中的 .xlsx 或 .csv 文件（如“{file}/分工方案.xlsx”）。",
  "file.not-workbook": "“{file}”不是可读取的 Excel 工作簿（.xlsx）：请在 Excel 中另存为 .xlsx 后重试。",
  "file.encrypted": "“{file}”已加密（设置了打开密码）：请在 Excel 中取消密码后另存一份再检查。",
  "file.empty": "“{file}”中没有任何数据：请确认选择了分工方案所在的工作簿。",
  "file.write-failed": "无法写入“{file}”：{detail}",
  "file.too-large":
    "“{file}”（{fileSize}）解压后共 {size}，超过上限 {limit}：未读取。请拆分工作簿或删去不需要的工作表后重试。",
  "file.zip-bomb":
    "“{file}”（{fileSize}）中的部件“{part}”压缩比异常（{size}，压缩比 {ratio}:1，上限 {limit}:1），疑似压缩炸弹：未读取。",
  "file.too-many-rows":
    "“{file}”（{fileSize}）的工作表“{sheet}”有 {rows} 行，超过 Excel 的上限 {limit} 行：文件已损坏或不是 Excel 保存的，未读取。",
  "file.too-many-columns":
    "“{file}”（{fileSize}）的工作表“{sheet}”用到第 {columns} 列，超过 Excel 的上限 {limit} 列：文件已损坏或不是 Excel 保存的，未读取。",
  "file.shared-strings-too-large":
    "“{file}”（{fileSize}）的共享字符串部分解压后 {size}，超过上限 {limit}：未读取。请拆分工作簿后重试。",
  "plan.not-found":
    "在“{sheet}”中没有找到分工方案表格：需要一行表头，至少包含单位列（如“牵头单位”“责任单位”）和任务或时限列。",
  "sheet.not-found": "工作簿中没有名为“{sheet}”的工作表。",
  "sheet.protected":
    "工作表“{sheet}”受保护，无法写入标注：请先在“审阅 > 撤消工作表保护”中取消保护，再运行检查。未做任何修改。",
  "workbook.protected": "工作簿结构受保护，无法添加或替换报告工作表：请先取消工作簿保护。未做任何修改。",
  "workbook.read-only": "工作簿为只读，无法写入：请保存一份可编辑的副本后重试。",
  "cell-edit": "有单元格正处于编辑状态：请按 Enter 或 Esc 结束编辑后重试。",
  "payload.too-large": "数据量超过 Excel 网页版单次请求的上限：已尝试分块仍失败，请缩小表格范围后重试。",
  "network": "与 Excel 的连接中断：请检查网络后重试。未做任何修改。",
  "office.unavailable": "未检测到 Excel：请在 Excel 中打开本加载项，或在浏览器中打开 .xlsx 文件。",
  "usage": "{detail}",
  "merge.no-status-column":
    "“{sheet}”中的分工方案没有完成情况列（如“完成情况”“进展情况”）：无处写入各单位的反馈。请先加上这一列。未做任何修改。",
  "merge.changed-since-preview": "第 {row} 行的完成情况在预览之后被修改过：请重新预览后再合并。未做任何修改。",
  "merge.unsupported": "此处无法逐个单元格写入工作簿：请在 Excel 中或用命令行 fengong merge 合并。未做任何修改。",
  "unexpected": "发生意外错误：{detail}",
};

const enUS: Catalogue<UserErrorCode> = {
  "file.missing": 'File not found: "{file}". Check the path and the file name.',
  "file.is-folder": '"{file}" is a folder, not a file. Name an .xlsx or .csv file in it (e.g. "{file}/plan.xlsx").',
  "file.not-workbook": '"{file}" is not a readable Excel workbook (.xlsx). Save it as .xlsx in Excel and try again.',
  "file.encrypted":
    '"{file}" is encrypted (it has an open password). Remove the password in Excel, save a copy and check that.',
  "file.empty": '"{file}" holds no data. Make sure you chose the workbook that holds the plan.',
  "file.write-failed": 'Could not write "{file}": {detail}',
  "file.too-large":
    '"{file}" ({fileSize}) unpacks to {size}, over the limit of {limit}: not read. Split the workbook or delete sheets you do not need, then try again.',
  "file.zip-bomb":
    '"{file}" ({fileSize}): the part "{part}" unpacks abnormally ({size}, ratio {ratio}:1, limit {limit}:1) and looks like a zip bomb: not read.',
  "file.too-many-rows":
    '"{file}" ({fileSize}): the sheet "{sheet}" has {rows} rows, more than Excel\'s limit of {limit}: the file is damaged or was not saved by Excel. Not read.',
  "file.too-many-columns":
    '"{file}" ({fileSize}): the sheet "{sheet}" uses column {columns}, beyond Excel\'s limit of {limit}: the file is damaged or was not saved by Excel. Not read.',
  "file.shared-strings-too-large":
    '"{file}" ({fileSize}): the shared strings unpack to {size}, over the limit of {limit}: not read. Split the workbook and try again.',
  "plan.not-found":
    'No plan table found on "{sheet}": a header row needs at least a unit column (e.g. Lead unit, Responsible) and a task or deadline column.',
  "sheet.not-found": 'The workbook has no sheet named "{sheet}".',
  "sheet.protected":
    'The sheet "{sheet}" is protected, so highlights cannot be written. Unprotect it (Review > Unprotect Sheet) and run the check again. Nothing was changed.',
  "workbook.protected":
    "The workbook structure is protected, so report sheets cannot be added or replaced. Unprotect the workbook first. Nothing was changed.",
  "workbook.read-only": "The workbook is read-only. Save an editable copy and try again.",
  "cell-edit": "A cell is being edited. Press Enter or Esc to finish editing, then try again.",
  "payload.too-large":
    "The data exceeds what Excel on the web accepts in one request, even in smaller blocks. Check a smaller range.",
  "network": "The connection to Excel was interrupted. Check the network and try again. Nothing was changed.",
  "office.unavailable": "Excel was not found. Open the add-in in Excel, or open an .xlsx file in the browser.",
  "usage": "{detail}",
  "merge.no-status-column":
    'The plan on "{sheet}" has no status column (e.g. Status, Progress): there is nowhere to write the units\' feedback. Add one first. Nothing was changed.',
  "merge.changed-since-preview":
    "The status in row {row} was edited after the preview. Preview again before merging. Nothing was changed.",
  "merge.unsupported":
    "This workbook cannot be written cell by cell here. Merge in Excel or with the command line (fengong merge). Nothing was changed.",
  "unexpected": "Something went wrong: {detail}",
};

const errorText = translator<UserErrorCode>({ "zh-CN": zhCN, "en-US": enUS });

/** An error meant for the user: a code, its parameters, and a message in either language. */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    readonly params: Params = {},
    /** The underlying platform error, kept for diagnostics (never shown as a stack trace). */
    readonly causeError?: unknown,
  ) {
    super(errorText("en-US", code, params));
    this.name = "UserError";
  }

  messageIn(language: Language): string {
    return errorText(language, this.code, this.params);
  }
}

/** Also true for a UserError from another copy of this module (a lazily loaded chunk, an isolated test registry). */
export function isUserError(error: unknown): error is UserError {
  return (
    error instanceof UserError ||
    (error instanceof Error &&
      error.name === "UserError" &&
      typeof (error as Partial<UserError>).code === "string" &&
      typeof (error as Partial<UserError>).messageIn === "function")
  );
}

/** Any thrown value as a UserError (unknown errors become "unexpected" with their message). */
export function toUserError(error: unknown): UserError {
  if (isUserError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new UserError("unexpected", { detail }, error);
}
