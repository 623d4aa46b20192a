/** Command-line arguments -> a command, or a usage error naming what is wrong (node:util parseArgs). */
import { parseArgs } from "node:util";
import { normalizeLanguage } from "../core/i18n/format";
import type { Language } from "../core/types";
import type { CliTextKey } from "./messages";
import { normalizeDateInput } from "../core/dates";

export interface CheckCommand {
  kind: "check";
  files: string[];
  sheet?: string;
  asOf?: string;
  published?: string;
  dueSoonDays?: number;
  language?: Language;
  json: boolean;
  out?: string;
  /** --overwrite: --out may replace a read-only file. */
  overwrite?: boolean;
  /** --holidays FILE: the official holiday schedule (.xlsx or .csv), for years the built-in calendar lacks. */
  holidays?: string;
  /** An earlier copy of the plan to compare with, instead of the workbook's own history. */
  since?: string;
}

/** `fengong notes PLAN.xlsx`: the reminders of late units and the circular; as .docx files with --out-dir. */
export interface NotesCommand {
  kind: "notes";
  file: string;
  sheet?: string;
  asOf?: string;
  published?: string;
  dueSoonDays?: number;
  language?: Language;
  json: boolean;
  /** Folder for <unit>.docx and 通报.docx; without it the reminders are printed as text. */
  outDir?: string;
  /** The date units report back by (overrides the workbook's setting). */
  feedback?: string;
  /** Add the year-end assessment (ranking and lists) to the circular. */
  yearEnd: boolean;
}

/** `fengong merge MASTER FEEDBACK… --out MERGED.xlsx`: the units' returned copies merged into the master. */
export interface MergeCommand {
  kind: "merge";
  master: string;
  feedback: string[];
  out: string;
  /** The unit of each feedback file, in order (else taken from the file names). */
  units?: string[];
  sheet?: string;
  asOf?: string;
  language?: Language;
  json: boolean;
}

export type Command = CheckCommand | NotesCommand | MergeCommand | { kind: "help" } | { kind: "version" };

/** A usage error: a catalogue key and its parameters (translated by main, in the user's language). */
export class UsageError extends Error {
  constructor(
    readonly key: CliTextKey,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
    this.name = "UsageError";
  }
}

const OPTIONS = {
  "sheet": { type: "string" },
  "as-of": { type: "string" },
  "published": { type: "string" },
  "due-soon": { type: "string" },
  "lang": { type: "string" },
  "json": { type: "boolean" },
  "out": { type: "string" },
  "overwrite": { type: "boolean" },
  "holidays": { type: "string" },
  "out-dir": { type: "string" },
  "feedback": { type: "string" },
  "year-end": { type: "boolean" },
  "since": { type: "string" },
  "unit": { type: "string", multiple: true },
  "help": { type: "boolean", short: "h" },
  "version": { type: "boolean", short: "v" },
} as const;

/** The option named in a parseArgs error message ("Unknown option '--foo'", "Option '--sheet <value>' ..."). */
function optionIn(message: string): string {
  const match = /'(-{1,2}[^' ]*)/.exec(message);
  return match ? match[1] : message;
}

function toUsageError(error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = optionIn(message);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return new UsageError("usage.unknown-option", { option });
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /does not take an argument/.test(message)
      ? new UsageError("usage.no-value", { option })
      : new UsageError("usage.missing-value", { option });
  }
  return new UsageError("usage.unknown-option", { option });
}

/** The language asked for with --lang, looked up leniently (used for messages even when parsing fails). */
export function requestedLanguage(argv: readonly string[]): Language | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (value === "zh-CN" || value === "en-US") return value;
  }
  return undefined;
}

/** Options whose value may look like a negative number ("--due-soon -3": a value, though a wrong one). */
const NUMBER_OPTIONS = new Set(["--due-soon"]);

/** "--due-soon -3" -> "--due-soon=-3", so parseArgs takes -3 as the value rather than as an option. */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (NUMBER_OPTIONS.has(argv[i]) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${argv[i]}=${next}`);
      i++;
    } else joined.push(argv[i]);
  }
  return joined;
}

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeNumbers(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw toUsageError(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError("usage.no-command");
  if (command === "notes") return notesCommand(values, files);
  if (command === "merge") return mergeCommand(values, files);
  if (command !== "check") throw new UsageError("usage.unknown-command", { command });
  if (files.length === 0) throw new UsageError("usage.no-files");
  for (const option of ["out-dir", "feedback", "year-end"] as const)
    if (values[option] !== undefined) throw new UsageError("usage.notes-only", { option: `--${option}` });
  if (values.unit !== undefined) throw new UsageError("usage.unit-merge-only");

  const check: CheckCommand = { kind: "check", files, json: Boolean(values.json) };
  if (values.sheet !== undefined) {
    if (files.length > 1) throw new UsageError("usage.sheet-several");
    check.sheet = values.sheet;
  }
  Object.assign(check, dateOptions(values, ["as-of", "published"]), dueSoonOption(values), languageOption(values));
  if (values.out !== undefined) {
    if (files.length > 1) throw new UsageError("usage.out-several");
    if (!/\.xlsx$/i.test(values.out)) throw new UsageError("usage.out-not-xlsx", { value: values.out });
    check.out = values.out;
  }
  if (values.overwrite) check.overwrite = true;
  if (values.holidays !== undefined) {
    if (values.holidays.trim() === "") throw new UsageError("usage.missing-value", { option: "--holidays" });
    check.holidays = values.holidays;
  }
  if (values.since !== undefined) {
    if (files.length > 1) throw new UsageError("usage.since-several");
    check.since = values.since;
  }
  return check;
}

const DATE_KEYS = { "as-of": "asOf", "published": "published", "feedback": "feedback" } as const;
type DateOption = keyof typeof DATE_KEYS;

/** Dates as people type them (2017-08-15, 2017/8/15, 2017.8.15, 2017年8月15日), as ISO dates. */
function dateOptions(
  values: ParsedValues,
  options: readonly DateOption[],
): Partial<Record<(typeof DATE_KEYS)[DateOption], string>> {
  const dates: Partial<Record<(typeof DATE_KEYS)[DateOption], string>> = {};
  for (const option of options) {
    const value = values[option];
    if (value === undefined) continue;
    const date = normalizeDateInput(value);
    if (date === null) throw new UsageError("usage.bad-date", { option: `--${option}`, value });
    dates[DATE_KEYS[option]] = date;
  }
  return dates;
}

/** --due-soon DAYS: a whole number, 0 or more (a negative one is told so). */
function dueSoonOption(values: ParsedValues): { dueSoonDays?: number } {
  const dueSoon = values["due-soon"];
  if (dueSoon === undefined) return {};
  if (/^-\d+(\.\d*)?$/.test(dueSoon.trim())) throw new UsageError("usage.negative-days", { value: dueSoon });
  if (!/^\d{1,4}$/.test(dueSoon)) throw new UsageError("usage.bad-days", { value: dueSoon });
  return { dueSoonDays: Number(dueSoon) };
}

function languageOption(values: ParsedValues): { language?: Language } {
  if (values.lang === undefined) return {};
  if (values.lang !== "zh-CN" && values.lang !== "en-US")
    throw new UsageError("usage.bad-lang", { value: values.lang });
  return { language: values.lang };
}

type ParsedValues = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>
>["values"];

function notesCommand(values: ParsedValues, files: string[]): NotesCommand {
  if (files.length === 0) throw new UsageError("usage.notes-no-file");
  if (files.length > 1) throw new UsageError("usage.notes-several");
  if (values.out !== undefined) throw new UsageError("usage.notes-out");
  const notes: NotesCommand = {
    kind: "notes",
    file: files[0],
    json: Boolean(values.json),
    yearEnd: Boolean(values["year-end"]),
  };
  if (values.sheet !== undefined) notes.sheet = values.sheet;
  Object.assign(
    notes,
    dateOptions(values, ["as-of", "published", "feedback"]),
    dueSoonOption(values),
    languageOption(values),
  );
  if (values["out-dir"] !== undefined) {
    if (values["out-dir"].trim() === "") throw new UsageError("usage.missing-value", { option: "--out-dir" });
    notes.outDir = values["out-dir"];
  }
  return notes;
}

function mergeCommand(values: ParsedValues, files: string[]): MergeCommand {
  const [master, ...feedback] = files;
  if (master === undefined || feedback.length === 0) throw new UsageError("usage.merge-files");
  if (values.out === undefined) throw new UsageError("usage.merge-out");
  if (!/\.xlsx$/i.test(values.out)) throw new UsageError("usage.out-not-xlsx", { value: values.out });
  for (const option of ["since", "published", "due-soon"] as const) {
    if (values[option] !== undefined) throw new UsageError("usage.not-for-merge", { option: `--${option}` });
  }
  const merge: MergeCommand = { kind: "merge", master, feedback, out: values.out, json: Boolean(values.json) };
  if (values.unit !== undefined) {
    if (values.unit.length !== feedback.length)
      throw new UsageError("usage.unit-count", { units: String(values.unit.length), files: String(feedback.length) });
    merge.units = values.unit;
  }
  if (values.sheet !== undefined) merge.sheet = values.sheet;
  Object.assign(merge, dateOptions(values, ["as-of"]), languageOption(values));
  return merge;
}

/**
 * Language of messages given before any report exists (help, usage, unusable input):
 * --lang, else the locale (LC_ALL, LC_MESSAGES, LANG: zh* -> zh-CN, other languages -> en-US), else zh-CN.
 */
export function environmentLanguage(argv: readonly string[], env: Record<string, string | undefined>): Language {
  const requested = requestedLanguage(argv);
  if (requested) return requested;
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (!value) continue;
    // "C" and "POSIX" say nothing about the user's language.
    if (/^(C|POSIX)([._@]|$)/i.test(value)) continue;
    return normalizeLanguage(value); // zh_CN.UTF-8 -> zh-CN
  }
  return "zh-CN";
}
