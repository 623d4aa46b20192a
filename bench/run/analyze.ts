/**
 * One analyze measurement, in its own process: generate a plan, warm up, then time `runs` calls.
 *   node --expose-gc bench/tmp/analyze.cjs --layout two-column --rows 100000 --runs 5 --warmups 1
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

  const started = performance.now();
  const plan = generatePlan({ rows, layout });
  const generateMs = performance.now() - started;
  const options = { asOf: AS_OF, published: PUBLISHED, dueSoonDays: DUE_SOON_DAYS };

  let report = analyze([plan.grid], options);
  for (let i = 1; i < warmups; i++) report = analyze([plan.grid], options);
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect?.();
    const cpu = process.cpuUsage();
    const t = performance.now();
    report = analyze([plan.grid], options);
    wallMs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  const result: AnalyzeResult = {
    layout,
    rows,
    tasks: report.tasks.length,
    tasksExpected: plan.tasks.length,
    findings: report.findings.length,
    generateMs,
    wallMs,
    cpuMs,
    heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
  };
  printResult(result);
});
