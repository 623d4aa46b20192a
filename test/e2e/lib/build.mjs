// Make sure dist/ holds a production build of the current sources (build when missing or older than them).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Newest modification time (ms) of the files under `target` (a file or a folder). */
function newest(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

/**
 * Build unless dist/ is newer than everything it is built from. FENGONG_E2E_BUILD=always forces a build,
 * =never uses dist/ as it is (and fails if it is missing).
 */
export function ensureBuild(root) {
  const stamp = path.join(root, "dist", "bundle-stats.json");
  const mode = process.env.FENGONG_E2E_BUILD ?? "auto";
  const inputs = [
    "src",
    "assets",
    "manifest.xml",
    "webpack.config.js",
    "package-lock.json",
    "tsconfig.json",
    "scripts",
  ];
  const sourceTime = Math.max(...inputs.map((input) => newest(path.join(root, input))));
  const fresh =
    existsSync(stamp) && existsSync(path.join(root, "dist", "taskpane.html")) && statSync(stamp).mtimeMs >= sourceTime;
  if (mode === "never" || (mode === "auto" && fresh)) {
    if (!existsSync(stamp)) throw new Error("dist/ is not built (FENGONG_E2E_BUILD=never): run `npm run build` first");
    console.log(
      `dist/ is ${fresh ? "up to date" : "older than the sources (FENGONG_E2E_BUILD=never)"}: not rebuilding`,
    );
    return;
  }
  console.log("building dist/ (npm run build) ...");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}
