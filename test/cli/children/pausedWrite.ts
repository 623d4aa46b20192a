/**
 * Child process for test/cli/files.test.ts: writeOutput(out) that stops once its temporary file exists, prints
 * that file's path as one JSON line, and waits for a signal from the test.
 */
import { writeOutput } from "../../../src/cli/files";

const out = process.argv[2];
const keepAlive = setInterval(() => undefined, 60_000);
void writeOutput(out, new TextEncoder().encode("工作簿内容"), "zh-CN", {
  afterCreate: async (temporary) => {
    process.stdout.write(JSON.stringify({ temporary }) + "\n");
    await new Promise(() => undefined); // until the signal
  },
}).finally(() => clearInterval(keepAlive));
