/**
 * Caps on what reading an .xlsx may cost, checked before inflating (the sizes the zip declares) and while
 * inflating (a part may never inflate to more than it declares). Past a cap: a UserError that says which
 * limit and how big the file is — never an out-of-memory crash.
 */
import { UserError, type UserErrorCode } from "../app/errors";

export interface PackageLimits {
  /** Sum of the uncompressed sizes of every part. */
  maxTotalBytes: number;
  /** Uncompressed / compressed size of one part, for parts larger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Uncompressed size of the shared strings part. */
  maxSharedStringsBytes: number;
  /** Excel's own sheet size. */
  maxRows: number;
  maxColumns: number;
}

export const DEFAULT_LIMITS: PackageLimits = {
  maxTotalBytes: 1024 * 1024 * 1024,
  // Excel's sheet XML deflates 5-30:1; DEFLATE cannot pass ~1032:1, which zip bombs approach.
  maxRatio: 500,
  ratioFloorBytes: 32 * 1024 * 1024,
  maxSharedStringsBytes: 256 * 1024 * 1024,
  maxRows: 1_048_576,
  maxColumns: 16_384,
};

/** "1.2 MB", "35 KB", "512 B" (binary multiples, one decimal). */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1).replace(/\.0$/, "")} ${units[unit]}`;
}

/** Where a limit was passed: the file and its size, for the message. */
export interface LimitContext {
  fileName: string;
  fileSize: number;
}

export function limitError(
  code: Extract<
    UserErrorCode,
    | "file.too-large"
    | "file.zip-bomb"
    | "file.too-many-rows"
    | "file.too-many-columns"
    | "file.shared-strings-too-large"
  >,
  context: LimitContext,
  params: Record<string, string | number>,
): UserError {
  return new UserError(code, { file: context.fileName, fileSize: formatBytes(context.fileSize), ...params });
}
