/**
 * `fengong merge MASTER FEEDBACK… --out MERGED.xlsx [--unit UNIT…] [--json]`: the units' returned copies merged
 * into a copy of the master (src/app/merge.ts); the master itself is never changed.
 */
import { applyFeedbackMerge, planFeedbackMerge, type FeedbackSource } from "../app/merge";
import { cellAddress } from "../core/address";
import type { MergeConflict, MergePlan } from "../core/merge";
import type { Language } from "../core/types";
import type { MergeCommand } from "./args";
import { isSameFile, openWorkbook, writeOutput } from "./files";
import { cliText } from "./messages";
import { truncate } from "./width";

/** Printed texts of cells: one line, control characters dropped, long texts cut. */
const shown = (text: string): string =>
  truncate(
    text
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, "")
      .replace(/\s+/g, " ")
      .trim(),
    60,
  );

const CHANGE_KEYS = ["row", "column", "old", "new", "unit"];
const CONFLICT_KEYS = ["row", "column", "kind", "current", "proposed", "unit", "text", "file", "id"];
const COPY_KEYS = ["file", "unit", "problem", "tasks", "unmatched", "row", "id", "text"];

/** The --json of merge (documented in docs/cli.md). */
export function mergeJsonText(master: string, out: string, plan: MergePlan): string {
  return (
    `{"master":${JSON.stringify(master)},"out":${JSON.stringify(out)},"sheet":${JSON.stringify(plan.sheet)},` +
    `"changes":${JSON.stringify(plan.changes, CHANGE_KEYS)},` +
    `"conflicts":${JSON.stringify(plan.conflicts, CONFLICT_KEYS)},` +
    `"copies":${JSON.stringify(plan.copies, COPY_KEYS)}}`
  );
}

function conflictLine(lang: Language, conflict: MergeConflict): string {
  const proposed = conflict.proposed
    .map((p) => cliText(lang, "merge.proposed", { unit: p.unit, text: shown(p.text) }))
    .join(cliText(lang, "merge.proposedSeparator"));
  return cliText(lang, `merge.conflict.${conflict.kind}`, {
    cell: `${conflict.column}${conflict.row}`,
    row: conflict.row,
    current: shown(conflict.current),
    proposed,
  });
}

export function renderMerge(lang: Language, master: string, out: string, plan: MergePlan): string {
  const lines = [cliText(lang, "merge.title", { master })];
  for (const copy of plan.copies) {
    if (copy.problem) {
      lines.push("  " + cliText(lang, `merge.problem.${copy.problem}`, { file: copy.file, unit: copy.unit ?? "" }));
      continue;
    }
    let line = cliText(lang, "merge.copy", { file: copy.file, unit: copy.unit ?? "", tasks: copy.tasks });
    if (copy.unmatched.length > 0) line += cliText(lang, "merge.copyUnmatched", { count: copy.unmatched.length });
    lines.push("  " + line);
  }
  lines.push("");
  if (plan.changes.length === 0) lines.push(cliText(lang, "merge.noChanges"));
  else {
    lines.push(cliText(lang, "merge.changes", { count: plan.changes.length }));
    for (const change of plan.changes) {
      lines.push(
        "  " +
          cliText(lang, "merge.change", {
            cell: cellAddress(change.row, plan.statusColumn),
            row: change.row,
            unit: change.unit,
            old: shown(change.old),
            new: shown(change.new),
          }),
      );
    }
  }
  if (plan.conflicts.length > 0) {
    lines.push("", cliText(lang, "merge.conflicts", { count: plan.conflicts.length }));
    for (const conflict of plan.conflicts) lines.push("  " + conflictLine(lang, conflict));
  }
  lines.push("", cliText(lang, "merge.wrote", { file: out }));
  return lines.join("\n") + "\n";
}

export interface MergeRun {
  plan: MergePlan;
  language: Language;
}

/** Plan the merge, write the merged copy. Unusable input throws a UserError; `out` equal to an input is refused by the caller. */
export async function mergeFiles(command: MergeCommand, errorLanguage: Language): Promise<MergeRun> {
  const master = await openWorkbook(command.master);
  const feedback: FeedbackSource[] = [];
  for (const [index, file] of command.feedback.entries()) {
    feedback.push({ name: file, port: await openWorkbook(file), unit: command.units?.[index] ?? null });
  }
  const options = { asOf: command.asOf, language: command.language, sheet: command.sheet };
  const { plan, master: report } = await planFeedbackMerge(master, feedback, options);
  await applyFeedbackMerge(master, plan, options);
  await writeOutput(command.out, await master.toBuffer(), errorLanguage);
  return { plan, language: command.language ?? report.language };
}

/** The files the merged copy must not overwrite. */
export async function outIsAnInput(command: MergeCommand): Promise<string | null> {
  for (const file of [command.master, ...command.feedback]) if (await isSameFile(command.out, file)) return file;
  return null;
}
