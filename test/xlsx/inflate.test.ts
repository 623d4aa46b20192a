/**
 * Both inflaters write a part into one buffer of the size its zip entry declares (no chunks joined), and still stop
 * as soon as the output passes it; a declared size that lies low is a bomb, one that lies high a damaged file.
 */
import { deflateRawSync } from "node:zlib";
import { nodeZipCodec } from "../../src/cli/nodeZip";
import { InflateLimitError, fflateCodec } from "../../src/xlsx/zipCodec";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import type { UserError } from "../../src/app/errors";
import { handWorkbook, zipOf } from "./packageParts";

const CODECS = [
  ["node:zlib", nodeZipCodec],
  ["fflate", fflateCodec],
] as const;

/** A part of ~200 KB of plan rows (many times zlib's 16 KB chunk). */
const text = Array.from(
  { length: 2000 },
  (_v, i) =>
    `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>第${i + 1}项：红河州、文山州按职责分工负责</t></is></c></row>`,
).join("");
const bytes = new Uint8Array(Buffer.from(text));
const deflated = deflateRawSync(bytes);

/** A copy of a zip whose central directory declares another uncompressed size for one entry. */
function declaring(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  const view = Buffer.from(copy.buffer, copy.byteOffset, copy.byteLength);
  for (let at = 0; at + 46 < view.length; at++) {
    if (view.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = view.readUInt16LE(at + 28);
    if (view.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      view.writeUInt32LE(size, at + 24);
      return copy;
    }
  }
  throw new Error(`no entry ${name}`);
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    return error as UserError;
  }
  throw new Error("no error");
}

describe("inflating into one buffer of the declared size", () => {
  it.each(CODECS)("%s: exactly the declared size gives the bytes; one byte less is over the limit", (_name, codec) => {
    expect(Buffer.from(codec.inflate(deflated, bytes.length)).equals(Buffer.from(bytes))).toBe(true);
    expect(() => codec.inflate(deflated, bytes.length - 1)).toThrow(InflateLimitError);
    expect(() => codec.inflate(deflated, 100)).toThrow(InflateLimitError);
    // A size that lies high: the inflater returns what there is (the reader then refuses the part).
    expect(codec.inflate(deflated, bytes.length + 5000).length).toBe(bytes.length);
    expect(codec.inflate(deflateRawSync(Buffer.alloc(0)), 0).length).toBe(0);
  });

  it.each(CODECS)(
    "%s: a sheet declaring too little is refused as a bomb, too much as damaged",
    async (_name, codec) => {
      const body = `<sheetData>${text}</sheetData>`;
      const zip = zipOf(handWorkbook([{ name: "分工方案", body }]));
      const size = (await XlsxWorkbook.fromBuffer(zip, "x.xlsx", { codec })).pkg.sizeOf("xl/worksheets/sheet1.xml");
      const grids = await (await XlsxWorkbook.fromBuffer(zip, "x.xlsx", { codec })).readGrids();
      expect(grids.plan.values).toHaveLength(2000);
      expect(grids.plan.values[1999][0]).toBe("第2000项：红河州、文山州按职责分工负责");

      const low = await failure(
        XlsxWorkbook.fromBuffer(declaring(zip, "xl/worksheets/sheet1.xml", size - 1), "low.xlsx", { codec }).then(
          (wb) => wb.readGrids(),
        ),
      );
      expect(low.code).toBe("file.zip-bomb");
      const high = await failure(
        XlsxWorkbook.fromBuffer(declaring(zip, "xl/worksheets/sheet1.xml", size + 1), "high.xlsx", { codec }).then(
          (wb) => wb.readGrids(),
        ),
      );
      expect(high.code).toBe("file.not-workbook");
    },
  );
});

describe("node's text decoding of parts", () => {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  it.each([
    ["ASCII", '<c r="A1" t="s"><v>12</v></c>'],
    ["Chinese", "<t>省发展改革委、省财政厅按职责分工负责</t>"],
    ["a byte-order mark", "\uFEFF<sst/>"],
    ["an escape and a character past U+FFFF", "_x000D_ 𠀀 &amp;"],
  ])("gives what TextDecoder gives on %s, also for a view into a larger buffer", (_name, sample) => {
    const encoded = Buffer.from(`xx${sample}yy`);
    const view = new Uint8Array(encoded.buffer, encoded.byteOffset + 2, encoded.length - 4);
    expect(nodeZipCodec.utf8Text!(view)).toBe(decoder.decode(view));
    expect(nodeZipCodec.utf8Text!(view)).toBe(sample);
  });
});
