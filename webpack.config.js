/**
 * Webpack for the Excel add-in, in the style of Microsoft's Office-Addin-TaskPane-React template.
 *
 * One page, dist/taskpane.html, carries both entries: `taskpane` (the React pane) and `commands` (the ribbon
 * handlers). That is the shared runtime: the manifest points the Runtime, the FunctionFile and the task pane at
 * the same URL, so the ribbon and the pane run in one JavaScript context (runtimeChunk "single" makes them
 * share one module registry: src/app/resultStore.ts is instantiated once).
 *
 *   npm run build        production: hashed files, manifest URLs rewritten to the production origin
 *   npm run build:dev    development build (manifest left on https://localhost:3000/)
 *   npm run dev-server   https://localhost:3000 with office-addin-dev-certs (http if no certificate can be made)
 *
 * Production origin: `npm run build -- --env origin=https://host/path/` or FENGONG_ORIGIN=https://host/path/
 * (see scripts/manifest-origin.js). The build fails if dist/manifest.xml would still mention localhost.
 */
const fs = require("node:fs");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DEV_ORIGIN, resolveOrigin, productionManifest } = require("./scripts/manifest-origin");
const { BundleStatsPlugin } = require("./scripts/bundle-stats-plugin");

const DEV_SERVER_PORT = 3000; // The dev manifest's URLs say https://localhost:3000/.
/** The analysis Web Worker's chunk name (the `name` given to new Worker in src/worker/spawnWorker.ts). */
const ANALYSIS_WORKER = "fengong-analysis";

/**
 * HTTPS options for the dev server from office-addin-dev-certs. Installing the CA into the system store needs
 * sudo and can fail (Linux, CI); the certificate files it generated first are still usable, the browser or
 * Office just has to trust ~/.office-addin-dev-certs/ca.crt. Without any certificate: plain http, said loudly.
 */
async function devServerTransport() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    const paths = Object.fromEntries(Object.entries(files).map(([key, file]) => [key, path.join(dir, file)]));
    if (Object.values(paths).every((file) => fs.existsSync(file))) {
      console.warn(
        `[fengong] The dev certificate authority could not be installed (${reason}).\n` +
          `[fengong] Serving https with the generated certificate; trust ${paths.ca} yourself if Office or the browser refuses it.`,
      );
      const read = (file) => fs.readFileSync(file);
      return { type: "https", options: { ca: read(paths.ca), cert: read(paths.cert), key: read(paths.key) } };
    }
    console.warn(
      `[fengong] Could not create HTTPS dev certificates (${reason}).\n` +
        `[fengong] Falling back to HTTP: http://localhost:${DEV_SERVER_PORT}/taskpane.html opens standalone in a browser, ` +
        `but Office will not load the add-in until https works (npx office-addin-dev-certs install).`,
    );
    return { type: "http" };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const origin = dev ? DEV_ORIGIN : resolveOrigin({ cliOrigin: env.origin, environment: process.env.FENGONG_ORIGIN });
  if (!dev) console.log(`[fengong] production origin for dist/manifest.xml: ${origin}`);

  return {
    mode: dev ? "development" : "production",
    // Not the default "eval" devtools: the page's Content-Security-Policy forbids eval (script-src 'self').
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking runs once in `npm run typecheck`; the build only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    optimization: {
      // Both entries run in one page: one webpack runtime, so a module they share exists once.
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Libraries the page needs at start (React, Fluent UI, ...) in one file. Only "initial" chunks:
          // libraries reached only through import() (exceljs in standalone mode) stay in their own lazy chunks,
          // out of the Office path.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            // Not the analysis worker's own entry (src/worker/spawnWorker.ts names it): the worker keeps its
            // libraries to itself instead of pulling the page's vendor file (React, Fluent UI) in.
            chunks: (chunk) => chunk.canBeInitial() && chunk.name !== ANALYSIS_WORKER,
            name: "vendor",
            priority: 10,
            enforce: true, // Always its own file, however small (stable caching, predictable layout).
            reuseExistingChunk: true,
          },
          // exceljs (standalone mode only) under its own name, so bundle-stats.json shows where it went.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            chunks: "async",
            name: "exceljs",
            priority: 20,
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false }, // Sizes are printed (and written to dist/bundle-stats.json) instead.
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands"],
        scriptLoading: "defer",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          // The PNGs the manifest points at and the support page; the SVG drawings stay in the repository.
          { from: "assets", to: "assets", globOptions: { ignore: ["**/svg/**"] } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : productionManifest(content.toString("utf8"), origin)),
          },
        ],
      }),
      new BundleStatsPlugin({ page: "taskpane.html", entries: ["taskpane", "commands"] }),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      hot: true,
      static: false, // Everything the page needs is built or copied by webpack.
      headers: { "Access-Control-Allow-Origin": "*" },
      // Only `webpack serve` needs certificates: a build never asks for them.
      server: env.WEBPACK_SERVE ? await devServerTransport() : "http",
    },
  };
};
