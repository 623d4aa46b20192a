/**
 * The bundle layout of webpack.config.js on a tiny stand-in app (built in a temp folder in ~2 s; the real app
 * is built by `npm run build` in the e2e run):
 * - one page with both entries shares one module registry: a module imported by the pane and by the ribbon
 *   commands is instantiated once (the shared runtime's result store depends on it);
 * - a library reached only through import() (exceljs in standalone mode) stays out of the initial files;
 * - bundle-stats.json and the "initial JS (gzip)" line report the real gzip sizes of the initial files.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { JSDOM } from "jsdom";
import webpack, { type Configuration } from "webpack";
import { BundleStatsPlugin, type BundleStats } from "../../scripts/bundle-stats-plugin";
import { ROOT } from "./helpers";

type ConfigFactory = (env: Record<string, unknown>, argv: { mode?: string }) => Promise<Configuration>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createConfig: ConfigFactory = require(path.join(ROOT, "webpack.config.js"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const HtmlWebpackPlugin: new (options: object) => webpack.WebpackPluginInstance = require("html-webpack-plugin");

const LAZY_MARKER = "lazy-xlsx-library-body";

const files: Record<string, string> = {
  "node_modules/fake-ui/index.js": "module.exports = { uiVersion: 18 };",
  "node_modules/fake-xlsx/index.js": `module.exports = { read: function () { return "${LAZY_MARKER}"; } };`,
  "src/shared.js": "window.__instances = (window.__instances || 0) + 1;\nexport const store = { runs: 0 };",
  "src/taskpane.js": [
    'import { store } from "./shared";',
    'import { uiVersion } from "fake-ui";',
    'window.__taskpane = { store, uiVersion, standalone: () => import("fake-xlsx") };',
  ].join("\n"),
  "src/commands.js": 'import { store } from "./shared";\nwindow.__commands = { store };',
  "src/page.html":
    '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="container"></div></body></html>',
};

let dir: string;
let stats: BundleStats;
const logged: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "fengong-bundle-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  const real = await createConfig({ WEBPACK_BUILD: true }, { mode: "production" });
  log.mockRestore();
  const config: Configuration = {
    ...real,
    context: dir,
    devtool: false,
    entry: { taskpane: "./src/taskpane.js", commands: "./src/commands.js" },
    output: { ...real.output, path: path.join(dir, "dist") },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/page.html",
        chunks: ["taskpane", "commands"],
      }),
      new BundleStatsPlugin({ log: (line) => logged.push(line) }),
    ],
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error, result) => {
      if (error) return reject(error);
      if (result?.hasErrors()) return reject(new Error(result.toString("errors-only")));
      resolve();
    }),
  );
  stats = JSON.parse(readFileSync(path.join(dir, "dist", "bundle-stats.json"), "utf8")) as BundleStats;
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const dist = (name: string) => path.join(dir, "dist", name);

describe("the shared-runtime page", () => {
  it("instantiates a module shared by the pane and the commands once", async () => {
    const dom = await JSDOM.fromFile(dist("taskpane.html"), { runScripts: "dangerously", resources: "usable" });
    try {
      const window = dom.window as unknown as Record<string, unknown> & { document: Document };
      await new Promise<void>((resolve) => window.document.defaultView!.addEventListener("load", () => resolve()));
      const taskpane = window.__taskpane as { store: object; uiVersion: number };
      const commands = window.__commands as { store: object };
      expect(taskpane.uiVersion).toBe(18);
      expect(window.__instances).toBe(1);
      expect(commands.store).toBe(taskpane.store);
    } finally {
      dom.window.close();
    }
  });

  it("keeps a library reached only through import() out of the initial files", () => {
    const html = readFileSync(dist("taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
    expect([...scripts].sort()).toEqual([...stats.initial.files].sort());
    expect(stats.initial.files.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, ""))).toEqual(
      expect.arrayContaining(["runtime", "vendor", "taskpane", "commands"]),
    );
    for (const file of stats.initial.files) expect(readFileSync(dist(file), "utf8")).not.toContain(LAZY_MARKER);
    const lazy = stats.assets.filter((a) => a.name.endsWith(".js") && !a.initial);
    expect(lazy).toHaveLength(1);
    expect(readFileSync(dist(lazy[0].name), "utf8")).toContain(LAZY_MARKER);
  });
});

describe("bundle-stats.json", () => {
  it("holds the true raw and gzip sizes, and their initial totals", () => {
    for (const asset of stats.assets) {
      const bytes = readFileSync(dist(asset.name));
      expect(asset.raw).toBe(bytes.length);
      expect(asset.gzip).toBe(zlib.gzipSync(bytes, { level: stats.gzipLevel }).length);
    }
    const initial = stats.assets.filter((a) => a.initial);
    expect(stats.initial.raw).toBe(initial.reduce((sum, a) => sum + a.raw, 0));
    expect(stats.initial.gzip).toBe(initial.reduce((sum, a) => sum + a.gzip, 0));
    expect(stats.assets.some((a) => a.name === "taskpane.html" && !a.initial)).toBe(true);
  });

  it("is announced on the console as 'initial JS (gzip): N KB'", () => {
    expect(logged).toContain(`initial JS (gzip): ${(stats.initial.gzip / 1024).toFixed(1)} KB`);
  });
});
