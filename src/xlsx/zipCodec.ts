/**
 * Raw DEFLATE for the .xlsx package, injectable so src/xlsx runs in Node and in the browser: the default is
 * fflate (pure JS, everywhere); the CLI installs node:zlib (src/cli/nodeZip.ts), which is faster.
 */
import { deflateSync, inflateSync } from "fflate";

/** Thrown by an inflater when a part would inflate to more than it may. */
export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`inflated data exceeds ${limit} bytes`);
    this.name = "InflateLimitError";
  }
}

export interface ZipCodec {
  /** Inflate raw DEFLATE data; past `limit` bytes of output throw InflateLimitError (never allocate more). */
  inflate(data: Uint8Array, limit: number): Uint8Array;
  deflate(data: Uint8Array): Uint8Array;
  /** UTF-8 bytes as text, a BOM kept (optional: a platform may decode faster than TextDecoder). */
  utf8Text?(bytes: Uint8Array): string;
}

export const fflateCodec: ZipCodec = {
  inflate(data, limit) {
    // Into a buffer one byte larger than allowed: fflate never grows a buffer it is given (output past its end is
    // dropped), so a bomb costs CPU time but no memory, and a full buffer means the part holds too much.
    const out = inflateSync(data, { out: new Uint8Array(limit + 1) });
    if (out.length > limit) throw new InflateLimitError(limit);
    return out;
  },
  deflate(data) {
    return deflateSync(data, { level: 6 });
  },
};

let current: ZipCodec = fflateCodec;

/** The codec new packages use (set once at start-up by the CLI). */
export function zipCodec(): ZipCodec {
  return current;
}

export function setZipCodec(codec: ZipCodec): void {
  current = codec;
}
