/**
 * Webpack for the Excel add-in, in the style of Microsoft's Office-Addin-TaskPane-React template.
 *
 * One page, dist/taskpane.html, is the shared runtime: the manifest points the Runtime, the FunctionFile and
 * the task pane at the same URL, so the ribbon and the pane run in one JavaScript context. Its scripts, in order:
 *   1. startup.js (src/startup, classic ES5, in <head>): the IE11/old-webview message, and office.js requested
 *      only when the page runs inside Office;
 *   2. the one entry, `commands` (src/commands/commands.ts, with webpack's runtime): registers the ribbon
 *      commands at once (Office.actions.associate at top level, no React or Fluent UI), then loads the task pane
 *      (React, Fluent UI) with import() as lazy chunks. One entry, one module registry: src/app/resultStore.ts
 *      is instantiated once for the ribbon and the pane.
 *
 *   npm run build          production: hashed files, manifest URLs rewritten to FENGONG_ORIGIN (or a placeholder,
 *                          said loudly: that dist/manifest.xml must not be deployed)
 *   npm run build:release  the same, but refuses to build without FENGONG_ORIGIN (or --env origin=...)
 *   npm run build:dev      development build (manifest left on https://localhost:3000/)
 *   npm run dev-server     https://localhost:3000 with office-addin-dev-certs (http if no certificate can be made)
 *
 * Production origin: FENGONG_ORIGIN=https://host/path/ (or `--env origin=...`), see scripts/manifest-origin.js.
 * The build fails if dist/manifest.xml would still mention localhost. The dev server sends the page's
 * Content-Security-Policy as an HTTP header too (scripts/csp.js), with frame-ancestors for Office's origins.
 */
const fs = require("node:fs");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DEV_ORIGIN, productionManifest, originForBuild } = require("./scripts/manifest-origin");
const { securityHeaders } = require("./scripts/csp");
const { BundleStatsPlugin } = require("./scripts/bundle-stats-plugin");

const DEV_SERVER_PORT = 3000; // The dev manifest's URLs say https://localhost:3000/.
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
  const origin = dev
    ? DEV_ORIGIN
    : originForBuild({ cliOrigin: env.origin, environment: process.env.FENGONG_ORIGIN, release: Boolean(env.release) });

  return {
    mode: dev ? "development" : "production",
    // Not the default "eval" devtools: the page's Content-Security-Policy forbids eval (script-src 'self').
    devtool: "source-map",
    // The one entry: the ribbon commands first; the pane (src/taskpane/index.tsx) is loaded by it with import().
    entry: {
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
      // One entry: webpack's runtime lives in the commands file, the page's first module script.
      runtimeChunk: false,
      splitChunks: {
        chunks: "all",
      },
    },
    performance: { hints: false }, // Sizes are printed (and written to dist/bundle-stats.json) instead.
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["commands"],
        scriptLoading: "defer",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          // The PNGs the manifest points at and the support page; the SVG drawings stay in the repository.
          { from: "assets", to: "assets", globOptions: { ignore: ["**/svg/**"] } },
          // The first script of the page, as written (ES5: it must run where nothing else can).
          { from: "src/startup/startup.js", to: "startup.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : productionManifest(content.toString("utf8"), origin)),
          },
        ],
      }),
      new BundleStatsPlugin({ page: "taskpane.html", entries: ["commands"] }),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      hot: true,
      static: false, // Everything the page needs is built or copied by webpack.
      // The page's CSP as a header (frame-ancestors works only there) and the other security headers.
      headers: securityHeaders({ dev: true }),
      // Only `webpack serve` needs certificates: a build never asks for them.
      server: env.WEBPACK_SERVE ? await devServerTransport() : "http",
    },
  };
};
