/** node:zlib for the .xlsx package (faster than the default fflate): installed by the CLI at start-up. */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { InflateLimitError, setZipCodec, type ZipCodec } from "../xlsx/zipCodec";

export const nodeZipCodec: ZipCodec = {
  inflate(data, limit) {
    try {
      // maxOutputLength stops zlib as soon as the output would pass the limit (a bomb never fills memory).
      const out = inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
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
};

export function installNodeZip(): void {
  setZipCodec(nodeZipCodec);
}
