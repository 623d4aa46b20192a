/**
 * Words that give a deadline without a date, on the canonical text (normalize.ts), and the small
 * patterns that connect or qualify date expressions.
 */

/** Recurring: 每季度, 每月25日前, 定期, 按月, 月底前 / 季度末 with no month or quarter named,
 * quarterly, every month … */
export const RECURRING =
  /(?<![0-9本当次上下])(?:月(?:底|末)|季度?(?:底|末))|每个?(?:\d+个?)?(?:年|季度?|半年|月|旬|周|星期|日|天|工作日|两个?月|双月)|定期|按期|按(?:年|季度?|半年|月|周|旬)|逐(?:年|季|月|周)|季报|月报|周报|双月|(?<![a-z])(?:quarterly|monthly|annually|yearly|weekly|biweekly|bimonthly|daily|semi-?annually|periodically|regularly|every|each\s(?:year|quarter|month|week))(?![a-z])/;

/** Ongoing: 持续推进, 长期坚持, 常态化, ongoing … */
export const ONGOING =
  /持续|长期|常态化|经常性|长效|常年|不间断|常抓不懈|久久为功|逐步推进|动态(?:调整|更新|管理|完善)|坚持|随时|(?<![a-z])(?:ongoing|on-going|continuous(?:ly)?|continuing|continual(?:ly)?|long[- ]?term|permanent(?:ly)?|throughout)(?![a-z])/;

/** Clause separators: dates in different clauses are separate targets ("7月底前（省直）、9月底前（州市）").
 * A comma between two digits ("july 31, 2017") separates nothing. */
export const CLAUSE_SEPARATOR = /[;、。\n]|(?<![0-9]),|,(?!\s?[0-9])|\bthen\b|\band\b/;

/** Between two date expressions, a range connector makes the first one the start of a period
 * ("2017年6月-12月", "7月底至9月底"): the period's end is the deadline. */
export const RANGE_GAP = /^(?:份|底|末|终)?(?:至|到|-|—|–|―|~|to|until|till|through)$/;

/** After a date expression, these make it a starting point ("2017年7月1日起", "自7月以后"), not a deadline. */
export const START_AFTER = /^(?:份|底|末|终|日|号)?(?:起|开始|以来|以后|之后|后|\s?onwards?)/;

/** Placeholders that mean "no deadline": —, /, 无, 暂无, n/a, none. */
export const PLACEHOLDER = /^(?:[-—–―~_/\\.·…*]+|无|暂无|n\/a|none|nil)$/;
