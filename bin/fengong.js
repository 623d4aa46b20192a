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
    // Exit once everything written has gone out (a write's callback runs after the writes before it), instead of
    // letting Node free the whole heap first: that teardown costs tens of milliseconds after a big plan.
    let open = 2;
    const flushed = () => {
      if (--open === 0) process.exit(code);
    };
    process.stdout.write("", flushed);
    process.stderr.write("", flushed);
  });
