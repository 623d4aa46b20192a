/** Command-line arguments -> a command, or a usage error naming what is wrong (node:util parseArgs). */
import { parseArgs } from "node:util";
import { normalizeLanguage } from "../core/i18n/format";
import type { Language } from "../core/types";
import type { CliTextKey } from "./messages";
import { isIsoDate } from "../core/dates";

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
  /** An earlier copy of the plan to compare with, instead of the workbook's own history. */
  since?: string;
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

export type Command = CheckCommand | MergeCommand | { kind: "help" } | { kind: "version" };

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

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw toUsageError(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError("usage.no-command");
  if (command === "merge") return mergeCommand(values, files);
  if (command !== "check") throw new UsageError("usage.unknown-command", { command });
  if (files.length === 0) throw new UsageError("usage.no-files");
  if (values.unit !== undefined) throw new UsageError("usage.unit-merge-only");

  const check: CheckCommand = { kind: "check", files, json: Boolean(values.json) };
  if (values.sheet !== undefined) {
    if (files.length > 1) throw new UsageError("usage.sheet-several");
    check.sheet = values.sheet;
  }
  for (const [option, key] of [
    ["as-of", "asOf"],
    ["published", "published"],
  ] as const) {
    const value = values[option];
    if (value === undefined) continue;
    if (!isIsoDate(value)) throw new UsageError("usage.bad-date", { option: `--${option}`, value });
    check[key] = value;
  }
  const dueSoon = values["due-soon"];
  if (dueSoon !== undefined) {
    if (!/^\d{1,4}$/.test(dueSoon)) throw new UsageError("usage.bad-days", { value: dueSoon });
    check.dueSoonDays = Number(dueSoon);
  }
  if (values.lang !== undefined) {
    if (values.lang !== "zh-CN" && values.lang !== "en-US")
      throw new UsageError("usage.bad-lang", { value: values.lang });
    check.language = values.lang;
  }
  if (values.out !== undefined) {
    if (files.length > 1) throw new UsageError("usage.out-several");
    if (!/\.xlsx$/i.test(values.out)) throw new UsageError("usage.out-not-xlsx", { value: values.out });
    check.out = values.out;
  }
  if (values.since !== undefined) {
    if (files.length > 1) throw new UsageError("usage.since-several");
    check.since = values.since;
  }
  return check;
}

type ParsedValues = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>
>["values"];

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
  if (values["as-of"] !== undefined) {
    if (!isIsoDate(values["as-of"]))
      throw new UsageError("usage.bad-date", { option: "--as-of", value: values["as-of"] });
    merge.asOf = values["as-of"];
  }
  if (values.lang !== undefined) {
    if (values.lang !== "zh-CN" && values.lang !== "en-US")
      throw new UsageError("usage.bad-lang", { value: values.lang });
    merge.language = values.lang;
  }
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
