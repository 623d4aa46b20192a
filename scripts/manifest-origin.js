"use strict";
/**
 * The production origin of the add-in, and the rewrite of the source manifest's dev URLs to it.
 * Used by webpack.config.js (production builds) and tested in test/manifest.
 *
 * The source manifest points every URL at the dev server, DEV_ORIGIN. A production build replaces each
 * occurrence (global replace) with the production origin, chosen in this order:
 *   1. `webpack --env origin=https://host/path/` (npm run build -- --env origin=...)
 *   2. the FENGONG_ORIGIN environment variable (the documented way: README, "Deployment")
 *   3. DEFAULT_PRODUCTION_ORIGIN, a placeholder: `npm run build` still builds (to try the pane, run the e2e
 *      tests) but says plainly that dist/manifest.xml must not be deployed; `npm run build:release`
 *      (`--env release`) refuses to build without 1 or 2.
 */

const DEV_ORIGIN = "https://localhost:3000/";
const DEFAULT_PRODUCTION_ORIGIN = "https://fengong.example.gov.cn/";

/** Characters that cannot appear unescaped in an XML attribute value. */
const XML_UNSAFE = /[&<>"']/;

/**
 * Normalise and check a production origin: an absolute https URL with no query or fragment, not localhost,
 * ending with "/" (a sub-path such as https://intranet.example.gov.cn/fengong/ is fine).
 * @param {string} text
 * @returns {string}
 */
function normalizeOrigin(text) {
  const trimmed = String(text).trim();
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(
      `Production origin "${trimmed}" is not an absolute URL (expected e.g. https://fengong.example.gov.cn/).`,
    );
  }
  if (url.protocol !== "https:") {
    throw new Error(`Production origin "${trimmed}" must use https: Office loads add-ins only over https.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`Production origin "${trimmed}" must not carry a query, a fragment or credentials.`);
  }
  if (/^(localhost|127\.0\.0\.1|\[::1\])$/i.test(url.hostname)) {
    throw new Error(
      `Production origin "${trimmed}" is localhost: set FENGONG_ORIGIN (or --env origin=...) to the server that hosts dist/.`,
    );
  }
  const href = url.href.endsWith("/") ? url.href : `${url.href}/`;
  if (XML_UNSAFE.test(href)) {
    throw new Error(
      `Production origin "${trimmed}" contains a character that is not allowed in the manifest (& < > " ').`,
    );
  }
  return href;
}

/**
 * The production origin from the webpack `--env origin=...` value or the FENGONG_ORIGIN variable.
 * @param {{ cliOrigin?: string | undefined | boolean, environment?: string | undefined }} sources
 * @returns {string}
 */
function resolveOrigin({ cliOrigin, environment } = {}) {
  // `--env origin` without a value arrives as `true`: treat it as not given.
  if (typeof cliOrigin === "string" && cliOrigin.trim() !== "") return normalizeOrigin(cliOrigin);
  if (typeof environment === "string" && environment.trim() !== "") return normalizeOrigin(environment);
  return DEFAULT_PRODUCTION_ORIGIN;
}

/** The warning `npm run build` prints when it falls back to the placeholder origin. */
const PLACEHOLDER_WARNING = [
  `[fengong] FENGONG_ORIGIN is not set: dist/manifest.xml points at the placeholder ${DEFAULT_PRODUCTION_ORIGIN}`,
  "[fengong] Do NOT deploy this dist/manifest.xml: Office would load the add-in from a server that is not yours.",
  "[fengong] For a deployment: FENGONG_ORIGIN=https://your-server/path/ npm run build:release",
].join("\n");

/**
 * The origin a production build writes into dist/manifest.xml, said on the console. With `release` (npm run
 * build:release) a missing origin is an error; without, the placeholder is used and a warning printed.
 * @param {{ cliOrigin?: string | undefined | boolean, environment?: string | undefined, release?: boolean,
 *   log?: (line: string) => void, warn?: (line: string) => void }} options
 * @returns {string}
 */
function originForBuild({ cliOrigin, environment, release = false, log = console.log, warn = console.warn } = {}) {
  const origin = resolveOrigin({ cliOrigin, environment });
  if (origin !== DEFAULT_PRODUCTION_ORIGIN || hasOrigin(cliOrigin, environment)) {
    log(`[fengong] production origin for dist/manifest.xml: ${origin}`);
    return origin;
  }
  if (release) {
    throw new Error(
      "npm run build:release needs the production origin: set FENGONG_ORIGIN=https://your-server/path/ " +
        "(the https address that serves dist/), e.g. FENGONG_ORIGIN=https://fengong.intranet.example.gov.cn/ npm run build:release",
    );
  }
  warn(PLACEHOLDER_WARNING);
  return origin;
}

/** True when an origin was given (even the placeholder's own address, deliberately). */
function hasOrigin(cliOrigin, environment) {
  return (
    (typeof cliOrigin === "string" && cliOrigin.trim() !== "") ||
    (typeof environment === "string" && environment.trim() !== "")
  );
}

/**
 * Replace every DEV_ORIGIN in the manifest text with `origin` (already normalised).
 * @param {string} xml
 * @param {string} origin
 * @returns {string}
 */
function rewriteManifestOrigin(xml, origin) {
  return xml.split(DEV_ORIGIN).join(origin);
}

/**
 * Lines of the manifest that still mention localhost (or 127.0.0.1), 1-based: empty when it is fit for production.
 * @param {string} xml
 * @returns {{ line: number, text: string }[]}
 */
function localhostLines(xml) {
  return xml
    .split(/\r?\n/)
    .map((text, index) => ({ line: index + 1, text: text.trim() }))
    .filter(({ text }) => /localhost|127\.0\.0\.1/i.test(text));
}

/**
 * The production manifest: rewritten, and refused when anything still points at localhost.
 * @param {string} xml
 * @param {string} origin
 * @returns {string}
 */
function productionManifest(xml, origin) {
  const rewritten = rewriteManifestOrigin(xml, normalizeOrigin(origin));
  const left = localhostLines(rewritten);
  if (left.length > 0) {
    const where = left.map(({ line, text }) => `  line ${line}: ${text}`).join("\n");
    throw new Error(`The production manifest still points at localhost (only ${DEV_ORIGIN} is rewritten):\n${where}`);
  }
  return rewritten;
}

module.exports = {
  DEV_ORIGIN,
  DEFAULT_PRODUCTION_ORIGIN,
  normalizeOrigin,
  resolveOrigin,
  originForBuild,
  PLACEHOLDER_WARNING,
  rewriteManifestOrigin,
  localhostLines,
  productionManifest,
};
