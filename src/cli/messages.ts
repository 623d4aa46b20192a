/** zh-CN and en-US catalogue of the command line: help, usage errors, labels of the printed report. */
import { translator, type Catalogue } from "../core/i18n/format";

const zhCN = {
  "help": `用法：fengong check <文件…> [选项]
      fengong merge <总表.xlsx> <反馈副本.xlsx…> --out <合并后.xlsx> [--unit 单位…] [--json]

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
                        不会修改原文件；检查记录写入副本，下次检查时与上期比较
  --overwrite           允许 --out 替换只读文件（默认拒绝）
  --holidays 文件       国务院办公厅公布的节假日安排（.xlsx 或 .csv：日期、休/班两列），用于内置日历
                        尚未收录的年份
  --since 文件          与这份较早的方案副本比较（不用工作簿内保存的检查记录）

合并（merge）：把各单位交回的副本中、本单位牵头或参与任务的完成情况写入总表的副本（--out），
  按序号和任务内容对应任务；多个单位的文字并列（【单位】……；【单位】……）；有冲突的单元格只列出、不写入。
  --unit 单位           每个反馈文件的单位，按文件顺序各给一次（默认：从文件名识别）

  -h, --help            显示本帮助
  -v, --version         显示版本号

用法：fengong notes <文件> [选项]

督办通知单和通报：每个有逾期或即将到期任务的单位一份督办通知单（牵头任务在前），以及通报全文。

选项（另可用 --sheet、--as-of、--published、--due-soon、--lang、--json）：
  --out-dir 文件夹      写出 Word 文档：每个单位一份“单位名称.docx”，以及“通报.docx”；
                        不指定时在屏幕上输出督办通知单文字
  --feedback YYYY-MM-DD 反馈时限（默认：工作簿设置中的反馈日期；
                        都没有时为“收到通知之日起5个工作日内”）
  --year-end            通报中加上年度考核评分（排名、按时完成和逾期未完成的单位名单）

退出码：0 没有错误级问题；1 有错误级问题；2 文件无法使用或用法错误。

示例：
  npx fengong check examples/yunnan-2017-notice.xlsx --as-of 2017-08-15 --published 2017-05-10
  npx fengong check 各州市台账/*.xlsx --json > 汇总.json
  npx fengong notes examples/yunnan-2017-notice.xlsx --as-of 2017-08-15 --published 2017-05-10 --out-dir 督办
  npx fengong merge 分工方案.xlsx 反馈/省财政厅.xlsx 反馈/省教育厅.xlsx --out 分工方案-合并.xlsx`,
  "usage.hint": "运行 fengong --help 查看用法。",
  "usage.no-command": "缺少命令：用法为 fengong check <文件…>。",
  "usage.unknown-command": "未知命令“{command}”：可用的命令是 check、notes 和 merge。",
  "usage.no-files": "请指定要检查的文件，例如 fengong check 分工方案.xlsx。",
  "usage.unknown-option": "未知选项“{option}”。",
  "usage.missing-value": "选项 {option} 需要一个值。",
  "usage.no-value": "选项 {option} 不带值。",
  "usage.bad-date": "{option} 需要有效日期（如 2017-08-15、2017/8/15、2017.8.15 或 2017年8月15日），收到“{value}”。",
  "usage.bad-days": "--due-soon 需要不小于 0 的整数天数，收到“{value}”。",
  "usage.negative-days": "--due-soon 必须是 0 或更大的整数天数，收到“{value}”。",
  "usage.out-read-only": "--out 指向的“{file}”是只读文件：没有替换。请另选一个文件名，或加上 --overwrite 确认替换。",
  "holidays.none":
    "--holidays 文件“{file}”中没有找到节假日安排：需要“日期”和“安排”两列（或不带表头的日期、休/班两列），每行一个日期，放假日写“休”，调休上班日写“班”。",
  "holidays.unread": "--holidays 文件“{file}”第 {rows} 行的日期或“休/班”无法识别，已跳过。",
  "usage.bad-lang": "--lang 只能是 zh-CN 或 en-US，收到“{value}”。",
  "usage.out-several": "--out 只能和一个输入文件一起使用。",
  "usage.out-not-xlsx": "--out 需要以 .xlsx 结尾的文件名，收到“{value}”。",
  "usage.out-is-input": "--out 指向了输入文件“{file}”：不会覆盖原文件，请另选一个文件名。",
  "usage.sheet-several": "--sheet 只能和一个输入文件一起使用。",
  "usage.notes-only": "{option} 只用于 notes 命令（fengong notes <文件> {option} …）。",
  "usage.notes-no-file": "请指定分工方案文件，例如 fengong notes 分工方案.xlsx --out-dir 督办。",
  "usage.notes-several": "notes 一次只处理一个文件。",
  "usage.notes-out": "notes 用 --out-dir 指定写出 Word 文档的文件夹（--out 用于 check 的标注副本）。",
  "notes.none": "截至{date}，没有逾期或即将到期的任务，无需督办。",
  "notes.wrote": "已在 {dir} 写出 {count} 个 Word 文档：",
  "notes.file": "  {file}",
  "notes.fileUnit": "  {file}（{unit}：逾期 {overdue} 项，即将到期 {dueSoon} 项）",
  "notes.separator": "────────────────────────────────────────",
  "notes.badDir": "无法使用文件夹“{dir}”：{detail}",
  "usage.since-several": "--since 只能和一个输入文件一起使用。",
  "usage.unit-merge-only": "--unit 只用于 merge 命令。",
  "usage.merge-files": "merge 需要总表和至少一份反馈副本：fengong merge 总表.xlsx 反馈.xlsx… --out 合并后.xlsx。",
  "usage.merge-out": "merge 需要 --out 合并后.xlsx：总表本身不会被修改。",
  "usage.not-for-merge": "选项 {option} 不用于 merge 命令。",
  "usage.unit-count": "给了 {units} 个 --unit，但有 {files} 份反馈副本：请按文件顺序为每份副本各给一个单位。",
  "merge.title": "合并各单位反馈：{master}",
  "merge.copy": "{file}：{unit}，对应任务 {tasks} 项",
  "merge.copyUnmatched": "，{count} 项在总表中找不到（未合并）",
  "merge.problem.unit-unknown": "{file}：无法从文件名识别单位，未合并（请用 --unit 指定）",
  "merge.problem.unit-not-in-plan": "{file}：单位“{unit}”不在分工方案中，未合并",
  "merge.problem.no-table": "{file}：没有找到分工方案表格，未合并",
  "merge.problem.no-status-column": "{file}：没有完成情况列，未合并",
  "merge.changes": "写入 {count} 个单元格：",
  "merge.noChanges": "没有需要写入的单元格（已合并过，或各单位未作修改）。",
  "merge.change": "{cell}（第 {row} 行，{unit}）：“{old}” → “{new}”",
  "merge.conflicts": "冲突 {count} 处（未写入，请人工处理）：",
  "merge.conflict.master-changed": "{cell}（第 {row} 行）：发出副本后总表已改为“{current}”，{proposed}",
  "merge.conflict.disagree": "{cell}（第 {row} 行）：各单位对是否完成说法不一，{proposed}",
  "merge.conflict.merged-cell": "{cell}（第 {row} 行）：完成情况单元格跨行合并，无法单独写入，{proposed}",
  "merge.proposed": "{unit}报“{text}”",
  "merge.proposedSeparator": "；",
  "merge.wrote": "已写入合并后的副本：{file}",
  "section.comparison": "与上期（{date}）比较",
  "comparison.newlyDone": "新完成 {count} 项",
  "comparison.newlyOverdue": "新增逾期 {count} 项",
  "comparison.stillOverdue": "连续逾期 {count} 项",
  "comparison.added": "新增任务 {count} 项",
  "comparison.removed": "减少任务 {count} 项",
  "comparison.task": "第 {row} 行 {id}{text}",
  "comparison.periods": "（连续 {periods} 期）",
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
  "role.leader": "牵头领导",
  "role.completed": "办结时间",
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
  "note.not-written": "没有找到分工方案表格，未写出标注副本：{file}",
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
       fengong merge <MASTER.xlsx> <FEEDBACK.xlsx...> --out <MERGED.xlsx> [--unit UNIT...] [--json]

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
                        Findings and Totals by unit sheets; the input file is never changed; the
  --overwrite           let --out replace a read-only file (refused otherwise)
  --holidays FILE       the official holiday schedule (.xlsx or .csv: date, and 休 off / 班 working), for
                        years the built-in calendar does not cover yet
                        check is recorded in the copy and the next check compares with it
  --since FILE          compare with this earlier copy of the plan (instead of the workbook's own records)

merge: the units' returned copies into a copy of the master (--out): each unit's status text for the tasks
  it leads or shares, tasks matched by number and text; several units' texts side by side
  (【unit】...；【unit】...); conflicting cells are listed, never written.
  --unit UNIT           the unit of each feedback file, once per file in order (default: from the file name)

  -h, --help            show this help
  -v, --version         show the version

Usage: fengong notes <file> [options]

Reminders and the circular: one reminder for each unit with overdue or due-soon tasks (lead tasks first),
and the circular itself.

Options (also --sheet, --as-of, --published, --due-soon, --lang, --json):
  --out-dir FOLDER      write Word documents: one "<unit>.docx" per unit and the circular; without it the
                        reminders are printed as text
  --feedback YYYY-MM-DD the date units report back by (default: the workbook's setting; else "within 5
                        working days")
  --year-end            add the year-end assessment (ranking, units on time and units overdue) to the circular

Exit codes: 0 no error findings; 1 error findings; 2 unusable input or usage error.

Examples:
  npx fengong check examples/yunnan-2017-notice.xlsx --as-of 2017-08-15 --published 2017-05-10
  npx fengong check ledgers/*.xlsx --json > combined.json
  npx fengong notes examples/yunnan-2017-notice.xlsx --as-of 2017-08-15 --published 2017-05-10 --out-dir notes
  npx fengong merge plan.xlsx returned/finance.xlsx returned/education.xlsx --out plan-merged.xlsx`,
  "usage.hint": "Run fengong --help for usage.",
  "usage.no-command": "Missing command: the usage is fengong check <file...>.",
  "usage.unknown-command": 'Unknown command "{command}": the commands are check, notes and merge.',
  "usage.no-files": "Name the file(s) to check, e.g. fengong check plan.xlsx.",
  "usage.unknown-option": 'Unknown option "{option}".',
  "usage.missing-value": "Option {option} needs a value.",
  "usage.no-value": "Option {option} takes no value.",
  "usage.bad-date":
    '{option} needs a valid date (e.g. 2017-08-15, 2017/8/15, 2017.8.15 or 2017年8月15日), got "{value}".',
  "usage.bad-days": '--due-soon needs a whole number of days (0 or more), got "{value}".',
  "usage.negative-days": '--due-soon must be 0 or more (a whole number of days), got "{value}".',
  "usage.out-read-only":
    '--out names "{file}", which is read-only: it was not replaced. Choose another name, or add --overwrite to replace it.',
  "holidays.none":
    '--holidays: no holiday schedule found in "{file}". It needs the columns Date and Type (or, without a header, a date and 休/班 side by side), one row per date: "休" for a day off, "班" for an adjusted working day.',
  "holidays.unread":
    '--holidays: rows {rows} of "{file}" have a date or 休/班 that could not be read; they were skipped.',
  "usage.bad-lang": '--lang must be zh-CN or en-US, got "{value}".',
  "usage.out-several": "--out works with one input file only.",
  "usage.out-not-xlsx": '--out needs a file name ending in .xlsx, got "{value}".',
  "usage.out-is-input": '--out points at the input file "{file}": the input is never overwritten. Choose another name.',
  "usage.sheet-several": "--sheet works with one input file only.",
  "usage.notes-only": "{option} belongs to the notes command (fengong notes <file> {option} ...).",
  "usage.notes-no-file": "Name the plan, e.g. fengong notes plan.xlsx --out-dir notes.",
  "usage.notes-several": "notes takes one file at a time.",
  "usage.notes-out":
    "notes writes its Word documents to the folder named by --out-dir (--out is check's annotated copy).",
  "notes.none": "As of {date}, no task is overdue or due soon: nobody to remind.",
  "notes.wrote": "Wrote {count} Word documents in {dir}:",
  "notes.file": "  {file}",
  "notes.fileUnit": "  {file} ({unit}: {overdue} overdue, {dueSoon} due soon)",
  "notes.separator": "────────────────────────────────────────",
  "notes.badDir": 'Cannot use the folder "{dir}": {detail}',
  "usage.since-several": "--since works with one input file only.",
  "usage.unit-merge-only": "--unit is for the merge command only.",
  "usage.merge-files":
    "merge needs the master and at least one returned copy: fengong merge MASTER.xlsx FEEDBACK.xlsx... --out MERGED.xlsx.",
  "usage.merge-out": "merge needs --out MERGED.xlsx: the master itself is never changed.",
  "usage.not-for-merge": "Option {option} is not for the merge command.",
  "usage.unit-count":
    "{units} --unit given for {files} returned copies: give one unit per copy, in the order of the files.",
  "merge.title": "Merging feedback into {master}",
  "merge.copy": "{file}: {unit}, {tasks} tasks",
  "merge.copyUnmatched": ", {count} not found in the master (not merged)",
  "merge.problem.unit-unknown": "{file}: no unit recognised in the file name, not merged (name it with --unit)",
  "merge.problem.unit-not-in-plan": '{file}: the unit "{unit}" is not in the plan, not merged',
  "merge.problem.no-table": "{file}: no plan table found, not merged",
  "merge.problem.no-status-column": "{file}: no status column, not merged",
  "merge.changes": "{count} cells written:",
  "merge.noChanges": "No cell to write (merged already, or no unit changed anything).",
  "merge.change": '{cell} (row {row}, {unit}): "{old}" -> "{new}"',
  "merge.conflicts": "{count} conflicts (not written; settle them by hand):",
  "merge.conflict.master-changed":
    '{cell} (row {row}): the master now reads "{current}" since the copy was sent; {proposed}',
  "merge.conflict.disagree": "{cell} (row {row}): the units disagree on whether it is done; {proposed}",
  "merge.conflict.merged-cell": "{cell} (row {row}): the status cell is merged over several rows; {proposed}",
  "merge.proposed": '{unit} says "{text}"',
  "merge.proposedSeparator": "; ",
  "merge.wrote": "Merged copy written: {file}",
  "section.comparison": "Compared with the last check ({date})",
  "comparison.newlyDone": "Newly done: {count}",
  "comparison.newlyOverdue": "Newly overdue: {count}",
  "comparison.stillOverdue": "Still overdue: {count}",
  "comparison.added": "Tasks added: {count}",
  "comparison.removed": "Tasks removed: {count}",
  "comparison.task": "row {row} {id}{text}",
  "comparison.periods": " ({periods} checks in a row)",
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
  "role.leader": "Leaders",
  "role.completed": "Completed",
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
  "note.not-written": "No plan table found, so no annotated copy was written: {file}",
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
