/** zh-CN and en-US catalogue of the command line: help, usage errors, labels of the printed report. */
import { translator, type Catalogue } from "../core/i18n/format";

const zhCN = {
  "help": `用法：fengong check <文件…> [选项]

检查分工方案（.xlsx 或 .csv）：牵头单位、责任单位、完成时限、逾期任务、按单位汇总和通报文字。

选项：
  --sheet 名称          分工方案所在的工作表（默认：第一个可见的非报告工作表）
  --as-of YYYY-MM-DD    统计截止日期（默认：今天）
  --published YYYY-MM-DD
                        方案印发日期，用于“印发后30个工作日内”等相对时限
  --due-soon 天数       多少天内到期算“即将到期”（默认：7）
  --lang zh-CN|en-US    输出语言（默认：跟随方案表头的语言）
  --json                输出 JSON（结构见 docs/cli.md）
  --out 文件.xlsx       另存一份标注副本：高亮逾期、即将到期和错误单元格，并加上“问题清单”“按单位汇总”两张表；
                        不会修改原文件
  -h, --help            显示本帮助
  -v, --version         显示版本号

退出码：0 没有错误级问题；1 有错误级问题；2 文件无法使用或用法错误。

示例：
  npx fengong check examples/yunnan-2017-notice.xlsx --as-of 2017-08-15 --published 2017-05-10
  npx fengong check 各州市台账/*.xlsx --json > 汇总.json`,
  "usage.hint": "运行 fengong --help 查看用法。",
  "usage.no-command": "缺少命令：用法为 fengong check <文件…>。",
  "usage.unknown-command": "未知命令“{command}”：目前只有 check。",
  "usage.no-files": "请指定要检查的文件，例如 fengong check 分工方案.xlsx。",
  "usage.unknown-option": "未知选项“{option}”。",
  "usage.missing-value": "选项 {option} 需要一个值。",
  "usage.no-value": "选项 {option} 不带值。",
  "usage.bad-date": "{option} 需要 YYYY-MM-DD 格式的有效日期，收到“{value}”。",
  "usage.bad-days": "--due-soon 需要不小于 0 的整数天数，收到“{value}”。",
  "usage.bad-lang": "--lang 只能是 zh-CN 或 en-US，收到“{value}”。",
  "usage.out-several": "--out 只能和一个输入文件一起使用。",
  "usage.out-not-xlsx": "--out 需要以 .xlsx 结尾的文件名，收到“{value}”。",
  "usage.out-is-input": "--out 指向了输入文件“{file}”：不会覆盖原文件，请另选一个文件名。",
  "usage.sheet-several": "--sheet 只能和一个输入文件一起使用。",
  "label.sheet": "工作表：{sheet}",
  "label.headerRow": "表头：第 {row} 行",
  "label.asOf": "截至：{date}",
  "label.columns": "列：{columns}",
  "label.listSeparator": "，",
  "role.id": "序号",
  "role.section": "类别",
  "role.task": "工作任务",
  "role.lead": "牵头单位",
  "role.responsible": "责任单位",
  "role.deadline": "完成时限",
  "role.status": "完成情况",
  "role.note": "备注",
  "section.findings": "问题：错误 {error} 项，警告 {warning} 项，提示 {info} 项",
  "section.noFindings": "问题：未发现问题",
  "section.overdue": "逾期任务：{count} 项",
  "section.dueSoon": "即将到期：{count} 项（{days} 天内）",
  "section.totals": "按单位汇总",
  "section.summary": "通报",
  "section.combined": "合计（{files} 个文件）",
  "combined.counts":
    "共 {tasks} 项任务：已完成 {done} 项，逾期 {overdue} 项，即将到期 {dueSoon} 项，持续推进 {ongoing} 项。",
  "col.row": "行",
  "col.cell": "单元格",
  "col.message": "说明",
  "col.id": "序号",
  "col.lead": "牵头单位",
  "col.deadline": "完成时限",
  "col.due": "到期日",
  "col.daysOverdue": "逾期天数",
  "col.daysLeft": "剩余天数",
  "col.task": "工作任务",
  "value.none": "—",
  "value.noLead": "（无牵头单位）",
  "value.more": "……另有 {count} 项未列出（完整列表：--json，或 --out 生成的“问题清单”）",
  "value.moreTasks": "……另有 {count} 项未列出（完整列表：--json，或 --out 标注副本中的高亮行）",
  "note.wrote": "已写入标注副本：{file}",
  "note.other-plans":
    "本次检查的是工作表{sheet}；工作簿中{others}也有分工方案表格，未检查。要检查其他工作表，请加 {example}。",
  "write.denied": "没有写入权限",
  "write.readOnly": "磁盘为只读",
  "write.noFolder": "文件夹不存在",
  "write.isFolder": "这是一个文件夹",
  "write.busy": "文件正被其他程序占用（例如在 Excel 中打开）",
  "write.full": "磁盘空间不足",
};
type Key = keyof typeof zhCN;

const enUS: Catalogue<Key> = {
  "help": `Usage: fengong check <file...> [options]

Checks division-of-labour plans (.xlsx or .csv): lead and responsible units, deadlines, overdue tasks,
totals by unit and the circular text.

Options:
  --sheet NAME          the sheet holding the plan (default: the first visible sheet that is not a report)
  --as-of YYYY-MM-DD    the date to count from (default: today)
  --published YYYY-MM-DD
                        the plan's publication date, base of relative deadlines ("within 30 working days")
  --due-soon DAYS       how many days ahead count as "due soon" (default: 7)
  --lang zh-CN|en-US    output language (default: the language of the plan's headers)
  --json                print JSON (shape in docs/cli.md)
  --out FILE.xlsx       write an annotated copy: overdue, due-soon and error cells highlighted, plus the
                        Findings and Totals by unit sheets; the input file is never changed
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no error findings; 1 error findings; 2 unusable input or usage error.

Examples:
  npx fengong check examples/yunnan-2017-notice.xlsx --as-of 2017-08-15 --published 2017-05-10
  npx fengong check ledgers/*.xlsx --json > combined.json`,
  "usage.hint": "Run fengong --help for usage.",
  "usage.no-command": "Missing command: the usage is fengong check <file...>.",
  "usage.unknown-command": 'Unknown command "{command}": the only command is check.',
  "usage.no-files": "Name the file(s) to check, e.g. fengong check plan.xlsx.",
  "usage.unknown-option": 'Unknown option "{option}".',
  "usage.missing-value": "Option {option} needs a value.",
  "usage.no-value": "Option {option} takes no value.",
  "usage.bad-date": '{option} needs a valid date as YYYY-MM-DD, got "{value}".',
  "usage.bad-days": '--due-soon needs a whole number of days (0 or more), got "{value}".',
  "usage.bad-lang": '--lang must be zh-CN or en-US, got "{value}".',
  "usage.out-several": "--out works with one input file only.",
  "usage.out-not-xlsx": '--out needs a file name ending in .xlsx, got "{value}".',
  "usage.out-is-input": '--out points at the input file "{file}": the input is never overwritten. Choose another name.',
  "usage.sheet-several": "--sheet works with one input file only.",
  "label.sheet": "Sheet: {sheet}",
  "label.headerRow": "Header: row {row}",
  "label.asOf": "As of: {date}",
  "label.columns": "Columns: {columns}",
  "label.listSeparator": ", ",
  "role.id": "No.",
  "role.section": "Category",
  "role.task": "Task",
  "role.lead": "Lead",
  "role.responsible": "Responsible",
  "role.deadline": "Deadline",
  "role.status": "Status",
  "role.note": "Notes",
  "section.findings": "Findings: {error} error(s), {warning} warning(s), {info} info",
  "section.noFindings": "Findings: none",
  "section.overdue": "Overdue: {count}",
  "section.dueSoon": "Due soon: {count} (within {days} days)",
  "section.totals": "Totals by unit",
  "section.summary": "Circular",
  "section.combined": "Combined ({files} files)",
  "combined.counts": "{tasks} tasks: {done} done, {overdue} overdue, {dueSoon} due soon, {ongoing} ongoing.",
  "col.row": "Row",
  "col.cell": "Cell",
  "col.message": "Finding",
  "col.id": "No.",
  "col.lead": "Lead",
  "col.deadline": "Deadline",
  "col.due": "Due",
  "col.daysOverdue": "Days overdue",
  "col.daysLeft": "Days left",
  "col.task": "Task",
  "value.none": "-",
  "value.noLead": "(no lead)",
  "value.more": "… {count} more not shown (all of them: --json, or the Findings sheet written by --out)",
  "value.moreTasks": "… {count} more not shown (all of them: --json, or the highlighted rows of the --out copy)",
  "note.wrote": "Annotated copy written: {file}",
  "note.other-plans":
    "Checked the sheet {sheet}; {others} also hold a plan table and were not checked. To check another sheet, add {example}.",
  "write.denied": "permission denied",
  "write.readOnly": "the disk is read-only",
  "write.noFolder": "the folder does not exist",
  "write.isFolder": "it is a folder",
  "write.busy": "the file is in use (open in Excel?)",
  "write.full": "the disk is full",
};

export const cliText = translator<Key>({ "zh-CN": zhCN, "en-US": enUS });
export type CliTextKey = Key;
