/**
 * webpack.config.js wiring, without running a build: the shared-runtime page, the manifest rewrite in
 * production (and not in development), no eval devtool (the page's CSP forbids eval).
 */
import path from "node:path";
import type { Configuration } from "webpack";
import { DEV_ORIGIN } from "../../scripts/manifest-origin";
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
  it("builds one page carrying both entries, with one shared webpack runtime", async () => {
    const config = await createConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    expect(config.entry).toEqual({ taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" });
    const pages = config.plugins?.filter((p) => p?.constructor?.name === "HtmlWebpackPlugin") as unknown as {
      userOptions: { filename: string; template: string; chunks: string[] };
    }[];
    expect(pages.map((p) => p.userOptions)).toEqual([
      expect.objectContaining({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands"],
      }),
    ]);
    expect(config.optimization?.runtimeChunk).toBe("single");
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
      '<bt:Url id="Taskpane.Url" DefaultValue="https://intranet.example.gov.cn/fengong/taskpane.html"/>',
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

  it("leaves the manifest on the dev server in development", async () => {
    const manifest = builtManifest(await createConfig({ WEBPACK_BUILD: true }, { mode: "development" }));
    expect(manifest).toBe(readManifest());
    expect(manifest).toContain(`${DEV_ORIGIN}taskpane.html`);
  });
});
