/** zh-CN and en-US messages of the rule catalogue (design §4): each names the row, the cell and the fix. */
import type { Language, RuleId } from "../types";
import { formatWith, translator, type Catalogue } from "./format";

const zhCN: Catalogue<RuleId> = {
  "table.not-found":
    "在工作表“{sheet}”的前30行没有找到分工方案的表头。已查找的表头名称：{names}。请确认表头行至少包含单位列（如“牵头单位”“责任单位”）和任务或时限列。",
  "table.no-lead-column":
    "表格既没有“牵头单位”列，单位中也没有“牵头”“配合”等标注：已按惯例把每项第一个单位视为牵头单位。建议增加“牵头单位”列，或写明“××牵头”。",
  "table.merges-unknown":
    "当前 Excel 版本无法读取合并单元格（需要 ExcelApi 1.13）：纵向合并的牵头单位、时限可能只计入第一行。请核对合并单元格所在的任务。",
  "table.empty":
    "第{row}行（{cell}）是表头，但表头下没有读取到任何任务。请在表头下逐行填写任务，或确认选择了分工方案所在的工作表。",
  "table.duplicate-column":
    "第{row}行（{cell}）：表头“{header}”与{firstCell}的“{firstHeader}”是同一类列，本列的内容未读取。请修改表头，或把两列合并为一列。",
  "table.header-repeated":
    "第{row}行（{cell}）重复了第{headerRow}行的表头，已跳过，不计为任务。如果这是另一张表的开始，请把它移到单独的工作表。",
  "table.second-table":
    "第{row}行（{cell}）是另一张表的表头，列与第{headerRow}行的表头不同：只检查了第{firstRow}至{lastRow}行，此行以下未检查。请把第二张表移到单独的工作表后再检查。",
  "lead.missing":
    "第{row}行（{cell}）：该项任务没有牵头单位。请明确一个牵头单位：写入牵头单位列，或在任一单位列写明“××牵头”（如“××牵头，××配合”）。",
  "lead.multiple":
    "第{row}行（{cell}）：该项任务有{count}个牵头单位（{units}）。一项任务宜由一个单位牵头负责，请明确主牵头单位。",
  "lead.collective":
    "第{row}行（{cell}）：牵头单位“{unit}”是集合称谓，没有唯一的责任主体。请明确具体牵头单位，或将其列为责任单位。",
  "lead.implicit":
    "第{row}行（{cell}）：单位未标注牵头或配合，已按“列第一位的为牵头单位”把“{unit}”视为牵头单位。如不对，请写明“××牵头”。",
  "responsible.includes-lead":
    "第{row}行（{cell}）：“{unit}”已是牵头单位，又列为责任单位。请从责任单位中删去（汇总时按牵头计算）。",
  "unit.duplicate": "第{row}行（{cell}）：“{unit}”在同一单元格中重复出现。请删去重复的单位。",
  "unit.alias": "第{row}行（{cell}）：“{written}”已按规范名称“{unit}”统计。建议在表中使用规范名称。",
  "unit.unknown": "第{row}行（{cell}）：“{unit}”不在单位名录“{directory}”中。请核对名称{suggestionText}。",
  "unit.unassigned": "单位名录中的“{unit}”没有承担任何任务。请确认是否遗漏。",
  "task.empty": "第{row}行（{cell}）：有单位或时限，但没有任务内容。请补充任务内容，或删除该行。",
  "task.duplicate-id": "第{row}行（{cell}）：序号“{id}”与第{otherRow}行重复。请核对序号。",
  "deadline.missing": "第{row}行（{cell}）：该项任务没有完成时限。请填写时限（如“2017年12月底前”或“持续推进”）。",
  "deadline.unparsed":
    "第{row}行（{cell}）：无法识别时限“{text}”。请写成日期（如“2017年9月30日”“9月底前”“三季度末”）或“持续推进”“每季度”。",
  "deadline.needs-base":
    "第{row}行（{cell}）：时限“{text}”从文件公布之日起计算，但未设置方案印发日期。请在“设置”中填写“方案印发日期”（命令行用 --published）。",
  "deadline.outside-calendar":
    "第{row}行（{cell}）：时限“{text}”按工作日计算，但日历只收录到{lastYear}年的法定节假日，已按周一至周五计算。请按国务院办公厅公布的节假日安排补充：在工作簿中添加工作表“节假日安排”（“日期”“安排”两列，每个放假日写“休”、每个调休上班日写“班”），命令行也可用 --holidays 文件。",
  "cell.error-value": "第{row}行（{cell}）：单元格是错误值“{text}”。请修正公式或改为文字。",
  "unit.carried":
    "第{row}行（{cell}）：按第{sourceRow}行的统一说明“{note}”，本项任务也计入{units}。如不适用，请在本行写明单位。",
  "deadline.from-task": "第{row}行（{cell}）：时限栏为空，已按任务内容中的“{text}”确定时限。建议把时限填入时限栏。",
};

const enUS: Catalogue<RuleId> = {
  "table.not-found":
    'No plan header found in the first 30 rows of "{sheet}". Header names looked for: {names}. Make sure the header row has a unit column (e.g. Lead unit, Responsible) and a task or deadline column.',
  "table.no-lead-column":
    'The table has no lead column and its unit cells carry no role words (牵头 / 配合): the first unit of each task was taken as its lead. Add a lead column, or write "X牵头".',
  "table.merges-unknown":
    "This Excel version cannot read merged cells (ExcelApi 1.13 is needed): a lead or deadline merged over several rows may count for its first row only. Check tasks with merged cells.",
  "table.empty":
    "Row {row} ({cell}) is the header, but no task was read below it. Add the tasks below the header, or make sure this is the sheet that holds the plan.",
  "table.duplicate-column":
    'Row {row} ({cell}): the header "{header}" names the same kind of column as "{firstHeader}" in {firstCell}, so this column was not read. Rename the header, or merge the two columns into one.',
  "table.header-repeated":
    "Row {row} ({cell}) repeats the header of row {headerRow}: skipped, not counted as a task. If another table starts here, move it to a sheet of its own.",
  "table.second-table":
    "Row {row} ({cell}) is the header of another table, with other columns than the header in row {headerRow}: only rows {firstRow} to {lastRow} were checked, nothing below this row. Move the second table to a sheet of its own and check it there.",
  "lead.missing":
    'Row {row} ({cell}): the task has no lead unit. Name one lead unit: in the lead column, or marked "X牵头" in any unit column (e.g. "X牵头，Y配合").',
  "lead.multiple":
    "Row {row} ({cell}): the task has {count} lead units ({units}). One unit should lead each task: name the main lead.",
  "lead.collective":
    'Row {row} ({cell}): the lead "{unit}" is a collective, with no single accountable unit. Name a specific lead, or list it as responsible.',
  "lead.implicit":
    'Row {row} ({cell}): no role is marked, so "{unit}", listed first, was taken as the lead. If that is wrong, write "X牵头".',
  "responsible.includes-lead":
    'Row {row} ({cell}): "{unit}" leads this task and is also listed as responsible. Remove it from the responsible units (totals count it as lead).',
  "unit.duplicate": 'Row {row} ({cell}): "{unit}" appears twice in the same cell. Remove the duplicate.',
  "unit.alias": 'Row {row} ({cell}): "{written}" was counted as its standard name "{unit}". Prefer the standard name.',
  "unit.unknown":
    'Row {row} ({cell}): "{unit}" is not in the unit directory "{directory}". Check the name{suggestionText}.',
  "unit.unassigned": '"{unit}" in the unit directory has no task. Check whether a task is missing.',
  "task.empty": "Row {row} ({cell}): units or a deadline but no task text. Add the task, or delete the row.",
  "task.duplicate-id": 'Row {row} ({cell}): number "{id}" is also used in row {otherRow}. Check the numbering.',
  "deadline.missing":
    'Row {row} ({cell}): the task has no deadline. Add one (e.g. "2017-12-31", "9月底前" or "持续推进").',
  "deadline.unparsed":
    'Row {row} ({cell}): the deadline "{text}" was not understood. Write a date ("2017-09-30", "9月底前", "三季度末") or "持续推进", "每季度".',
  "deadline.needs-base":
    'Row {row} ({cell}): the deadline "{text}" counts from the publication date, which is not set. Fill in "Publication date" in Settings (--published on the command line).',
  "deadline.outside-calendar":
    'Row {row} ({cell}): the deadline "{text}" counts working days, but the holiday calendar ends in {lastYear}; Monday-Friday was used. Add the official holiday schedule: a sheet named "Holidays" (or 节假日安排) with the columns Date and Type, one row per date, "休" for a day off and "班" for an adjusted working day; on the command line, --holidays FILE.',
  "cell.error-value": 'Row {row} ({cell}): the cell holds the error value "{text}". Fix the formula or type the text.',
  "unit.carried":
    'Row {row} ({cell}): by the standing instruction in row {sourceRow} ("{note}"), this task also counts {units}. If it does not apply, name the units in this row.',
  "deadline.from-task":
    'Row {row} ({cell}): the deadline cell is empty, so the deadline was read from the task text: "{text}". Consider putting it in the deadline column.',
};

const catalogues: Record<Language, Catalogue<RuleId>> = { "zh-CN": zhCN, "en-US": enUS };

export const findingText = translator<RuleId>(catalogues);

/** A finding's message with the values given by a function (formatWith). */
export const findingTextWith = (
  language: Language,
  rule: RuleId,
  value: (name: string) => string | number | null | undefined,
): string => formatWith(catalogues[language][rule], value);

/** The " (did you mean X?)" part of unit.unknown. */
export const suggestionText = (language: "zh-CN" | "en-US", suggestion: string | null): string =>
  suggestion ? (language === "zh-CN" ? `，是否为“${suggestion}”` : ` (did you mean "${suggestion}"?)`) : "";
