/**
 * Sizing row blocks so each request and response stays well under Excel on the web's 5 MB:
 * estimate the JSON size of what a block carries from a sample, and pick the rows per block.
 */

export interface BlockLimits {
  /** Rows sampled (values only) to estimate the bytes per row before reading blocks. */
  probeRows: number;
  /** Bytes one response (or request) should stay under: well below the 5 MB limit. */
  targetBytes: number;
  /** Cells per block at most, whatever the bytes (Office reads ranges of millions of cells slowly). */
  maxBlockCells: number;
  /** Cells per getMergedAreasOrNullObject call when a whole block is refused (at most cells/2 areas). */
  safeMergeCells: number;
}

export const DEFAULT_BLOCK_LIMITS: BlockLimits = {
  probeRows: 200,
  targetBytes: 2_000_000,
  maxBlockCells: 250_000,
  // A rectangle of 1,024 cells holds at most 512 merged areas (each covers 2 cells or more).
  safeMergeCells: 1_024,
};

/** UTF-8 bytes of JSON.stringify(value), estimated without building the string. */
export function estimateJsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case "string":
      return stringBytes(value);
    case "number":
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    case "object": {
      if (Array.isArray(value)) {
        let total = 2 + Math.max(0, value.length - 1);
        for (const item of value) total += estimateJsonBytes(item);
        return total;
      }
      let total = 2;
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        total += stringBytes(key) + 2 + estimateJsonBytes(item);
      }
      return total;
    }
    default:
      return 4;
  }
}

function stringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20) bytes += 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Rows per block for rows of about `bytesPerRow` bytes and `columns` columns (at least 1). */
export function blockRows(bytesPerRow: number, columns: number, limits: BlockLimits): number {
  const bySize = Math.floor(limits.targetBytes / Math.max(1, bytesPerRow * 1.25));
  const byCells = Math.floor(limits.maxBlockCells / Math.max(1, columns));
  return Math.max(1, Math.min(bySize, byCells));
}

/** Rows per merged-areas call that can never exceed 512 areas. */
export function safeMergeRows(columns: number, limits: BlockLimits): number {
  return Math.max(1, Math.floor(limits.safeMergeCells / Math.max(1, columns)));
}

/** Split [0, total) into consecutive [start, end) slices of at most `size`. */
export function slices(total: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < total; start += size) out.push([start, Math.min(total, start + size)]);
  return out;
}

/**
 * Bytes a real request carries for each queued operation beyond its arguments (object paths, action ids,
 * property names): about 250 in Excel on the web, whose 5 MB limit counts them. A request of many small
 * operations (one hyperlink per cell) is mostly this envelope.
 */
export const OPERATION_OVERHEAD_BYTES = 250;

/** What a request of `operations` operations carrying `argumentBytes` of arguments weighs. */
export const requestBytes = (operations: number, argumentBytes: number): number =>
  operations * OPERATION_OVERHEAD_BYTES + argumentBytes;

/** Counts what is queued for the next sync, so the caller syncs before a request would pass `targetBytes`. */
export class RequestBudget {
  private queued = 0;

  constructor(private readonly targetBytes: number) {}

  /** Count `operations` operations with `argumentBytes` of arguments; true when it is time to sync. */
  add(operations: number, argumentBytes: number): boolean {
    this.queued += requestBytes(operations, argumentBytes);
    return this.queued >= this.targetBytes;
  }

  /** After a sync: nothing queued. */
  reset(): void {
    this.queued = 0;
  }
}
