/**
 * An .xlsx package held as its zip bytes: parts are inflated on demand (within the limits) and may be replaced,
 * added or removed; writing copies every untouched part byte for byte.
 */
import { UserError } from "../app/errors";
import { DEFAULT_LIMITS, type LimitContext, type PackageLimits } from "./limits";
import { utf8Bytes, utf8Text } from "./xml";
import {
  checkDeclaredSizes,
  inflateEntry,
  readCentralDirectory,
  writeZip,
  type OutputEntry,
  type ZipEntry,
} from "./zip";
import { zipCodec, type ZipCodec } from "./zipCodec";

/** Part names compare case-insensitively (OPC), without a leading slash. */
const key = (name: string) => name.replace(/^\//, "").toLowerCase();

export interface PackageOptions {
  codec?: ZipCodec;
  limits?: Partial<PackageLimits>;
}

export class XlsxPackage {
  private readonly entries = new Map<string, ZipEntry>();
  /** Parts written or removed (null) since opening, by key; `order` keeps new parts' names in order. */
  private readonly changed = new Map<string, { name: string; data: Uint8Array } | null>();
  private readonly order: string[] = [];
  readonly limits: PackageLimits;
  readonly context: LimitContext;

  private constructor(
    private readonly source: Uint8Array,
    entries: ZipEntry[],
    readonly fileName: string,
    private readonly codec: ZipCodec,
    limits: PackageLimits,
  ) {
    // Folder entries (some zip writers add them) are kept too, so the copy lists exactly what the file did.
    for (const entry of entries) {
      this.entries.set(key(entry.name), entry);
      this.order.push(key(entry.name));
    }
    this.limits = limits;
    this.context = { fileName, fileSize: source.length };
  }

  /** Open zip bytes: the central directory is read and the declared sizes checked; nothing is inflated yet. */
  static open(bytes: Uint8Array, fileName: string, options: PackageOptions = {}): XlsxPackage {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const entries = readCentralDirectory(bytes, fileName);
    const pkg = new XlsxPackage(bytes, entries, fileName, options.codec ?? zipCodec(), limits);
    checkDeclaredSizes(entries, limits, pkg.context, (name) => /(^|\/)sharedStrings\d*\.xml$/i.test(name));
    return pkg;
  }

  /** A package built from parts (a CSV turned workbook): every part is "new". */
  static fromParts(
    parts: { name: string; text: string }[],
    fileName: string,
    options: PackageOptions = {},
  ): XlsxPackage {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const pkg = new XlsxPackage(new Uint8Array(0), [], fileName, options.codec ?? zipCodec(), limits);
    for (const part of parts) pkg.setText(part.name, part.text);
    return pkg;
  }

  has(name: string): boolean {
    const k = key(name);
    return this.changed.has(k) ? this.changed.get(k) !== null : this.entries.has(k);
  }

  /** Part names present (as written in the zip or when added). */
  names(): string[] {
    return this.order.filter((k) => this.has(k)).map((k) => this.changed.get(k)?.name ?? this.entries.get(k)!.name);
  }

  /** The uncompressed size of a part (declared, for parts not read yet). */
  sizeOf(name: string): number {
    const k = key(name);
    const changed = this.changed.get(k);
    if (changed) return changed.data.length;
    return changed === null ? 0 : (this.entries.get(k)?.size ?? 0);
  }

  bytes(name: string): Uint8Array | null {
    const k = key(name);
    if (this.changed.has(k)) return this.changed.get(k)?.data ?? null;
    const entry = this.entries.get(k);
    if (!entry) return null;
    return inflateEntry(this.source, entry, this.codec, this.limits, this.context);
  }

  text(name: string): string | null {
    const bytes = this.bytes(name);
    return bytes === null ? null : (this.codec.utf8Text?.(bytes) ?? utf8Text(bytes));
  }

  setBytes(name: string, data: Uint8Array): void {
    const k = key(name);
    const clean = name.replace(/^\//, "");
    const existing = this.entries.get(k);
    this.changed.set(k, { name: existing?.name ?? clean, data });
    if (!this.order.includes(k)) this.order.push(k);
  }

  setText(name: string, text: string): void {
    this.setBytes(name, utf8Bytes(text));
  }

  remove(name: string): void {
    const k = key(name);
    if (this.entries.has(k) || this.changed.has(k)) this.changed.set(k, null);
  }

  /** True when nothing was written since opening. */
  get unchanged(): boolean {
    return this.changed.size === 0;
  }

  private originalBytes(entry: ZipEntry): Uint8Array | null {
    try {
      return inflateEntry(this.source, entry, this.codec, this.limits, this.context);
    } catch {
      return null;
    }
  }

  /** The package as zip bytes: untouched parts copied as they were, in their order; new parts at the end. */
  toBytes(): Uint8Array {
    if (this.unchanged && this.source.length > 0) return this.source;
    const out: OutputEntry[] = [];
    for (const k of this.order) {
      const changed = this.changed.get(k);
      if (changed === null) continue;
      const entry = this.entries.get(k);
      // A part written back as it was (ours added then removed) keeps its original bytes.
      if (changed && !(entry && sameBytes(changed.data, this.originalBytes(entry))))
        out.push({ kind: "new", name: changed.name, data: changed.data });
      else out.push({ kind: "copy", entry: entry! });
    }
    try {
      return writeZip(this.source, out, this.codec);
    } catch (error) {
      throw new UserError("unexpected", { detail: `zip: ${(error as Error).message}` }, error);
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array | null): boolean {
  if (!b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
