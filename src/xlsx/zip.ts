/**
 * A zip (the .xlsx package) read through its central directory: entries are inflated one at a time, on demand,
 * within the limits; and written back with every entry we did not change copied byte for byte (local header,
 * compressed data and data descriptor as they were), so only the parts we own differ.
 */
import { UserError } from "../app/errors";
import { InflateLimitError, type ZipCodec } from "./zipCodec";
import { limitError, formatBytes, type LimitContext, type PackageLimits } from "./limits";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Start of the local header. */
  localOffset: number;
  /** Start of the compressed data. */
  dataOffset: number;
  /** End of the local record (after the data descriptor, if any). */
  localEnd: number;
  /** The central directory record as it was (offset patched on writing). */
  central: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

class NotAZip extends Error {}

/** Read the central directory. Anything malformed throws file.not-workbook. */
export function readCentralDirectory(bytes: Uint8Array, fileName: string): ZipEntry[] {
  try {
    return parseDirectory(bytes);
  } catch (error) {
    throw new UserError("file.not-workbook", { file: fileName }, error);
  }
}

function parseDirectory(bytes: Uint8Array): ZipEntry[] {
  let end = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  while (end >= stop && u32(bytes, end) !== EOCD) end--;
  if (end < stop) throw new NotAZip("no end of central directory");
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff || at + directorySize > end) throw new NotAZip("zip64 or bad directory");
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw new NotAZip("bad central record");
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc = u32(bytes, at + 16);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const recordLength = 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(nameBytes);
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== LOCAL) throw new NotAZip("bad local header");
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    let localEnd = dataOffset + compressedSize;
    if (localEnd > bytes.length) throw new NotAZip("truncated entry");
    if (flags & 0x8) localEnd += localEnd + 4 <= bytes.length && u32(bytes, localEnd) === DESCRIPTOR ? 16 : 12;
    if (flags & 0x1) throw new NotAZip("encrypted entry");
    if (method !== 0 && method !== 8) throw new NotAZip(`compression method ${method}`);
    entries.push({
      name,
      method,
      flags,
      crc,
      compressedSize,
      size,
      localOffset,
      dataOffset,
      localEnd: Math.min(localEnd, bytes.length),
      // A copy (a Node Buffer's slice would be a view, and writing patches its offset).
      central: Uint8Array.prototype.slice.call(bytes, at, at + recordLength),
    });
    at += recordLength;
  }
  return entries;
}

/** Before anything is inflated: the declared sizes within the limits. */
export function checkDeclaredSizes(
  entries: readonly ZipEntry[],
  limits: PackageLimits,
  context: LimitContext,
  sharedStringsPart: (name: string) => boolean,
): void {
  let total = 0;
  for (const entry of entries) {
    if (sharedStringsPart(entry.name) && entry.size > limits.maxSharedStringsBytes) {
      throw limitError("file.shared-strings-too-large", context, {
        size: formatBytes(entry.size),
        limit: formatBytes(limits.maxSharedStringsBytes),
      });
    }
    checkRatio(entry, entry.size, limits, context);
    total += entry.size;
  }
  if (total > limits.maxTotalBytes) {
    throw limitError("file.too-large", context, {
      size: formatBytes(total),
      limit: formatBytes(limits.maxTotalBytes),
    });
  }
}

function checkRatio(entry: ZipEntry, size: number, limits: PackageLimits, context: LimitContext): void {
  if (entry.method !== 8 || size <= limits.ratioFloorBytes) return;
  const ratio = size / Math.max(1, entry.compressedSize);
  if (ratio > limits.maxRatio) {
    throw limitError("file.zip-bomb", context, {
      part: entry.name,
      size: formatBytes(size),
      ratio: Math.round(ratio),
      limit: limits.maxRatio,
    });
  }
}

/** Inflate one entry; it may not produce more than it declares (a zip that lies about sizes is a bomb). */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  codec: ZipCodec,
  limits: PackageLimits,
  context: LimitContext,
): Uint8Array {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return data;
  // An empty part may be stored as no DEFLATE data at all.
  if (entry.size === 0 && entry.compressedSize <= 2) return new Uint8Array(0);
  try {
    const out = codec.inflate(data, entry.size);
    if (out.length !== entry.size) throw new NotAZip(`${entry.name}: ${out.length} bytes, ${entry.size} declared`);
    return out;
  } catch (error) {
    if (error instanceof InflateLimitError) {
      throw limitError("file.zip-bomb", context, {
        part: entry.name,
        size: `> ${formatBytes(entry.size)}`,
        ratio: `> ${Math.round(entry.size / Math.max(1, entry.compressedSize))}`,
        limit: limits.maxRatio,
      });
    }
    throw new UserError("file.not-workbook", { file: context.fileName }, error);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** One entry of the zip to write: copied as it was, or new content (deflated here). */
export type OutputEntry = { kind: "copy"; entry: ZipEntry } | { kind: "new"; name: string; data: Uint8Array };

/** 1980-01-01 00:00 in DOS date/time: new entries carry no clock time, so a run is reproducible. */
const DOS_DATE = 0x0021;

function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}
function put32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

/** Write a zip: copied entries keep their bytes (only the offset in their central record changes). */
export function writeZip(source: Uint8Array, entries: readonly OutputEntry[], codec: ZipCodec): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const item of entries) {
    if (item.kind === "copy") {
      const { entry } = item;
      const local = source.subarray(entry.localOffset, entry.localEnd);
      const central = Uint8Array.prototype.slice.call(entry.central);
      put32(central, 42, offset);
      locals.push(local);
      centrals.push(central);
      offset += local.length;
      continue;
    }
    const name = new TextEncoder().encode(item.name);
    const compressed = codec.deflate(item.data);
    const crc = crc32(item.data);
    const ascii = name.every((b) => b < 0x80);
    const flags = ascii ? 0 : 0x800;
    const local = new Uint8Array(30 + name.length);
    put32(local, 0, LOCAL);
    put16(local, 4, 20);
    put16(local, 6, flags);
    put16(local, 8, 8);
    put16(local, 10, 0);
    put16(local, 12, DOS_DATE);
    put32(local, 14, crc);
    put32(local, 18, compressed.length);
    put32(local, 22, item.data.length);
    put16(local, 26, name.length);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    put32(central, 0, CENTRAL);
    put16(central, 4, 20);
    put16(central, 6, 20);
    put16(central, 8, flags);
    put16(central, 10, 8);
    put16(central, 12, 0);
    put16(central, 14, DOS_DATE);
    put32(central, 16, crc);
    put32(central, 20, compressed.length);
    put32(central, 24, item.data.length);
    put16(central, 28, name.length);
    put32(central, 42, offset);
    central.set(name, 46);
    locals.push(local, compressed);
    centrals.push(central);
    offset += local.length + compressed.length;
  }
  const directoryOffset = offset;
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const eocd = new Uint8Array(22);
  put32(eocd, 0, EOCD);
  put16(eocd, 8, entries.length);
  put16(eocd, 10, entries.length);
  put32(eocd, 12, directorySize);
  put32(eocd, 16, directoryOffset);
  const out = new Uint8Array(directoryOffset + directorySize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, eocd]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
