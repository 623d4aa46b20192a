// A tiny test harness for the end-to-end run: named checks, a tally, and a closing "N passed, M failed" line.

export class Tally {
  passed = 0;
  failed = 0;
  failures = [];

  /** Run one check; a thrown error (or a rejected promise) fails it with its message. */
  async check(name, fn) {
    try {
      await fn();
      this.passed += 1;
      console.log(`  ok      ${name}`);
    } catch (error) {
      this.failed += 1;
      const reason = error instanceof Error ? error.message : String(error);
      this.failures.push({ name, reason });
      console.log(`  FAILED  ${name}\n          ${reason.split("\n").join("\n          ")}`);
    }
  }

  /** A whole scenario: a setup error fails the scenario once instead of crashing the run. */
  async scenario(name, fn) {
    console.log(`\n${name}`);
    try {
      await fn();
    } catch (error) {
      this.failed += 1;
      const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.failures.push({ name, reason });
      console.log(
        `  FAILED  ${name} (could not run to the end)\n          ${reason.split("\n").slice(0, 6).join("\n          ")}`,
      );
    }
  }

  summary() {
    return `${this.passed} passed, ${this.failed} failed`;
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
