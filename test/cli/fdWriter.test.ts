/**
 * Standard output written straight to its descriptor (src/cli/fdWriter.ts): every byte arrives, in order, however
 * the descriptor answers — a few bytes at a time, EAGAIN from a full non-blocking pipe, EPIPE from a reader that
 * went away — and the real command's JSON through a pipe read late is the JSON read at once.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { FdWriter, type WriteBytes } from "../../src/cli/fdWriter";
import { buildCli, cliEnv, ROOT, runCli, withGeneratedPlan } from "./runCli";

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

/** A descriptor that takes at most `most` bytes a call and answers EAGAIN every `busyEvery`-th call. */
function slowDescriptor(most: number, busyEvery: number) {
  const received: number[] = [];
  let calls = 0;
  const write: WriteBytes = (fd, bytes, offset, length) => {
    expect(fd).toBe(1);
    calls++;
    if (calls % busyEvery === 0) throw errno("EAGAIN");
    const n = Math.min(most, length);
    for (let i = 0; i < n; i++) received.push(bytes[offset + i]);
    return n;
  };
  return { write, bytes: () => Buffer.from(received) };
}

describe("FdWriter", () => {
  const texts = [
    '{"text":"认真落实生态环境信息公开","lead":["省审计厅"]}',
    "",
    "ascii only, ",
    "𠀀𪚥 (surrogate pairs) and a lone \ud800 surrogate, ",
    // Longer than the reused buffer holds (262,144 bytes): encoded on its own.
    "牵头单位、责任单位、完成时限；".repeat(7000),
    "\n",
  ];

  it("writes every byte in order when the descriptor takes a few at a time and is sometimes full (EAGAIN)", () => {
    const descriptor = slowDescriptor(1000, 3);
    const waits: number[] = [];
    const writer = new FdWriter(1, descriptor.write, (ms) => waits.push(ms));
    for (const text of texts) writer.write(text);
    expect(descriptor.bytes().equals(Buffer.from(texts.join(""), "utf8"))).toBe(true);
    expect(waits.length).toBeGreaterThan(10);
    expect(waits.every((ms) => ms > 0)).toBe(true);
  });

  it("stops quietly once the reader has gone (EPIPE) and drops what comes after", () => {
    let calls = 0;
    const writer = new FdWriter(1, (fd, bytes, offset, length) => {
      calls++;
      if (calls > 1) throw errno("EPIPE");
      return length;
    });
    writer.write("第一段");
    expect(() => writer.write("第二段")).not.toThrow();
    writer.write("第三段");
    expect(calls).toBe(2);
  });

  it("lets any other write error through (a full disk is not a broken pipe)", () => {
    const writer = new FdWriter(1, () => {
      throw errno("ENOSPC");
    });
    expect(() => writer.write("任务")).toThrow("ENOSPC");
  });
});

describe("fengong check --json into a pipe", () => {
  beforeAll(buildCli, 60_000);

  it("arrives whole through a non-blocking pipe that the reader leaves full for a while", async () => {
    await withGeneratedPlan(4000, 11, async (file) => {
      const args = ["check", file, "--json", "--as-of", "2024-08-15", "--published", "2024-03-01"];
      const atOnce = await runCli(args);
      expect(atOnce.stdout.length).toBeGreaterThan(1_000_000);

      const child = spawn(process.execPath, [join(__dirname, "children", "nonBlockingStdout.cjs"), ...args], {
        cwd: ROOT,
        env: cliEnv(),
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout.pause(); // the pipe fills up: the command's writes meet EAGAIN until it is read
      const chunks: Buffer[] = [];
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
      child.stdout.resume();
      const code = await exited;
      expect(stderr).toBe("");
      expect(code).toBe(atOnce.code);
      expect(Buffer.concat(chunks).toString("utf8")).toBe(atOnce.stdout);
    });
  }, 120_000);
});
