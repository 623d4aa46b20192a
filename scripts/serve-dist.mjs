// A tiny static server for dist/ (no dependencies): open the built task pane standalone in a browser.
//   npm run build && npm run serve        then http://localhost:3000/taskpane.html
// PORT (default 3000) and DIST (default ./dist) can be set in the environment. Plain http, localhost only:
// this is for looking at the pane and for browser tests, not for hosting the add-in (Office needs https).
// Every response carries the page's Content-Security-Policy as a header, with frame-ancestors for Office's
// origins (scripts/csp.js), as the README's nginx and IIS examples do.
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const { securityHeaders } = createRequire(import.meta.url)("./csp.js");

export const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".woff2": "font/woff2",
};

function send(response, status, text) {
  response.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * The file under `root` that a request path names, or null when it names nothing servable (outside root,
 * malformed, a directory without index.html, missing).
 */
export async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null; // Malformed percent-encoding.
  }
  if (decoded.includes("\0")) return null;
  const candidate = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  try {
    let file = candidate;
    let info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, "index.html");
      info = await stat(file);
    }
    if (!info.isFile()) return null;
    // A symbolic link inside dist/ must not lead outside it either.
    const real = await realpath(file);
    if (real !== root && !real.startsWith(root + path.sep)) return null;
    return { file: real, size: info.size };
  } catch {
    return null;
  }
}

/** An http.Server serving `root` (an absolute, real path). GET and HEAD only. */
export function createStaticServer(root) {
  const security = securityHeaders();
  return createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("Allow", "GET, HEAD");
      return send(response, 405, "Method not allowed\n");
    }
    const urlPath = request.url === "/" ? "/taskpane.html" : (request.url ?? "/");
    const found = await resolveFile(root, urlPath);
    if (!found) return send(response, 404, `Not found: ${urlPath}\n`);
    const type = CONTENT_TYPES[path.extname(found.file).toLowerCase()] ?? "application/octet-stream";
    response.writeHead(200, {
      ...security,
      "Content-Type": type,
      "Content-Length": found.size,
      "Cache-Control": "no-cache",
    });
    if (request.method === "HEAD") return response.end();
    createReadStream(found.file)
      .on("error", () => response.destroy())
      .pipe(response);
  });
}

async function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve-dist: PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(2);
  }
  let root;
  try {
    root = await realpath(path.resolve(process.env.DIST ?? path.join(here, "..", "dist")));
    if (!(await stat(path.join(root, "taskpane.html"))).isFile()) throw new Error("no taskpane.html");
  } catch {
    console.error("serve-dist: dist/taskpane.html not found. Run `npm run build` (or `npm run build:dev`) first.");
    process.exit(2);
  }
  const server = createStaticServer(root);
  server.on("error", (error) => {
    console.error(`serve-dist: ${error.code === "EADDRINUSE" ? `port ${port} is in use (set PORT)` : error.message}`);
    process.exit(1);
  });
  server.listen(port, "localhost", () => {
    const { port: actual } = server.address();
    console.log(
      `serve-dist: serving ${path.relative(process.cwd(), root) || "."} on http://localhost:${actual}/taskpane.html`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
