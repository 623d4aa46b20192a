/**
 * webpack.config.js wiring, without running a build: the shared-runtime page, the manifest rewrite in
 * production (and not in development), no eval devtool (the page's CSP forbids eval).
 */
import path from "node:path";
import type { Configuration } from "webpack";
import { DEFAULT_PRODUCTION_ORIGIN, DEV_ORIGIN } from "../../scripts/manifest-origin";
import { readManifest, ROOT } from "./helpers";

type ConfigFactory = (env: Record<string, unknown>, argv: { mode?: string }) => Promise<Configuration>;
// webpack.config.js is CommonJS (webpack-cli loads it directly): require it as it is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createConfig: ConfigFactory = require(path.join(ROOT, "webpack.config.js"));

interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer, absoluteFrom: string) => Buffer | string;
}

function pluginNamed<T>(config: Configuration, name: string): T {
  const plugin = config.plugins?.find((p) => p?.constructor?.name === name);
  if (!plugin) throw new Error(`no ${name} in the config`);
  return plugin as T;
}

function manifestPattern(config: Configuration): CopyPattern {
  const copy = pluginNamed<{ patterns: CopyPattern[] }>(config, "CopyPlugin");
  const pattern = copy.patterns.find((p) => p.from === "manifest.xml");
  if (!pattern) throw new Error("manifest.xml is not copied");
  return pattern;
}

function builtManifest(config: Configuration): string {
  const pattern = manifestPattern(config);
  const content = Buffer.from(readManifest());
  return String(pattern.transform ? pattern.transform(content, path.join(ROOT, "manifest.xml")) : content);
}

const savedOrigin = process.env.FENGONG_ORIGIN;
let log: jest.SpyInstance;
beforeEach(() => {
  delete process.env.FENGONG_ORIGIN;
  log = jest.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  log.mockRestore();
  if (savedOrigin === undefined) delete process.env.FENGONG_ORIGIN;
  else process.env.FENGONG_ORIGIN = savedOrigin;
});

describe("webpack.config.js", () => {
  it("builds one page whose one entry is the ribbon commands (the pane comes by import()), plus startup.js", async () => {
    const config = await createConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    expect(config.entry).toEqual({ commands: "./src/commands/commands.ts" });
    const pages = config.plugins?.filter((p) => p?.constructor?.name === "HtmlWebpackPlugin") as unknown as {
      userOptions: { filename: string; template: string; chunks: string[] };
    }[];
    expect(pages.map((p) => p.userOptions)).toEqual([
      expect.objectContaining({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["commands"],
      }),
    ]);
    expect(config.optimization?.runtimeChunk).toBe(false);
    const copy = pluginNamed<{ patterns: CopyPattern[] }>(config, "CopyPlugin");
    expect(copy.patterns).toContainEqual({ from: "src/startup/startup.js", to: "startup.js" });
  });

  it("the dev server sends the page's CSP as a header, with frame-ancestors for Office", async () => {
    const config = (await createConfig({ WEBPACK_BUILD: true }, { mode: "development" })) as Configuration & {
      devServer: { headers: Record<string, string> };
    };
    expect(config.devServer.headers["Content-Security-Policy"]).toMatch(
      /^default-src 'self'; .*; frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com /,
    );
  });

  it.each(["development", "production"])("uses a source-map devtool without eval in %s", async (mode) => {
    const config = await createConfig({ WEBPACK_BUILD: true }, { mode });
    expect(config.devtool).toBe("source-map");
  });

  it("rewrites the manifest to FENGONG_ORIGIN in production, leaving no localhost", async () => {
    process.env.FENGONG_ORIGIN = "https://intranet.example.gov.cn/fengong";
    const manifest = builtManifest(await createConfig({ WEBPACK_BUILD: true }, { mode: "production" }));
    expect(manifest).not.toMatch(/localhost/);
    expect(manifest).toContain(
      '<bt:Url id="Taskpane.Url" DefaultValue="https://intranet.example.gov.cn/fengong/taskpane.html?host=office"/>',
    );
  });

  it("lets --env origin win over FENGONG_ORIGIN", async () => {
    process.env.FENGONG_ORIGIN = "https://env.example.gov.cn/";
    const config = await createConfig(
      { WEBPACK_BUILD: true, origin: "https://cli.example.gov.cn/" },
      { mode: "production" },
    );
    const manifest = builtManifest(config);
    expect(manifest).toContain("https://cli.example.gov.cn/taskpane.html");
    expect(manifest).not.toContain("env.example.gov.cn");
  });

  it("refuses an http origin before building anything", async () => {
    process.env.FENGONG_ORIGIN = "http://intranet.example.gov.cn/";
    await expect(createConfig({ WEBPACK_BUILD: true }, { mode: "production" })).rejects.toThrow(/must use https/);
  });

  it("without FENGONG_ORIGIN, npm run build still builds but says the manifest must not be deployed", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const manifest = builtManifest(await createConfig({ WEBPACK_BUILD: true }, { mode: "production" }));
      expect(manifest).toContain(`${DEFAULT_PRODUCTION_ORIGIN}taskpane.html`);
      const said = warn.mock.calls.map((call) => String(call[0])).join("\n");
      expect(said).toMatch(/FENGONG_ORIGIN is not set/);
      expect(said).toMatch(/Do NOT deploy this dist\/manifest\.xml/);
      expect(said).toContain(DEFAULT_PRODUCTION_ORIGIN);
    } finally {
      warn.mockRestore();
    }
  });

  it("npm run build:release (--env release) refuses to build without FENGONG_ORIGIN, and builds with it", async () => {
    await expect(createConfig({ WEBPACK_BUILD: true, release: true }, { mode: "production" })).rejects.toThrow(
      /build:release needs the production origin: set FENGONG_ORIGIN/,
    );
    process.env.FENGONG_ORIGIN = "https://fengong.intranet.example.gov.cn/";
    const manifest = builtManifest(await createConfig({ WEBPACK_BUILD: true, release: true }, { mode: "production" }));
    expect(manifest).toContain("https://fengong.intranet.example.gov.cn/taskpane.html?host=office");
  });

  it("leaves the manifest on the dev server in development", async () => {
    const manifest = builtManifest(await createConfig({ WEBPACK_BUILD: true }, { mode: "development" }));
    expect(manifest).toBe(readManifest());
    expect(manifest).toContain(`${DEV_ORIGIN}taskpane.html`);
  });
});
