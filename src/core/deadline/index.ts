/** The deadline reader: see design.md §3 "Deadlines". */
export type { DeadlineContext, ParsedDeadline } from "./types";
export { parseDeadline, looksLikeDeadline, MAX_DEADLINE_TEXT } from "./parse";
export { findPlanYear } from "./planYear";
export { taskTextDeadline } from "./taskText";
export { normalizeDeadlineText } from "./normalize";
export { isDateNumberFormat, isGeneralNumberFormat } from "./numberFormat";
export { MIN_DEADLINE_YEAR, MAX_DEADLINE_YEAR } from "./resolve";
