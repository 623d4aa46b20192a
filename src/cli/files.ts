/** The file side of the CLI: read an input into an XlsxWorkbook, write the annotated copy, guard the input. */
import { unlinkSync } from "node:fs";
import { access, constants, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "../app/errors";
import type { Language } from "../core/types";
import { cliText, type CliTextKey } from "./messages";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import { decodeText } from "../xlsx/csv";

function fsCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/** Read .xlsx (by content) or .csv (by extension) into a workbook; file problems become UserErrors. */
export async function openWorkbook(file: string): Promise<XlsxWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = fsCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") throw new UserError("file.missing", { file }, error);
    if (code === "EISDIR") throw new UserError("file.is-folder", { file }, error);
    throw new UserError("unexpected", { detail: `${file}: ${(error as Error).message}` }, error);
  }
  if (/\.(csv|txt)$/i.test(file)) {
    if (bytes.length === 0) throw new UserError("file.empty", { file });
    return XlsxWorkbook.fromCsv(decodeText(bytes), file);
  }
  return XlsxWorkbook.fromBuffer(bytes, file);
}

/** True when `out` is (or would overwrite) one of the inputs: same path, or the same file through a link. */
export async function isSameFile(out: string, input: string): Promise<boolean> {
  if (resolve(out) === resolve(input)) return true;
  try {
    const [a, b] = await Promise.all([stat(out), stat(input)]);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/** Why a write failed, in words (the system's message is English only). */
function writeProblem(error: unknown, language: Language): string {
  const code = fsCode(error);
  const key = code ? WRITE_PROBLEMS[code] : undefined;
  return key ? cliText(language, key) : (error as Error).message;
}

const WRITE_PROBLEMS: Record<string, CliTextKey> = {
  EACCES: "write.denied",
  EPERM: "write.denied",
  EROFS: "write.readOnly",
  ENOENT: "write.noFolder",
  ENOTDIR: "write.noFolder",
  EISDIR: "write.isFolder",
  EBUSY: "write.busy",
  ENOSPC: "write.full",
};

/**
 * True when `out` names an existing file the user may not write (no write permission bit, or access refused):
 * --out then refuses to replace it unless --overwrite is given. Root passes access checks on any file, so the
 * permission bits decide there: a file nobody may write (chmod a-w) is read-only to root as well.
 */
export async function isReadOnlyFile(out: string): Promise<boolean> {
  let info;
  try {
    info = await stat(out);
  } catch {
    return false; // missing (or unreadable folder): the write itself will say what is wrong
  }
  if (!info.isFile()) return false;
  if ((info.mode & 0o222) === 0) return true;
  try {
    await access(out, constants.W_OK);
    return false;
  } catch (error) {
    return fsCode(error) === "EACCES" || fsCode(error) === "EPERM";
  }
}

/** Hooks for tests: the temporary file's name, and a pause once it exists (to deliver a signal then). */
export interface WriteHooks {
  temporaryName?: (attempt: number) => string;
  afterCreate?: (temporary: string) => Promise<void>;
}

/**
 * A name no other process can guess: `.<out>.<16 random hex>.tmp`, in the folder of out. node:crypto is loaded
 * here, when a copy is written, not by every command at start (it costs ~5 ms to load).
 */
const randomTemporaryName = async (out: string): Promise<string> => {
  const { randomBytes } = await import("node:crypto");
  return `.${basename(out)}.${randomBytes(8).toString("hex")}.tmp`;
};

/** Tries before giving up on finding a free temporary name (each clash is a file someone else made). */
const NAME_ATTEMPTS = 8;
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Write through a temporary file in the same folder, so a failed write never leaves half a workbook.
 * The temporary file has a random name and is created exclusively (O_CREAT | O_EXCL): an existing file or a
 * symbolic link planted at that name is never followed or overwritten (another name is tried). Until the
 * rename, SIGINT / SIGTERM / SIGHUP remove it before the process ends with that signal.
 */
export async function writeOutput(
  out: string,
  bytes: Uint8Array,
  language: Language,
  hooks: WriteHooks = {},
): Promise<void> {
  const folder = dirname(resolve(out));
  let temporary: string | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (temporary) {
      try {
        unlinkSync(temporary);
      } catch {
        // already gone
      }
    }
    for (const name of SIGNALS) process.removeListener(name, onSignal);
    process.kill(process.pid, signal); // ends the process the way the signal would have
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  try {
    let handle;
    for (let attempt = 0; handle === undefined; attempt++) {
      const candidate = join(folder, hooks.temporaryName?.(attempt) ?? (await randomTemporaryName(out)));
      try {
        handle = await open(candidate, "wx", 0o666);
        temporary = candidate;
      } catch (error) {
        if (fsCode(error) !== "EEXIST" || attempt + 1 >= NAME_ATTEMPTS) throw error;
      }
    }
    try {
      if (hooks.afterCreate) await hooks.afterCreate(temporary as string);
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    await rename(temporary as string, out);
    temporary = null;
  } catch (error) {
    if (temporary) await unlink(temporary).catch(() => undefined);
    temporary = null;
    throw new UserError("file.write-failed", { file: out, detail: writeProblem(error, language) }, error);
  } finally {
    for (const name of SIGNALS) process.removeListener(name, onSignal);
  }
}
