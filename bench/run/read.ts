/**
 * Reading alone, as the command line reads: the file's bytes, the package opened with node:zlib (as
 * `fengong check` installs it), every worksheet scanned into a Grid — and nothing else (no analysis, no
 * output). Run in a fresh process, measured from outside like the floor (bench/floor.cjs).
 *   node -r bench/rss.cjs bench/tmp/read.cjs FILE.xlsx
 * Prints one result line (rows and merged areas of the plan sheet) so the benchmark can see it read the plan.
 */
import { readFile } from "node:fs/promises";
import { installNodeZip } from "../../src/cli/nodeZip";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { printResult, runMain } from "../args";
import type { ReadResult } from "../types";

runMain(async () => {
  const file = process.argv[2];
  if (!file) throw new Error("read: FILE.xlsx is required");
  installNodeZip();
  const workbook = await XlsxWorkbook.fromBuffer(await readFile(file), file);
  const grids = await workbook.readGrids();
  const result: ReadResult = {
    rows: grids.plan.values.length,
    merges: grids.plan.merges.length,
    otherSheets: grids.others.length,
  };
  printResult(result);
});
