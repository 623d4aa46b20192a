// The Office path's initial JavaScript: small, and without what only a check or the standalone page needs (the
// .xlsx package reader, OpenCC's dictionaries), which come in lazy chunks.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { assert } from "../lib/harness.mjs";

export const INITIAL_GZIP_LIMIT = 250 * 1024;
/** Strings each library carries, and nothing else in the pane does. */
const LAZY_LIBRARIES = [
  { name: "the .xlsx package reader (src/xlsx)", signature: "xl/workbook.xml" },
  { name: "OpenCC (traditional -> simplified, used by the analysis)", signature: "Invalid dictionary entry" },
];

export async function bundleChecks(tally, { dist }) {
  const stats = JSON.parse(await readFile(path.join(dist, "bundle-stats.json"), "utf8"));
  const initial = stats.initial.files;

  const paneGzip = stats.pane?.gzip ?? Number.NaN;
  await tally.check(
    `bundle: the Office path's JS, commands + pane, < 250 KB gzip (bundle-stats.json: ${(stats.initial.gzip / 1024).toFixed(1)} + ${(paneGzip / 1024).toFixed(1)} KB)`,
    async () => {
      assert(stats.pane && stats.pane.files.length > 0, "bundle-stats.json has no pane group");
      const total = stats.initial.gzip + paneGzip;
      assert(total < INITIAL_GZIP_LIMIT, `commands + pane JS is ${total} bytes gzip`);
    },
  );

  await tally.check(
    "bundle: the initial files re-measured here agree (gzip level 6) and stay under the limit",
    async () => {
      let total = 0;
      for (const file of initial) total += gzipSync(await readFile(path.join(dist, file)), { level: 6 }).length;
      assert(total < INITIAL_GZIP_LIMIT, `initial JS is ${total} bytes gzip`);
      assert(Math.abs(total - stats.initial.gzip) < 1024, `bundle-stats says ${stats.initial.gzip}, measured ${total}`);
    },
  );

  for (const { name, signature } of LAZY_LIBRARIES) {
    await tally.check(`bundle: ${name} is not in the Office path's JS but in a lazy chunk`, async () => {
      for (const file of [...initial, ...(stats.pane?.files ?? [])]) {
        const text = await readFile(path.join(dist, file), "utf8");
        assert(!text.includes(signature), `${file} (initial or pane) contains ${name}`);
      }
      const lazy = stats.assets.filter((asset) => !asset.initial && asset.name.endsWith(".js"));
      let found = false;
      for (const asset of lazy)
        if ((await readFile(path.join(dist, asset.name), "utf8")).includes(signature)) found = true;
      assert(found, `no lazy chunk holds ${name}: the check above would prove nothing`);
    });
  }
  return stats;
}
