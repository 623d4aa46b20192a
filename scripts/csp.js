"use strict";
/**
 * The task pane page's Content-Security-Policy, and the HTTP headers the servers send with it
 * (scripts/serve-dist.mjs, the dev server in webpack.config.js; docs/deployment examples for nginx and IIS).
 *
 * The page (src/taskpane/taskpane.html) carries the same policy as a <meta> tag, so it holds wherever dist/ is
 * hosted; a header adds what a meta tag cannot: frame-ancestors, i.e. which pages may show ours in a frame.
 * Only Office may: Excel on the web shows the task pane in an iframe under Microsoft's Office and SharePoint
 * origins; Excel on Windows and Mac show it in a webview with no frame around it.
 *
 * What the policy allows, and why:
 *   script-src  'self' + https://appsforoffice.microsoft.com: our bundle, and office.js with the scripts it loads
 *               from its CDN (requested only inside Office, src/startup/startup.js);
 *   style-src   'self' 'unsafe-inline': Fluent UI (Griffel) and office.js insert style elements;
 *   img-src     'self' data: blob:; font-src 'self' data:; connect-src 'self': nothing is sent anywhere else;
 *   worker-src  'self': the analysis Web Worker (src/worker) comes from this origin;
 *   object-src 'none', base-uri 'self', form-action 'none'; no 'unsafe-eval' (no eval-based source maps).
 * office.js's hidden telemetry frame (telemetryservice.firstpartyapps.oaspapps.com) is blocked on purpose.
 */

const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/** The policy of the page's <meta> tag (everything but frame-ancestors, which a meta tag cannot set). */
const PAGE_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_ORIGIN}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/**
 * The pages that show Office add-ins in a frame: Excel on the web (officeapps.live.com and the Office, Microsoft
 * 365 and cloud.microsoft portals), files opened from SharePoint and OneDrive. Our own origin too ('self').
 */
const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  "https://*.officeapps.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.microsoft365.com",
  "https://*.cloud.microsoft",
  "https://*.sharepoint.com",
  "https://*.live.com",
];

/**
 * Extra frame ancestors from FENGONG_FRAME_ANCESTORS (space separated https origins), e.g. an organisation's own
 * Office Online Server. Anything that is not an https origin is refused with a clear message.
 * @param {string | undefined} text
 * @returns {string[]}
 */
function extraFrameAncestors(text) {
  if (typeof text !== "string" || text.trim() === "") return [];
  return text
    .trim()
    .split(/\s+/)
    .map((origin) => {
      if (!/^https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(origin)) {
        throw new Error(
          `FENGONG_FRAME_ANCESTORS: "${origin}" is not an https origin (e.g. https://oos.example.gov.cn).`,
        );
      }
      return origin;
    });
}

/**
 * The full policy, for an HTTP header: the page's policy and frame-ancestors.
 * @param {{ frameAncestors?: string }} [options] extra ancestors (default: FENGONG_FRAME_ANCESTORS)
 * @returns {string}
 */
function headerPolicy(options = {}) {
  const extra = extraFrameAncestors(options.frameAncestors ?? process.env.FENGONG_FRAME_ANCESTORS);
  return `${PAGE_POLICY}; frame-ancestors ${[...OFFICE_FRAME_ANCESTORS, ...extra].join(" ")}`;
}

/**
 * Headers for every response of the add-in's server.
 * @param {{ dev?: boolean, frameAncestors?: string }} [options] dev: the dev server (lets Office's tooling fetch
 *   the manifest and icons from another origin)
 * @returns {Record<string, string>}
 */
function securityHeaders(options = {}) {
  const headers = {
    "Content-Security-Policy": headerPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
  if (options.dev) headers["Access-Control-Allow-Origin"] = "*";
  return headers;
}

module.exports = {
  OFFICE_JS_ORIGIN,
  PAGE_POLICY,
  OFFICE_FRAME_ANCESTORS,
  extraFrameAncestors,
  headerPolicy,
  securityHeaders,
};
