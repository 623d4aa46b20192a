#!/usr/bin/env node
"use strict";
// The `fengong` command. lib/cli.js is built by `npm ci` / `npm install` (the prepare script).
const path = require("node:path");
const fs = require("node:fs");
const built = path.join(__dirname, "..", "lib", "cli.js");
if (!fs.existsSync(built)) {
  process.stderr.write("fengong: the command line is not built yet. Run `npm ci` (or `npm run prepare`) in the project folder.\n");
  process.exit(2);
}
require(built)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
