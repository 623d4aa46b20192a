/**
 * `fengong check <file...>`: parse arguments, read files, run the shared use cases (src/app) on the .xlsx
 * port (src/xlsx), print for people or as JSON, write the annotated copy. Never throws: returns the exit
 * code (0 no error findings, 1 error findings, 2 unusable input or usage).
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { isatty } from "node:tty";
import packageJson from "../../package.json";
import { annotate } from "../app/actions";
import { check } from "../app/check";
import { combineReports } from "../app/combine";
import { noteFiles, unitNotes, type NoteFile } from "../app/documents";
import { UserError, toUserError, type UserErrorCode } from "../app/errors";
import { assessUnits, type Assessment } from "../core/assessment";
import type { CalendarAdjustments, Language, Report } from "../core/types";
import {
  UsageError,
  environmentLanguage,
  parseCommand,
  type CheckCommand,
  type MergeCommand,
  type NotesCommand,
} from "./args";
import { mergeFiles, mergeJsonText, outIsAnInput, renderMerge } from "./merge";
import { readHistory } from "../app/history";
import { recordOf, type HistoryRecord } from "../core/history";
import { todayIso } from "../core/dates";
import { stat } from "node:fs/promises";
import { colourWanted, createPaint } from "./color";
import { FdWriter } from "./fdWriter";
import { isReadOnlyFile, isSameFile, openWorkbook, writeOutput } from "./files";
import { readHolidaysFile } from "./holidays";
import { notesJson, writeJsonOutput } from "./json";
import { otherPlanSheets } from "./otherPlans";
import { cliText } from "./messages";
import { renderCombined, renderReport } from "./render";
import { installNodeZip } from "./nodeZip";
import { terminalText } from "./terminalText";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** stdout is a terminal (colour allowed). */
  isTTY: boolean;
}

const DEFAULT_DUE_SOON_DAYS = 7;

function processIo(): CliIo {
  const isTTY = isatty(1);
  return {
    // Not a terminal (a file, a pipe): written straight to the descriptor (fdWriter.ts says why).
    stdout: isTTY ? terminalStdout() : new FdWriter(1).write,
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    isTTY,
  };
}

function terminalStdout(): (text: string) => void {
  // A closed pipe (fengong check … | head) is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  return (text) => void process.stdout.write(text);
}

/** Unusable-input messages that do not name the file get it in front. */
const NAMES_FILE: ReadonlySet<UserErrorCode> = new Set([
  "file.missing",
  "file.is-folder",
  "file.not-workbook",
  "file.encrypted",
  "file.empty",
  "file.write-failed",
  "file.too-large",
  "file.zip-bomb",
  "file.too-many-rows",
  "file.too-many-columns",
  "file.shared-strings-too-large",
]);

function errorLine(file: string | null, error: UserError, language: Language): string {
  const message = error.messageIn(language).replace(/\s*\n\s*/g, " ");
  return `fengong: ${file && !NAMES_FILE.has(error.code) ? `${file}: ` : ""}${message}\n`;
}

interface Checked {
  file: string;
  report: Report;
  dueSoonDays: number;
  /** Scores and ranking with the workbook's weights. */
  assessment: Assessment;
  /** Other sheets that hold a plan table (not checked). */
  otherPlans: string[];
}

/** Check one file (and write the annotated copy). Unusable input throws a UserError. */
async function checkFile(
  file: string,
  command: CheckCommand,
  errorLanguage: Language,
  calendar: CalendarAdjustments | undefined,
): Promise<Checked> {
  const options = {
    calendar,
    asOf: command.asOf,
    published: command.published,
    dueSoonDays: command.dueSoonDays,
    language: command.language,
    sheet: command.sheet,
  };
  const since = command.since ? await sinceRecords(command.since, options) : undefined;
  // The package is read straight into grids (no exceljs); only --out changes it.
  const port = await openWorkbook(file);
  const report = await check(port, { ...options, since });
  const otherPlans = report.table ? otherPlanSheets(port, report.table.sheet) : [];
  // No plan table is still a report (its error table.not-found gives exit 1); there is nothing to annotate.
  if (command.out && report.table && port instanceof XlsxWorkbook) {
    await annotate(port, report);
    await writeOutput(command.out, await port.toBuffer(), errorLanguage);
  }
  const settings = await port.readSettings();
  return {
    file,
    report,
    dueSoonDays: command.dueSoonDays ?? settings.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    assessment: assessUnits(report, settings.assessment),
    otherPlans,
  };
}

/**
 * The records an earlier copy of the plan gives (--since): its own check records when it has any (an annotated
 * copy), else one record of it checked as of the day the file was last saved.
 */
async function sinceRecords(
  file: string,
  options: { language?: Language; published?: string; dueSoonDays?: number },
): Promise<HistoryRecord[]> {
  const port = await openWorkbook(file);
  const records = await readHistory(port);
  if (records.length > 0) return records;
  const saved = (await stat(file)).mtime;
  const report = await check(port, { ...options, asOf: todayIso(saved), since: [] });
  if (!report.table) throw new UserError("plan.not-found", { sheet: file });
  return [recordOf(report, saved.toISOString())];
}

async function runMerge(command: MergeCommand, io: CliIo, errorLanguage: Language): Promise<number> {
  const input = await outIsAnInput(command);
  if (input !== null) {
    io.stderr(`fengong: ${cliText(errorLanguage, "usage.out-is-input", { file: input })}\n`);
    return 2;
  }
  const { plan, language } = await mergeFiles(command, errorLanguage);
  if (command.json) io.stdout(mergeJsonText(command.master, command.out, plan) + "\n");
  else io.stdout(renderMerge(language, command.master, command.out, plan));
  // Copies that could not be merged are unusable input; conflicts are findings for the user.
  if (plan.copies.some((copy) => copy.problem !== null)) return 2;
  return plan.conflicts.length > 0 ? 1 : 0;
}

/** "Checked sheet X; Y and Z hold plans too: --sheet to check one." */
function otherPlansNote(checked: Checked, language: Language): string {
  const quote = (name: string) => (language === "zh-CN" ? `“${name}”` : `"${name}"`);
  return cliText(language, "note.other-plans", {
    sheet: quote(checked.report.table?.sheet ?? ""),
    others: checked.otherPlans.map(quote).join(language === "zh-CN" ? "、" : ", "),
    example: `--sheet ${JSON.stringify(checked.otherPlans[0])}`,
  });
}

async function runCheck(command: CheckCommand, io: CliIo, errorLanguage: Language): Promise<number> {
  if (command.out) {
    for (const file of command.files) {
      if (await isSameFile(command.out, file)) {
        io.stderr(`fengong: ${cliText(errorLanguage, "usage.out-is-input", { file })}\n`);
        return 2;
      }
    }
    if (!command.overwrite && (await isReadOnlyFile(command.out))) {
      io.stderr(`fengong: ${cliText(errorLanguage, "usage.out-read-only", { file: command.out })}\n`);
      return 2;
    }
  }
  let calendar: CalendarAdjustments | undefined;
  if (command.holidays) {
    const schedule = await readHolidaysFile(command.holidays);
    if (!schedule) {
      io.stderr(`fengong: ${cliText(errorLanguage, "holidays.none", { file: command.holidays })}\n`);
      return 2;
    }
    if (schedule.unreadRows.length > 0) {
      const rows = schedule.unreadRows.slice(0, 10).join(cliText(errorLanguage, "label.listSeparator"));
      io.stderr(`fengong: ${cliText(errorLanguage, "holidays.unread", { file: command.holidays, rows })}\n`);
    }
    calendar = { holidays: schedule.holidays, workdays: schedule.workdays };
  }
  const paint = createPaint(colourWanted(io.isTTY, io.env));
  const checked: Checked[] = [];
  let unusable = 0;
  for (const file of command.files) {
    let result: Checked;
    try {
      result = await checkFile(file, command, errorLanguage, calendar);
    } catch (error) {
      unusable++;
      io.stderr(errorLine(file, toUserError(error), errorLanguage));
      continue;
    }
    checked.push(result);
    if (!command.json) {
      const language = command.language ?? result.report.language;
      if (checked.length > 1) io.stdout("\n");
      io.stdout(renderReport(file, result.report, { language, dueSoonDays: result.dueSoonDays, paint }));
      if (result.otherPlans.length > 0) io.stdout(`\n${otherPlansNote(result, language)}\n`);
      if (command.out)
        io.stdout(
          `\n${cliText(language, result.report.table ? "note.wrote" : "note.not-written", { file: terminalText(command.out) })}\n`,
        );
    }
  }
  const several = command.files.length > 1;
  const combined = several ? combineReports(checked.map((c) => c.report)) : null;
  if (command.json) {
    // Written in pieces: no string of the whole output (tens of MB on a big plan).
    if (checked.length > 0 || several) {
      writeJsonOutput(checked, combined, io.isTTY, io.stdout);
      io.stdout("\n");
    }
  } else if (combined && checked.length > 0) {
    const language = command.language ?? checked[0].report.language;
    io.stdout(
      "\n" + renderCombined(checked.length, combined, { language, dueSoonDays: checked[0].dueSoonDays, paint }),
    );
  }
  if (unusable > 0) return 2;
  return checked.some((c) => c.report.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

/** `fengong notes`: the reminders as text, or as Word files in --out-dir with the circular. */
async function runNotes(command: NotesCommand, io: CliIo, errorLanguage: Language): Promise<number> {
  let port;
  try {
    port = await openWorkbook(command.file);
  } catch (error) {
    io.stderr(errorLine(command.file, toUserError(error), errorLanguage));
    return 2;
  }
  const report = await check(port, {
    asOf: command.asOf,
    published: command.published,
    dueSoonDays: command.dueSoonDays,
    language: command.language,
    sheet: command.sheet,
  });
  if (!report.table) {
    const notFound = report.findings.find((finding) => finding.rule === "table.not-found");
    const error = new UserError("plan.not-found", { sheet: notFound?.sheet || command.sheet || "" });
    io.stderr(errorLine(command.file, error, errorLanguage));
    return 2;
  }
  const settings = await port.readSettings();
  const assessment = assessUnits(report, settings.assessment);
  const options = {
    feedbackDate: command.feedback ?? settings.feedbackDate ?? null,
    assessment: command.yearEnd ? assessment : null,
  };
  const language = report.language;
  const notes = unitNotes(report, options);
  const exit = report.findings.some((f) => f.severity === "error") ? 1 : 0;
  let written: NoteFile[] = [];
  if (command.outDir) {
    const files = await noteFiles(report, options);
    try {
      await mkdir(command.outDir, { recursive: true });
    } catch (error) {
      const detail = (error as Error).message;
      io.stderr(`fengong: ${cliText(errorLanguage, "notes.badDir", { dir: command.outDir, detail })}\n`);
      return 2;
    }
    for (const file of files) {
      try {
        await writeOutput(join(command.outDir, file.name), file.bytes, errorLanguage);
      } catch (error) {
        io.stderr(errorLine(null, toUserError(error), errorLanguage));
        return 2;
      }
    }
    written = files;
  }
  if (command.json) {
    io.stdout(notesJson(command.file, report, notes, written, assessment, io.isTTY) + "\n");
    return exit;
  }
  if (command.outDir) {
    const lines = [cliText(language, "notes.wrote", { dir: command.outDir, count: written.length })];
    const byUnit = new Map(notes.map((note) => [note.unit, note]));
    for (const file of written) {
      const note = file.unit !== null ? byUnit.get(file.unit) : undefined;
      lines.push(
        note
          ? cliText(language, "notes.fileUnit", {
              file: file.name,
              unit: note.unit,
              overdue: note.reminder.overdue,
              dueSoon: note.reminder.dueSoon,
            })
          : cliText(language, "notes.file", { file: file.name }),
      );
    }
    io.stdout(lines.join("\n") + "\n");
  } else if (notes.length === 0) {
    io.stdout(cliText(language, "notes.none", { date: report.asOf }) + "\n");
  } else {
    io.stdout(notes.map((note) => note.text).join(`\n\n${cliText(language, "notes.separator")}\n\n`) + "\n");
  }
  return exit;
}

export async function main(argv: string[], given: CliIo = processIo()): Promise<number> {
  // Messages on stderr quote file names, sheet names and option values: never a control character from them.
  const io: CliIo = { ...given, stderr: (text) => given.stderr(terminalText(text)) };
  installNodeZip();
  const language = environmentLanguage(argv, io.env);
  try {
    let command;
    try {
      command = parseCommand(argv);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`fengong: ${cliText(language, error.key, error.params)} ${cliText(language, "usage.hint")}\n`);
      return 2;
    }
    if (command.kind === "help") {
      io.stdout(cliText(language, "help") + "\n");
      return 0;
    }
    if (command.kind === "version") {
      io.stdout(`${packageJson.version}\n`);
      return 0;
    }
    if (command.kind === "notes") return await runNotes(command, io, language);
    if (command.kind === "merge") return await runMerge(command, io, language);
    return await runCheck(command, io, language);
  } catch (error) {
    io.stderr(errorLine(null, toUserError(error), language));
    if (io.env.FENGONG_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack + "\n");
    return 2;
  }
}
