/**
 * One function per user action, shared by the ribbon (src/commands), the task pane and the CLI.
 * Each reads the workbook afresh (co-authors may have changed it) and writes only what we own.
 */
import type { Report } from "../core/types";
import { check, checkWorkbook, type CheckOptions } from "./check";
import { clearHighlights, highlight } from "./highlight";
import { planFingerprint } from "./planChange";
import type { HighlightPlan, WorkbookPort } from "./port";
import { writeFindings, writeTotals } from "./reportSheets";

export interface ActionResult {
  action: "check" | "highlight" | "totals" | "clear";
  report: Report | null;
  highlights: HighlightPlan | null;
  /** Sheets written by this action. */
  wroteSheets: string[];
  /** Fingerprint of the plan table as read by this action (planChange.ts), to tell later whether it changed. */
  fingerprint?: string | null;
}

/** Check: read, analyse, highlight, write the findings sheet. Nothing is written when no plan is found. */
export async function checkPlan(port: WorkbookPort, options: CheckOptions = {}): Promise<ActionResult> {
  const { report, grids } = await checkWorkbook(port, options);
  if (!report.table) return { action: "check", report, highlights: null, wroteSheets: [] };
  const highlights = await highlight(port, report, grids);
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
export async function highlightOverdue(port: WorkbookPort, options: CheckOptions = {}): Promise<ActionResult> {
  const { report, grids } = await checkWorkbook(port, options);
  if (!report.table) return { action: "highlight", report, highlights: null, wroteSheets: [] };
  const highlights = await highlight(port, report, grids);
  return { action: "highlight", report, highlights, wroteSheets: [], fingerprint: planFingerprint(report, grids) };
}

/** Totals by unit: read, analyse, write the totals sheet. */
export async function totalsByUnit(port: WorkbookPort, options: CheckOptions = {}): Promise<ActionResult> {
  const report = await check(port, options);
  if (!report.table) return { action: "totals", report, highlights: null, wroteSheets: [] };
  const sheet = await writeTotals(port, report);
  return { action: "totals", report, highlights: null, wroteSheets: [sheet.name] };
}

/** Clear highlights: remove our rules and names, nothing else. */
export async function clearOwnedHighlights(port: WorkbookPort): Promise<ActionResult> {
  await clearHighlights(port);
  return { action: "clear", report: null, highlights: null, wroteSheets: [] };
}

/** Annotate a copy (CLI --out, standalone download): highlights and both report sheets. */
export async function annotate(port: WorkbookPort, report: Report): Promise<ActionResult> {
  if (!report.table) return { action: "check", report, highlights: null, wroteSheets: [] };
  const highlights = await highlight(port, report);
  const findings = await writeFindings(port, report);
  const totals = await writeTotals(port, report);
  return { action: "check", report, highlights, wroteSheets: [findings.name, totals.name] };
}
