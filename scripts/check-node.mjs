// Checks that the running Node.js is one package.json's "engines.node" allows, before `npm ci` builds anything.
// npm itself only warns about the engines of dependencies (EBADENGINE), never about the project's own: without
// this check, Node 20.0-20.18 installs and then fails in the middle of a test run. The ranges are the ones the
// installed dependencies require (eslint-visitor-keys 5 wants ^20.19 || ^22.13 || >=24; jest 30 leaves out 21
// and 23); test/manifest/engines.test.ts keeps them true. No dependency is used: this runs before anything else.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** "20.19.0" -> [20, 19, 0]; missing parts are 0. */
export function versionParts(text) {
  const parts = String(text).replace(/^v/, "").split(".").map(Number);
  return [0, 1, 2].map((i) => (Number.isInteger(parts[i]) ? parts[i] : 0));
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Whether a version satisfies a range made of "||" alternatives, each "^X.Y.Z" or ">=X[.Y.Z]". */
export function satisfies(version, range) {
  const v = versionParts(version);
  return range.split("||").some((alternative) => {
    const part = alternative.trim();
    const caret = /^\^(\d+(?:\.\d+){0,2})$/.exec(part);
    if (caret) {
      const floor = versionParts(caret[1]);
      return v[0] === floor[0] && compare(v, floor) >= 0;
    }
    const atLeast = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(part);
    if (atLeast) return compare(v, versionParts(atLeast[1])) >= 0;
    throw new Error(`check-node: cannot read the range "${part}" in package.json engines.node`);
  });
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const range = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).engines.node;
  if (!satisfies(process.versions.node, range)) {
    console.error(
      `fengong: Node.js ${process.versions.node} is too old or not supported; this project needs Node.js ${range} ` +
        "(for instance the current Node 20, 22 or 24 release). Install one and run npm ci again.",
    );
    process.exit(1);
  }
}
