/**
 * The Node range in package.json is true: every installed package accepts the lowest version of each range
 * alternative, and scripts/check-node.mjs (run first by `npm ci`'s prepare) refuses the versions outside it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./helpers";

// semver is installed with npm's own dependency tree (through many packages); it is what npm uses for EBADENGINE.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require(path.join(ROOT, "node_modules", "semver")) as {
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
};

const packageJson = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const range = packageJson.engines.node;

/** The lowest version each alternative of the range allows: "^20.19.0 || >=24" -> 20.19.0, 24.0.0. */
function floors(text: string): string[] {
  return text.split("||").map((part) => {
    const [major, minor = "0", patch = "0"] = part.replace(/[\^>=\s]/g, "").split(".");
    return `${major}.${minor}.${patch}`;
  });
}

/** name@version -> engines.node of every package under node_modules (nested ones included). */
function installedEngines(): { id: string; node: string }[] {
  const found: { id: string; node: string }[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (name.startsWith(".")) continue;
      const folder = path.join(dir, name);
      if (name.startsWith("@")) {
        walk(folder);
        continue;
      }
      const manifest = path.join(folder, "package.json");
      if (existsSync(manifest)) {
        try {
          const json = JSON.parse(readFileSync(manifest, "utf8")) as {
            name?: string;
            version?: string;
            engines?: { node?: unknown };
          };
          const node = json.engines?.node;
          if (typeof node === "string") found.push({ id: `${json.name}@${json.version}`, node });
        } catch {
          // A package.json that is not JSON (test fixtures inside packages) says nothing about engines.
        }
      }
      walk(path.join(folder, "node_modules"));
    }
  };
  walk(path.join(ROOT, "node_modules"));
  return found;
}

/** What scripts/check-node.mjs answers for each version (one child process for all of them). */
function checkNodeSays(versions: string[]): boolean[] {
  const script = pathToFileURL(path.join(ROOT, "scripts", "check-node.mjs")).href;
  const out = execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { satisfies } from ${JSON.stringify(script)}; ` +
        `console.log(JSON.stringify(${JSON.stringify(versions)}.map((v) => satisfies(v, ${JSON.stringify(range)}))));`,
    ],
    { encoding: "utf8" },
  );
  return JSON.parse(out) as boolean[];
}

describe("the Node range", () => {
  const engines = installedEngines();

  test("covers the packages actually installed", () => {
    expect(engines.length).toBeGreaterThan(50);
    for (const floor of floors(range)) {
      const refusing = engines.filter((e) => !semver.satisfies(floor, e.node, { includePrerelease: true }));
      expect({ floor, refusing }).toEqual({ floor, refusing: [] });
    }
  });

  test("is no wider than it must be: Node 20.18 and 22.12 are refused by some installed package", () => {
    for (const tooOld of ["20.18.0", "22.12.0"]) {
      expect(engines.some((e) => !semver.satisfies(tooOld, e.node))).toBe(true);
    }
  });

  test("scripts/check-node.mjs agrees with npm's reading of the range", () => {
    const versions = [
      "18.20.0",
      "20.0.0",
      "20.18.3",
      "20.19.0",
      "20.20.2",
      "21.7.3",
      "22.12.0",
      "22.13.0",
      "23.1.0",
      "24.0.0",
      "26.1.0",
    ];
    const answers = checkNodeSays(versions);
    expect(versions.map((v, i) => [v, answers[i]])).toEqual(versions.map((v) => [v, semver.satisfies(v, range)]));
  });

  test("the running Node passes the check (so npm ci's prepare goes on to build the command line)", () => {
    expect(checkNodeSays([process.versions.node])).toEqual([true]);
  });
});

describe("install scripts", () => {
  test("every dependency with an install script is decided in package.json allowScripts", () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { hasInstallScript?: boolean; optional?: boolean }>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([key, entry]) => key !== "" && entry.hasInstallScript && !entry.optional)
      .map(([key]) => key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect([name, typeof packageJson.allowScripts?.[name]]).toEqual([name, "boolean"]);
  });
});
