/** node:zlib for the .xlsx package (faster than the default fflate): installed by the CLI at start-up. */
import { isAscii } from "node:buffer";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { InflateLimitError, setZipCodec, type ZipCodec } from "../xlsx/zipCodec";

/** zlib's smallest output chunk. */
const MIN_CHUNK = 64;

let decoder: TextDecoder | null = null;

export const nodeZipCodec: ZipCodec = {
  inflate(data, limit) {
    try {
      // One output chunk one byte larger than the limit: a part that inflates to what it declares fills it without
      // a copy (zlib's default 16 KB chunks cost a Buffer.concat as big as the part), and maxOutputLength stops
      // zlib as soon as the output passes the limit (a bomb never fills memory).
      const out = inflateRawSync(data, {
        maxOutputLength: Math.max(1, limit),
        chunkSize: Math.max(MIN_CHUNK, limit + 1),
      });
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateLimitError(limit);
      throw error;
    }
  },
  deflate(data) {
    const out = deflateRawSync(data, { level: 6 });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  utf8Text(bytes) {
    // Sheet XML is mostly ASCII: then Latin-1 decoding gives the same text, several times faster than UTF-8's.
    if (isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    decoder ??= new TextDecoder("utf-8", { ignoreBOM: true });
    return decoder.decode(bytes);
  },
};

export function installNodeZip(): void {
  setZipCodec(nodeZipCodec);
}
