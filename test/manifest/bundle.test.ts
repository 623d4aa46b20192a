/**
 * The bundle layout of webpack.config.js on a tiny stand-in app (built in a temp folder in ~2 s; the real app
 * is built by `npm run build` in the e2e run):
 * - the one entry, the ribbon commands, is the page's first script and carries no UI library; the pane (and its
 *   UI library) arrives by import() after the commands are registered (office-js#5176: the first click);
 * - a module imported by the pane and by the commands is instantiated once (the shared runtime's result store);
 * - a library reached only through import() (exceljs in standalone mode) stays out of the initial files;
 * - bundle-stats.json and the "initial JS (gzip)" line report the real gzip sizes of the initial files.
 * And on the real sources: the commands entry's static imports reach neither React nor Fluent UI.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { JSDOM } from "jsdom";
import ts from "typescript";
import webpack, { type Configuration } from "webpack";
import { BundleStatsPlugin, type BundleStats } from "../../scripts/bundle-stats-plugin";
import { ROOT } from "./helpers";

type ConfigFactory = (env: Record<string, unknown>, argv: { mode?: string }) => Promise<Configuration>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createConfig: ConfigFactory = require(path.join(ROOT, "webpack.config.js"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const HtmlWebpackPlugin: new (options: object) => webpack.WebpackPluginInstance = require("html-webpack-plugin");

const LAZY_MARKER = "lazy-xlsx-library-body";
const UI_MARKER = "ui-library-body";

const files: Record<string, string> = {
  "node_modules/fake-ui/index.js": `module.exports = { uiVersion: 18, uiName: "${UI_MARKER}" };`,
  "node_modules/fake-xlsx/index.js": `module.exports = { read: function () { return "${LAZY_MARKER}"; } };`,
  "src/shared.js": "window.__instances = (window.__instances || 0) + 1;\nexport const store = { runs: 0 };",
  "src/taskpane.js": [
    'import { store } from "./shared";',
    'import { uiVersion, uiName } from "fake-ui";',
    'window.__taskpane = { store, uiVersion, uiName, standalone: () => import("fake-xlsx") };',
  ].join("\n"),
  "src/commands.js": [
    'import { store } from "./shared";',
    "window.__commands = { store, registeredBeforePane: !window.__taskpane };",
    'window.__paneLoaded = import(/* webpackChunkName: "taskpane" */ "./taskpane");',
  ].join("\n"),
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
    entry: { commands: "./src/commands.js" },
    output: { ...real.output, path: path.join(dir, "dist") },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/page.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new BundleStatsPlugin({ entries: ["commands"], log: (line) => logged.push(line) }),
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

const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);

describe("the shared-runtime page", () => {
  it("runs the commands first, then loads the pane; a module both import is instantiated once", async () => {
    const dom = await JSDOM.fromFile(dist("taskpane.html"), { runScripts: "dangerously", resources: "usable" });
    try {
      const window = dom.window as unknown as Record<string, unknown> & { document: Document };
      await new Promise<void>((resolve) => window.document.defaultView!.addEventListener("load", () => resolve()));
      await window.__paneLoaded;
      const taskpane = window.__taskpane as { store: object; uiVersion: number };
      const commands = window.__commands as { store: object; registeredBeforePane: boolean };
      expect(commands.registeredBeforePane).toBe(true);
      expect(taskpane.uiVersion).toBe(18);
      expect(window.__instances).toBe(1);
      expect(commands.store).toBe(taskpane.store);
    } finally {
      dom.window.close();
    }
  });

  it("has the commands entry as its first and only initial script, free of the UI library", () => {
    const scripts = scriptsOf(readFileSync(dist("taskpane.html"), "utf8"));
    expect(scripts).toEqual(stats.initial.files);
    expect(scripts.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, ""))).toEqual(["commands"]);
    for (const file of stats.initial.files) {
      const text = readFileSync(dist(file), "utf8");
      expect(text).not.toContain(UI_MARKER);
      expect(text).not.toContain(LAZY_MARKER);
    }
  });

  it("keeps the pane's UI library and a library reached only through import() in lazy chunks", () => {
    const lazy = stats.assets.filter((a) => a.name.endsWith(".js") && !a.initial);
    const holding = (marker: string) => lazy.filter((a) => readFileSync(dist(a.name), "utf8").includes(marker));
    expect(holding(UI_MARKER)).toHaveLength(1);
    expect(holding(LAZY_MARKER)).toHaveLength(1);
    expect(holding(LAZY_MARKER)[0].name).not.toBe(holding(UI_MARKER)[0].name);
    // bundle-stats.json names the pane's chunks (what the page loads right after the commands) apart.
    expect(stats.pane?.files).toEqual(expect.arrayContaining([holding(UI_MARKER)[0].name]));
    expect(stats.pane?.files).not.toContain(holding(LAZY_MARKER)[0].name);
    expect(logged).toContain(
      `pane JS (gzip): ${((stats.pane?.gzip ?? 0) / 1024).toFixed(1)} KB (loaded by import() after the commands)`,
    );
  });
});

/** Modules the real commands entry reaches through static imports (import() and `import type` excluded). */
function staticImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      let specifier: string | null = null;
      if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
        specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
      } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
        specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
      }
      if (!specifier) continue;
      if (!specifier.startsWith(".")) {
        packages.add(specifier);
        continue;
      }
      const base = path.resolve(path.dirname(file), specifier);
      const resolved = [".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((f) => existsSync(f));
      if (!resolved) throw new Error(`cannot resolve ${specifier} from ${file}`);
      visit(resolved);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => path.relative(ROOT, f)), packages: [...packages] };
}

describe("the real commands entry (src/commands/commands.ts)", () => {
  it("reaches neither React nor Fluent UI (nor any package) through its static imports", () => {
    const { files, packages } = staticImports(path.join(ROOT, "src", "commands", "commands.ts"));
    expect(packages).toEqual([]);
    expect(files).toContain(path.join("src", "commands", "handlers.ts"));
    expect(files.filter((f) => f.endsWith(".tsx") || f.includes(path.join("src", "taskpane", "components")))).toEqual(
      [],
    );
  });

  it("registers the commands at top level and loads the pane with import() after", () => {
    const source = readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
    // Not inside an Office.onReady callback: any onReady call comes after the associations.
    expect(source).not.toMatch(/Office\.onReady\s*\(\s*\(/);
    const lastAssociate = source.lastIndexOf("Office.actions.associate(");
    expect(source.indexOf("Office.onReady(")).toBeGreaterThan(lastAssociate);
    expect(source.indexOf("registerCommands();")).toBeGreaterThan(0);
    expect(source.indexOf('import(/* webpackChunkName: "taskpane" */ "../taskpane/index")')).toBeGreaterThan(
      source.indexOf("registerCommands();"),
    );
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
