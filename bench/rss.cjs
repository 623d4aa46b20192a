// Preloaded into a measured child (node -r bench/rss.cjs ...): at exit, prints one line to stderr with the
// process's peak resident memory and CPU time, for the benchmark to read.
//   FENGONG_BENCH {"maxRssKb":123456,"userMs":1234,"systemMs":56}
process.on("exit", () => {
  const usage = process.resourceUsage();
  const line = { maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 };
  process.stderr.write(`\nFENGONG_BENCH ${JSON.stringify(line)}\n`);
});
