/**
 * `fengong check <file...>`: parse arguments, read files, run the shared use cases (src/app) on the .xlsx
 * port (src/xlsx), print for people or as JSON, write the annotated copy. Never throws: returns the exit
 * code (0 no error findings, 1 error findings, 2 unusable input or usage).
 */
import packageJson from "../../package.json";
import { annotate } from "../app/actions";
import { check } from "../app/check";
import { combineReports } from "../app/combine";
import { UserError, toUserError, type UserErrorCode } from "../app/errors";
import type { Language, Report } from "../core/types";
import { UsageError, environmentLanguage, parseCommand, type CheckCommand } from "./args";
import { colourWanted, createPaint } from "./color";
import { isSameFile, openWorkbook, writeOutput } from "./files";
import { jsonOutput } from "./json";
import { otherPlanSheets } from "./otherPlans";
import { cliText } from "./messages";
import { renderCombined, renderReport } from "./render";
import { installNodeZip } from "./nodeZip";
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
  // A closed pipe (fengong check … | head) is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** Unusable-input messages that do not name the file get it in front. */
const NAMES_FILE: ReadonlySet<UserErrorCode> = new Set([
  "file.missing",
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
  /** Other sheets that hold a plan table (not checked). */
  otherPlans: string[];
}

/** Check one file (and write the annotated copy). Unusable input throws a UserError. */
async function checkFile(file: string, command: CheckCommand, errorLanguage: Language): Promise<Checked> {
  const options = {
    asOf: command.asOf,
    published: command.published,
    dueSoonDays: command.dueSoonDays,
    language: command.language,
    sheet: command.sheet,
  };
  // The package is read straight into grids (no exceljs); only --out changes it.
  const port = await openWorkbook(file);
  const report = await check(port, options);
  if (!report.table) {
    const notFound = report.findings.find((finding) => finding.rule === "table.not-found");
    throw new UserError("plan.not-found", { sheet: notFound?.sheet || command.sheet || "" });
  }
  const otherPlans = report.table ? otherPlanSheets(port, report.table.sheet) : [];
  if (command.out && port instanceof XlsxWorkbook) {
    await annotate(port, report);
    await writeOutput(command.out, await port.toBuffer(), errorLanguage);
  }
  const settings = await port.readSettings();
  return {
    file,
    report,
    dueSoonDays: command.dueSoonDays ?? settings.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    otherPlans,
  };
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
  }
  const paint = createPaint(colourWanted(io.isTTY, io.env));
  const checked: Checked[] = [];
  let unusable = 0;
  for (const file of command.files) {
    let result: Checked;
    try {
      result = await checkFile(file, command, errorLanguage);
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
      if (command.out) io.stdout(`\n${cliText(language, "note.wrote", { file: command.out })}\n`);
    }
  }
  const several = command.files.length > 1;
  const combined = several ? combineReports(checked.map((c) => c.report)) : null;
  if (command.json) {
    if (checked.length > 0 || several) io.stdout(jsonOutput(checked, combined, io.isTTY) + "\n");
  } else if (combined && checked.length > 0) {
    const language = command.language ?? checked[0].report.language;
    io.stdout(
      "\n" + renderCombined(checked.length, combined, { language, dueSoonDays: checked[0].dueSoonDays, paint }),
    );
  }
  if (unusable > 0) return 2;
  return checked.some((c) => c.report.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
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
    return await runCheck(command, io, language);
  } catch (error) {
    io.stderr(errorLine(null, toUserError(error), language));
    if (io.env.FENGONG_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack + "\n");
    return 2;
  }
}
