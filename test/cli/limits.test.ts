/**
 * Files built to exhaust memory (a zip bomb, more rows than Excel allows, a huge shared-strings part) end with
 * exit code 2 and one line that says which limit and how big the file is — no crash, no stack trace — while the
 * command stays small: it runs with a 128 MB heap and its peak resident memory is measured.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDeflateRaw } from "node:zlib";
import { handWorkbook } from "../xlsx/packageParts";
import { buildCli, cliEnv, ROOT } from "./runCli";

/** Generous: Node alone is ~45 MB; the inputs below would take 0.3–1.3 GB if read naively. */
const PEAK_RSS_LIMIT = 400 * 1024 * 1024;

interface Run {
  code: number;
  stderr: string;
  stdout: string;
  peakRss: number;
}

function runSmall(args: string[]): Promise<Run> {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        "--max-old-space-size=128",
        "--require",
        join(__dirname, "peakMemory.cjs"),
        join(ROOT, "bin", "fengong.js"),
        ...args,
      ],
      { env: cliEnv({ FENGONG_PEAK_RSS_FILE: rssFile }), encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr, peakRss: Number(readFileSync(rssFile, "utf8")) });
      },
    );
  });
}

/** Deflate (raw) the concatenation of `count` copies of a chunk, without holding it whole. */
function deflateRepeated(chunks: () => Iterable<Buffer>): Promise<{ data: Buffer; size: number }> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw({ level: 6 });
    const out: Buffer[] = [];
    let size = 0;
    deflate.on("data", (chunk: Buffer) => out.push(chunk));
    deflate.on("end", () => resolve({ data: Buffer.concat(out), size }));
    deflate.on("error", reject);
    (async () => {
      for (const chunk of chunks()) {
        size += chunk.length;
        if (!deflate.write(chunk)) await new Promise((r) => deflate.once("drain", r));
      }
      deflate.end();
    })().catch(reject);
  });
}

interface RawEntry {
  name: string;
  /** Raw DEFLATE data. */
  data: Buffer;
  /** The uncompressed size the zip declares (a bomb may lie). */
  size: number;
}

/** A zip of pre-deflated entries (CRC left 0: readers of a bomb never get that far). */
function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";

/** A workbook whose parts are normal except the ones given (already deflated). */
async function workbookWith(replace: Record<string, RawEntry>): Promise<Buffer> {
  const parts = handWorkbook(
    [{ name: "分工方案", body: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' }],
    {
      sharedStrings: ["序号"],
    },
  );
  const entries: RawEntry[] = [];
  for (const [name, text] of Object.entries(parts)) {
    if (replace[name]) continue;
    const { data, size } = await deflateRepeated(() => [Buffer.from(text)]);
    entries.push({ name, data, size });
  }
  return rawZip([...entries, ...Object.values(replace)]);
}

function* repeat(chunk: Buffer, times: number): Generator<Buffer> {
  for (let i = 0; i < times; i++) yield chunk;
}

let dir: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "fengong-limits-"));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectOneLine(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|RangeError|FATAL/);
  expect(run.peakRss).toBeGreaterThan(0);
  expect(run.peakRss).toBeLessThan(PEAK_RSS_LIMIT);
}

describe("limits of what a file may cost", () => {
  it("a zip bomb (a sheet part of 512 MB of spaces in ~0.5 MB): refused before inflating", async () => {
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    const bomb = await deflateRepeated(() => [
      Buffer.from(SHEET_HEAD),
      ...repeat(spaces, 512),
      Buffer.from(SHEET_TAIL),
    ]);
    const file = join(dir, "bomb.xlsx");
    writeFileSync(
      file,
      await workbookWith({ "xl/worksheets/sheet1.xml": { name: "xl/worksheets/sheet1.xml", ...bomb } }),
    );
    const run = await runSmall(["check", file]);
    expectOneLine(
      run,
      /bomb\.xlsx”（\d+(\.\d)? KB）中的部件“xl\/worksheets\/sheet1\.xml”压缩比异常（512 MB，压缩比 \d+:1，上限 500:1），疑似压缩炸弹/,
    );

    // The same bomb declaring a small size: stopped while inflating, as soon as it passes what it declared.
    const liar = join(dir, "liar.xlsx");
    writeFileSync(
      liar,
      await workbookWith({
        "xl/worksheets/sheet1.xml": { name: "xl/worksheets/sheet1.xml", data: bomb.data, size: 4096 },
      }),
    );
    const lied = await runSmall(["check", liar, "--lang", "en-US"]);
    expectOneLine(
      lied,
      /^fengong: "[^"]*liar\.xlsx" \(\d+(\.\d)? KB\): the part "xl\/worksheets\/sheet1\.xml" unpacks abnormally .*zip bomb/,
    );
  }, 120_000);

  it("1,048,577 one-cell rows: one row more than Excel has", async () => {
    const rows = function* () {
      yield Buffer.from(SHEET_HEAD);
      const batch: string[] = [];
      for (let r = 1; r <= 1_048_577; r++) {
        batch.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
        if (batch.length === 10_000) yield Buffer.from(batch.splice(0).join(""));
      }
      yield Buffer.from(batch.join("") + SHEET_TAIL);
    };
    const sheet = await deflateRepeated(rows);
    const file = join(dir, "rows.xlsx");
    writeFileSync(
      file,
      await workbookWith({ "xl/worksheets/sheet1.xml": { name: "xl/worksheets/sheet1.xml", ...sheet } }),
    );
    const run = await runSmall(["check", file]);
    expectOneLine(run, /rows\.xlsx”（\d+(\.\d)? MB）的工作表“分工方案”有 1,048,577 行，超过 Excel 的上限 1,048,576 行/);
  }, 120_000);

  it("a shared-strings part of 300 MB", async () => {
    const item = Buffer.from("<si><t>省财政厅、省发展改革委按职责分工负责</t></si>".repeat(4096));
    const strings = await deflateRepeated(() => [
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      ),
      ...repeat(item, Math.ceil((300 * 1024 * 1024) / item.length)),
      Buffer.from("</sst>"),
    ]);
    const file = join(dir, "strings.xlsx");
    writeFileSync(file, await workbookWith({ "xl/sharedStrings.xml": { name: "xl/sharedStrings.xml", ...strings } }));
    const run = await runSmall(["check", file]);
    expectOneLine(run, /strings\.xlsx”（\d+(\.\d)? [KM]B）的共享字符串部分解压后 300(\.\d)? MB，超过上限 256 MB/);
  }, 120_000);
});
