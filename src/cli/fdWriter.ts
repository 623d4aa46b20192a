/**
 * Standard output, when it is not a terminal (a file, /dev/null, a pipe), written straight to its file
 * descriptor with fs.writeSync, each text encoded into one reused buffer.
 *
 * Why not process.stdout.write: on a file Node's stream turns every string into a new Buffer, and into a pipe it
 * keeps a write request per call; on the 38 MB of `check --json` for a 100k-row plan either made the young
 * generation's collections keep and copy megabytes each time — measured with --trace-gc, 19 scavenges taking
 * 240 ms while the JSON was written, against 15 taking 10 ms written this way (bench/notes.md).
 *
 * A pipe may be in non-blocking mode (Node sets it so once anything touches process.stdout): a full pipe then
 * answers EAGAIN, and the writer waits a moment and writes the rest, as sonic-boom (pino's writer) does. A reader
 * that went away (EPIPE: `fengong check … --json | head`) ends the output quietly, as before.
 */
import { writeSync } from "node:fs";

/** The reused buffer. A piece of the JSON writer (a batch of 64 tasks: some 16K UTF-16 units, at most 3 bytes
 * each) fits. */
const BUFFER_BYTES = 1 << 18;
/** How long to wait for a full pipe to drain before trying again. */
const WAIT_MS = 2;

const waitCell = new Int32Array(new SharedArrayBuffer(4));
/** Sleeps this thread (the main thread of a Node process may wait). */
const sleep = (ms: number): void => void Atomics.wait(waitCell, 0, 0, ms);

export type WriteBytes = (fd: number, bytes: Uint8Array, offset: number, length: number) => number;

export class FdWriter {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  /** The reader is gone: what is left is dropped. */
  private closed = false;

  constructor(
    private readonly fd: number,
    /** fs.writeSync; the tests give a pipe that fills up or breaks. */
    private readonly writeBytes: WriteBytes = writeSync,
    private readonly wait: (ms: number) => void = sleep,
  ) {}

  readonly write = (text: string): void => {
    if (this.closed || text.length === 0) return;
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4): a text this short fits.
    if (text.length * 3 <= BUFFER_BYTES) {
      this.writeAll(this.buffer, this.buffer.write(text, 0));
    } else {
      this.writeAll(Buffer.from(text, "utf8"), -1);
    }
  };

  /** Writes bytes[0, length) (length -1: all of them), however many calls the descriptor needs. */
  private writeAll(bytes: Uint8Array, length: number): void {
    let offset = 0;
    let left = length === -1 ? bytes.length : length;
    while (left > 0) {
      let written: number;
      try {
        written = this.writeBytes(this.fd, bytes, offset, left);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") {
          this.wait(WAIT_MS);
          continue;
        }
        if (code === "EPIPE") {
          this.closed = true;
          return;
        }
        throw error;
      }
      offset += written;
      left -= written;
    }
  }
}
