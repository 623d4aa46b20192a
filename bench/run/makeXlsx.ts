/**
 * Write a generated plan as .xlsx (streaming writer).
 *   node bench/tmp/makeXlsx.cjs --layout two-column --rows 100000 --out bench/tmp/plan-two-column-100k.xlsx
 */
import { statSync } from "node:fs";
import { numberArg, printResult, readArgs, runMain } from "../args";
import { generatePlan, type PlanLayout } from "../generatePlan";
import type { MakeXlsxResult } from "../types";
import { writePlanXlsx } from "../writeXlsx";

runMain(async () => {
  const args = readArgs(process.argv.slice(2));
  const layout = (args.get("layout") === "one-column" ? "one-column" : "two-column") as PlanLayout;
  const rows = numberArg(args, "rows", 1000);
  const file = args.get("out");
  if (!file) throw new Error("makeXlsx: --out FILE is required");
  const started = performance.now();
  const plan = generatePlan({ rows, layout });
  await writePlanXlsx(plan.grid, file);
  const result: MakeXlsxResult = {
    file,
    bytes: statSync(file).size,
    rows,
    tasks: plan.tasks.length,
    merges: plan.grid.merges.length,
    ms: performance.now() - started,
  };
  printResult(result);
});
