/** UTF-8 bytes read like a string, without decoding them whole. */
import { utf8Text } from "./xml";

/**
 * The sheet's UTF-8 bytes read in place with the few string methods the scan uses (no text of the whole sheet is
 * ever made: that would cost its size again). Searched patterns are ASCII; slice() decodes, and since it cuts at
 * ASCII characters ("<", ">", quotes) it gives what slicing the decoded text would.
 */
export class ByteText {
  readonly length: number;

  constructor(readonly bytes: Uint8Array) {
    this.length = bytes.length;
  }

  /** The byte at i (0 past the end: no character the scan looks for). */
  charCodeAt(i: number): number {
    return this.bytes[i] | 0;
  }

  startsWith(pattern: string, at: number): boolean {
    const b = this.bytes;
    if (at < 0 || at + pattern.length > b.length) return false;
    for (let k = 0; k < pattern.length; k++) if (b[at + k] !== pattern.charCodeAt(k)) return false;
    return true;
  }

  /** The first match lying within [from, end). */
  indexOf(pattern: string, from: number, end: number = this.bytes.length): number {
    const b = this.bytes;
    const first = pattern.charCodeAt(0);
    const n = pattern.length;
    const last = (end < b.length ? end : b.length) - n;
    for (let i = from < 0 ? 0 : from; i <= last; i++) {
      if (b[i] !== first) continue;
      let k = 1;
      while (k < n && b[i + k] === pattern.charCodeAt(k)) k++;
      if (k === n) return i;
    }
    return -1;
  }

  /** The last match starting at or before `from`. */
  lastIndexOf(pattern: string, from: number): number {
    const first = pattern.charCodeAt(0);
    for (let i = Math.min(from, this.bytes.length - pattern.length); i >= 0; i--) {
      if (this.bytes[i] === first && this.startsWith(pattern, i)) return i;
    }
    return -1;
  }

  slice(start: number, end: number = this.bytes.length): string {
    return utf8Text(this.bytes.subarray(start, end));
  }
}

/** A run of 1 to `maxDigits` (at most 15: exact) ASCII digits, read in place, as its integer; -1 for anything else. */
export function digitsAt(xml: ByteText, start: number, end: number, maxDigits = 15): number {
  if (end <= start || end - start > maxDigits) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
