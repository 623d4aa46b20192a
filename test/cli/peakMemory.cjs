// Preloaded into the CLI by test/cli/limits.test.ts (node --require): writes the process's peak resident set
// size (bytes) to the file named by FENGONG_PEAK_RSS_FILE when it exits.
"use strict";
const fs = require("node:fs");
const file = process.env.FENGONG_PEAK_RSS_FILE;
if (file) process.on("exit", () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
