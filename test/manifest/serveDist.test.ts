/** scripts/serve-dist.mjs, run as `npm run serve` runs it, on a temporary dist folder. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./helpers";

let dir: string;
let server: ChildProcess;
let port: number;

/** A raw GET (the path is sent exactly as given: no URL normalisation of "..", unlike fetch). */
function get(rawPath: string, method = "GET"): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "localhost", port, path: rawPath, method }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"] ?? ""), body }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "fengong-serve-"));
  const dist = path.join(dir, "dist");
  mkdirSync(path.join(dist, "assets"), { recursive: true });
  const files: Record<string, string> = {
    "taskpane.html": "<!doctype html><title>pane</title>",
    "taskpane.1234abcd.js": "console.log(1)",
    "taskpane.1234abcd.js.map": "{}",
    "style.css": "body{}",
    "bundle-stats.json": "{}",
    "manifest.xml": "<OfficeApp/>",
    "assets/icon-16.png": "png",
    "assets/check.svg": "<svg/>",
    "assets/index.html": "assets index",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dist, name), text);
  writeFileSync(path.join(dir, "secret.txt"), "outside dist");
  symlinkSync(path.join(dir, "secret.txt"), path.join(dist, "link.txt"));

  server = spawn(process.execPath, [path.join(ROOT, "scripts", "serve-dist.mjs")], {
    env: { ...process.env, PORT: "0", DIST: dist },
    stdio: ["ignore", "pipe", "pipe"],
  });
  port = await new Promise<number>((resolve, reject) => {
    let out = "";
    server.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/localhost:(\d+)\//.exec(out);
      if (match) resolve(Number(match[1]));
    });
    server.on("exit", (code) => reject(new Error(`serve-dist exited with ${code}: ${out}`)));
  });
}, 20_000);

afterAll(() => {
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("serve-dist", () => {
  it.each([
    ["/taskpane.html", "text/html; charset=utf-8", "<!doctype html><title>pane</title>"],
    ["/", "text/html; charset=utf-8", "<!doctype html><title>pane</title>"],
    ["/taskpane.1234abcd.js", "text/javascript; charset=utf-8", "console.log(1)"],
    ["/taskpane.1234abcd.js.map", "application/json; charset=utf-8", "{}"],
    ["/style.css", "text/css; charset=utf-8", "body{}"],
    ["/bundle-stats.json?x=1", "application/json; charset=utf-8", "{}"],
    ["/manifest.xml", "application/xml; charset=utf-8", "<OfficeApp/>"],
    ["/assets/icon-16.png", "image/png", "png"],
    ["/assets/check.svg", "image/svg+xml", "<svg/>"],
    ["/assets/", "text/html; charset=utf-8", "assets index"],
    ["/assets/icon%2D16.png", "image/png", "png"],
  ])("serves %s as %s", async (urlPath, type, body) => {
    expect(await get(urlPath)).toEqual({ status: 200, type, body });
  });

  it.each([
    "/missing.js",
    "/../secret.txt",
    "/assets/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/..%2fsecret.txt",
    "/link.txt",
    "/%E0%A4%A",
    "/taskpane.html%00.js",
  ])("answers 404 to %s and reveals nothing outside dist", async (urlPath) => {
    const response = await get(urlPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain("outside dist");
  });

  it("sends the page's Content-Security-Policy as a header, with frame-ancestors for Office", async () => {
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) =>
      http
        .get({ host: "localhost", port, path: "/taskpane.html" }, (response) => {
          response.resume();
          resolve(response.headers);
        })
        .on("error", reject),
    );
    expect(headers["content-security-policy"]).toMatch(
      /^default-src 'self'; script-src 'self' https:\/\/appsforoffice/,
    );
    expect(headers["content-security-policy"]).toMatch(/; frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com /);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBeUndefined();
  });

  it("refuses methods other than GET and HEAD", async () => {
    expect((await get("/taskpane.html", "POST")).status).toBe(405);
    expect(await get("/taskpane.html", "HEAD")).toEqual({ status: 200, type: "text/html; charset=utf-8", body: "" });
  });
});
