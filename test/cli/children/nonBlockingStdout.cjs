// Child process for test/cli/fdWriter.test.ts: the `fengong` command run after something has touched
// process.stdout, which makes a pipe on standard output non-blocking (libuv) — a full pipe then answers EAGAIN.
"use strict";
const path = require("node:path");
void process.stdout; // opens the stream: the pipe becomes non-blocking
process.argv = [process.argv[0], path.join(__dirname, "..", "..", "..", "bin", "fengong.js"), ...process.argv.slice(2)];
require(process.argv[1]);
