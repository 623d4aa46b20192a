/**
 * Print the top self-time (and inclusive-time) functions of a .cpuprofile.
 *   node bench/tmp/summarize.cjs FILE.cpuprofile [--top 25] [--within analyze]
 */
import { readProfile, shortName, summarizeProfile } from "../profile";

const args = process.argv.slice(2);
const option = (name: string): string | null => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? null) : null;
};
const file = args.find((arg, i) => !arg.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--")));
if (!file) {
  console.error("usage: node bench/tmp/summarize.cjs FILE.cpuprofile [--top N] [--within FUNCTION]");
  process.exit(2);
}
const summary = summarizeProfile(readProfile(file), { top: Number(option("--top") ?? 25), within: option("--within") });
console.log(`garbage collector: ${(summary.garbageCollector * 100).toFixed(1)}% of all samples`);
for (const [title, lines] of [
  ["self time", summary.self],
  ["inclusive time", summary.inclusive],
] as const) {
  console.log(`${title} (${summary.samples} samples)`);
  for (const { name, share } of lines) console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${shortName(name)}`);
}
