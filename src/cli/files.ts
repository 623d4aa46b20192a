/** The file side of the CLI: read an input into an XlsxWorkbook, write the annotated copy, guard the input. */
import { readFile, stat, writeFile, rename, unlink } from "node:fs/promises";
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
    if (code === "EISDIR") throw new UserError("file.not-workbook", { file }, error);
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

/** Write through a temporary file in the same folder, so a failed write never leaves half a workbook. */
export async function writeOutput(out: string, bytes: Uint8Array, language: Language): Promise<void> {
  const temporary = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, out);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new UserError("file.write-failed", { file: out, detail: writeProblem(error, language) }, error);
  }
}
