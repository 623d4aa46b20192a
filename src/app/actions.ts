/**
 * One function per user action, shared by the ribbon (src/commands), the task pane and the CLI.
 * Each reads the workbook afresh (co-authors may have changed it) and writes only what we own.
 */
import { assessUnits, type CompletedOn } from "../core/assessment";
import type { Report } from "../core/types";
import { check, checkWorkbook, type Analyzer, type CheckOptions } from "./check";
import { clearHighlights, highlight } from "./highlight";
import { completionDatesFrom, readHistory, recordHistory } from "./history";
import { planFingerprint } from "./planChange";
import type { HighlightPlan, WorkbookPort } from "./port";
import { writeAssessment, writeFindings, writeTotals } from "./reportSheets";

export interface ActionResult {
  action: "check" | "highlight" | "totals" | "clear" | "assessment";
  report: Report | null;
  highlights: HighlightPlan | null;
  /** Sheets written by this action. */
  wroteSheets: string[];
  /** Fingerprint of the plan table as read by this action (planChange.ts), to tell later whether it changed. */
  fingerprint?: string | null;
}

/** Check: read, analyse, highlight, write the findings sheet. Nothing is written when no plan is found. */
export async function checkPlan(
  port: WorkbookPort,
  options: CheckOptions = {},
  analyzer?: Analyzer,
): Promise<ActionResult> {
  const { report, grids } = await checkWorkbook(port, options, analyzer);
  if (!report.table) return { action: "check", report, highlights: null, wroteSheets: [] };
  const highlights = await highlight(port, report, grids);
  // Before the report sheet: ours stay in one order when the report sheet is replaced (added last) next time.
  await recordHistory(port, report);
  const sheet = await writeFindings(port, report);
  return {
    action: "check",
    report,
    highlights,
    wroteSheets: [sheet.name],
    fingerprint: planFingerprint(report, grids),
  };
}

/** Highlight overdue: read, analyse, replace our highlights only. */
export async function highlightOverdue(
  port: WorkbookPort,
  options: CheckOptions = {},
  analyzer?: Analyzer,
): Promise<ActionResult> {
  const { report, grids } = await checkWorkbook(port, options, analyzer);
  if (!report.table) return { action: "highlight", report, highlights: null, wroteSheets: [] };
  const highlights = await highlight(port, report, grids);
  return { action: "highlight", report, highlights, wroteSheets: [], fingerprint: planFingerprint(report, grids) };
}

/** Totals by unit: read, analyse, write the totals sheet. */
export async function totalsByUnit(
  port: WorkbookPort,
  options: CheckOptions = {},
  analyzer?: Analyzer,
): Promise<ActionResult> {
  const report = await check(port, options, analyzer);
  if (!report.table) return { action: "totals", report, highlights: null, wroteSheets: [] };
  const sheet = await writeTotals(port, report);
  return { action: "totals", report, highlights: null, wroteSheets: [sheet.name] };
}

/** Assessment: read, analyse, write the 考核评分 sheet with the workbook's weights (Excel: the pane's Follow-up tab). */
export async function writeAssessmentSheet(
  port: WorkbookPort,
  options: CheckOptions = {},
  completedOn?: CompletedOn,
): Promise<ActionResult> {
  const report = await check(port, options);
  if (!report.table) return { action: "assessment", report, highlights: null, wroteSheets: [] };
  const settings = await port.readSettings();
  const dates = completedOn ?? completionDatesFrom(report, await readHistory(port));
  const sheet = await writeAssessment(port, report, assessUnits(report, settings.assessment, dates));
  return { action: "assessment", report, highlights: null, wroteSheets: [sheet.name] };
}

/** Clear highlights: remove our rules and names, nothing else. */
export async function clearOwnedHighlights(port: WorkbookPort): Promise<ActionResult> {
  await clearHighlights(port);
  return { action: "clear", report: null, highlights: null, wroteSheets: [] };
}

/** Annotate a copy (CLI --out, standalone download): highlights and the report sheets (findings, totals, and the
 * assessment with the workbook's weights). `completedOn` gives the dates tasks were done, from the history of checks. */
export async function annotate(port: WorkbookPort, report: Report, completedOn?: CompletedOn): Promise<ActionResult> {
  if (!report.table) return { action: "check", report, highlights: null, wroteSheets: [] };
  const highlights = await highlight(port, report);
  const records = await recordHistory(port, report);
  const findings = await writeFindings(port, report);
  const totals = await writeTotals(port, report);
  const settings = await port.readSettings();
  const dates = completedOn ?? completionDatesFrom(report, records ?? []);
  const assessment = await writeAssessment(port, report, assessUnits(report, settings.assessment, dates));
  return { action: "check", report, highlights, wroteSheets: [findings.name, totals.name, assessment.name] };
}
