/**
 * What kind of file a buffer holds, from its first bytes, so unusable input gets the right message
 * before the zip reader tries (and fails with a zip error) to read it.
 */
export type FileKind = "empty" | "zip" | "encrypted" | "legacy-ole" | "other";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** "EncryptedPackage" as UTF-16LE: the stream an encrypted .xlsx (an OLE compound file) always has. */
const ENCRYPTED_PACKAGE = Array.from("EncryptedPackage").flatMap((ch) => [ch.charCodeAt(0), 0]);

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  outer: for (
    let i = bytes.indexOf(first);
    i !== -1 && i <= bytes.length - needle.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function sniff(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP)) return "zip";
  if (startsWith(bytes, OLE)) {
    // An OLE file is either an encrypted .xlsx or a legacy binary workbook (.xls, .et).
    return contains(bytes, ENCRYPTED_PACKAGE) ? "encrypted" : "legacy-ole";
  }
  return "other";
}

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}
