/**
 * `npm install -g .` (and any production install) gets only package.json's "dependencies": every package the
 * built command line loads at run time must be listed there, not among the dev dependencies (exceljs, for one,
 * is only the tests' oracle and the benchmark's floor).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { buildCli, cliEnv, fixture, ROOT } from "./runCli";

const packageJson = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The package names lib/cli.js requires (bare specifiers, node: built-ins and relative paths left out). */
function requiredPackages(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/\brequire\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
    const specifier = m[1];
    if (specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0])) continue;
    const parts = specifier.split("/");
    names.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]);
  }
  return [...names].sort();
}

describe("the built command line's run-time packages", () => {
  beforeAll(() => buildCli());

  it("are all production dependencies", () => {
    const code = readFileSync(join(ROOT, "lib", "cli.js"), "utf8");
    const required = requiredPackages(code);
    // docx is loaded lazily by `fengong notes --out-dir`; it must be there and be a dependency.
    expect(required).toContain("docx");
    expect(required.filter((name) => !(name in packageJson.dependencies))).toEqual([]);
  });

  it("do not include exceljs, which only the tests and the benchmark use", () => {
    const code = readFileSync(join(ROOT, "lib", "cli.js"), "utf8");
    expect(requiredPackages(code)).not.toContain("exceljs");
    expect(packageJson.dependencies).not.toHaveProperty("exceljs");
    expect(packageJson.devDependencies).toHaveProperty("exceljs");
  });
});

describe("what `fengong check` loads at start", () => {
  beforeAll(() => buildCli());

  it("leaves out Node's crypto and worker_threads, which only --out and fflate's asynchronous API need", () => {
    // The built-in modules the command has loaded by the time it exits, as Node lists them.
    const probe = [
      "const fs = require('node:fs');",
      "process.on('exit', () => fs.writeSync(2, '\\n@@' + JSON.stringify(process.moduleLoadList)));",
      `process.argv = [process.argv[0], ${JSON.stringify(join(ROOT, "bin", "fengong.js"))}, ...process.argv.slice(1)];`,
      "require(process.argv[1]);",
    ].join("\n");
    const args = ["check", fixture("yunnan-2017-notice.xlsx"), "--json", "--as-of", "2017-08-15"];
    let stderr = "";
    try {
      execFileSync(process.execPath, ["-e", probe, ...args], { cwd: ROOT, env: cliEnv(), stdio: "pipe" });
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr); // exit 1: the plan has errors
    }
    const loaded = JSON.parse(stderr.slice(stderr.lastIndexOf("@@") + 2)) as string[];
    expect(loaded).toContain("NativeModule zlib"); // the probe sees what the command loaded
    expect(loaded.filter((name) => /^NativeModule (crypto|worker_threads)$/.test(name))).toEqual([]);
  });
});
