"use strict";
/**
 * A small webpack plugin: the size of what an HTML page loads before it can run.
 *
 * For one page (by default taskpane.html, whose one entry is `commands`: shared runtime) it sums the raw and
 * gzip sizes of the entries' initial JS files (not the chunks loaded later with import()), logs
 * "initial JS (gzip): N KB" and a per-asset table, and emits bundle-stats.json next to the bundle:
 *   { page, entries, gzipLevel, initial: { files, raw, gzip }, assets: [{ name, raw, gzip, initial }],
 *     pane?: { files, raw, gzip } }
 * `pane` (option paneGroup, default "taskpane"): the chunks of that named import() group not already initial —
 * what the page loads right after the ribbon commands to show the task pane ("pane JS (gzip): N KB").
 * Sizes are bytes; gzip at level 6 (GZIP_LEVEL). Source maps are left out.
 */
const zlib = require("node:zlib");

const PLUGIN = "FengongBundleStatsPlugin";
/** zlib's default level, what web servers typically use. */
const GZIP_LEVEL = 6;

class BundleStatsPlugin {
  /**
   * @param {{ page?: string, entries?: string[], filename?: string, log?: (line: string) => void }} [options]
   */
  constructor(options = {}) {
    this.page = options.page ?? "taskpane.html";
    this.entries = options.entries ?? ["commands"];
    this.paneGroup = options.paneGroup ?? "taskpane";
    this.filename = options.filename ?? "bundle-stats.json";
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    /** @type {ReturnType<BundleStatsPlugin["measure"]> | null} */
    let stats = null;

    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        stats = this.measure(compilation);
        compilation.emitAsset(this.filename, new sources.RawSource(`${JSON.stringify(stats, null, 2)}\n`));
      });
    });

    compiler.hooks.done.tap(PLUGIN, (result) => {
      if (stats && !result.hasErrors()) this.print(stats);
    });
  }

  /** @param {import("webpack").Compilation} compilation */
  measure(compilation) {
    const initialFiles = new Set();
    for (const name of this.entries) {
      const entrypoint = compilation.entrypoints.get(name);
      if (!entrypoint) {
        compilation.errors.push(new compilation.compiler.webpack.WebpackError(`${PLUGIN}: no entry "${name}"`));
        continue;
      }
      for (const file of entrypoint.getFiles()) if (file.endsWith(".js")) initialFiles.add(file);
    }

    const assets = compilation
      .getAssets()
      .filter(({ name }) => !name.endsWith(".map") && name !== this.filename)
      .map(({ name, source }) => {
        const buffer = source.buffer();
        return {
          name,
          raw: buffer.length,
          gzip: zlib.gzipSync(buffer, { level: GZIP_LEVEL }).length,
          initial: initialFiles.has(name),
        };
      })
      .sort((a, b) => Number(b.initial) - Number(a.initial) || b.raw - a.raw || a.name.localeCompare(b.name));

    const initial = assets.filter((asset) => asset.initial);
    const total = (list) => ({
      files: list.map((asset) => asset.name),
      raw: list.reduce((sum, asset) => sum + asset.raw, 0),
      gzip: list.reduce((sum, asset) => sum + asset.gzip, 0),
    });
    const result = { page: this.page, entries: this.entries, gzipLevel: GZIP_LEVEL, initial: total(initial), assets };
    const group = compilation.namedChunkGroups.get(this.paneGroup);
    if (group) {
      const paneFiles = new Set(group.getFiles().filter((file) => file.endsWith(".js") && !initialFiles.has(file)));
      result.pane = total(assets.filter((asset) => paneFiles.has(asset.name)));
    }
    return result;
  }

  /** @param {ReturnType<BundleStatsPlugin["measure"]>} stats */
  print(stats) {
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    const shown = stats.assets.filter((asset) => /\.(js|css|html)$/.test(asset.name));
    const width = Math.max(...shown.map((asset) => asset.name.length), 10);
    this.log(`\nBundle sizes (${stats.page}: entries ${stats.entries.join(" + ")}; * = loaded initially)`);
    for (const asset of shown) {
      const mark = asset.initial ? "*" : " ";
      this.log(
        `  ${mark} ${asset.name.padEnd(width)}  ${kb(asset.raw).padStart(10)}  gzip ${kb(asset.gzip).padStart(9)}`,
      );
    }
    this.log(`initial JS: ${kb(stats.initial.raw)}`);
    this.log(`initial JS (gzip): ${kb(stats.initial.gzip)}`);
    if (stats.pane) this.log(`pane JS (gzip): ${kb(stats.pane.gzip)} (loaded by import() after the commands)`);
  }
}

module.exports = { BundleStatsPlugin };
