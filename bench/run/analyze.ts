/**
 * One analyze measurement, in its own process: warm up, then time `runs` calls.
 *   node --expose-gc bench/tmp/analyze.cjs --layout two-column --rows 100000 --runs 5 --warmups 1
 * Every call reads a plan of its own (same size and layout, another seed), generated before the clock starts:
 * the core's caches (unit cells, deadline texts, traditional -> simplified) then help only as much as a new plan
 * of the same office would, not with a plan they have already seen. The JIT is warm after the warm-up calls.
 * A full collection before each timed call (when --expose-gc is given) keeps one run's garbage off the next.
 */
import { analyze } from "../../src/core/analyze";
import { numberArg, printResult, readArgs, runMain } from "../args";
import { generatePlan, type PlanLayout } from "../generatePlan";
import type { AnalyzeResult } from "../types";
import { AS_OF, DUE_SOON_DAYS, PUBLISHED } from "../vocabulary";

runMain(() => {
  const args = readArgs(process.argv.slice(2));
  const layout = (args.get("layout") === "one-column" ? "one-column" : "two-column") as PlanLayout;
  const rows = numberArg(args, "rows", 1000);
  const runs = numberArg(args, "runs", 5);
  const warmups = numberArg(args, "warmups", 1);
  const collect = (globalThis as { gc?: () => void }).gc;

  const options = { asOf: AS_OF, published: PUBLISHED, dueSoonDays: DUE_SOON_DAYS };
  let seed = 1;
  const started = performance.now();
  let plan = generatePlan({ rows, layout, seed: seed++ });
  const generateMs = performance.now() - started;

  let report = analyze([plan.grid], options);
  for (let i = 1; i < warmups; i++) report = analyze([generatePlan({ rows, layout, seed: seed++ }).grid], options);
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  let tasksExpected = 0;
  let tasksRead = 0;
  for (let i = 0; i < runs; i++) {
    plan = generatePlan({ rows, layout, seed: seed++ });
    collect?.();
    const cpu = process.cpuUsage();
    const t = performance.now();
    report = analyze([plan.grid], options);
    wallMs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    if (report.tasks.length !== plan.tasks.length) {
      throw new Error(
        `analyze read ${report.tasks.length} tasks, the generator wrote ${plan.tasks.length} (seed ${seed - 1})`,
      );
    }
    tasksExpected += plan.tasks.length;
    tasksRead += report.tasks.length;
  }
  const result: AnalyzeResult = {
    layout,
    rows,
    tasks: Math.round(tasksRead / runs),
    tasksExpected: Math.round(tasksExpected / runs),
    findings: report.findings.length,
    generateMs,
    wallMs,
    cpuMs,
    heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
  };
  printResult(result);
});
