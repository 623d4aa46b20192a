/**
 * Nothing leaves the machine: the task pane page's Content-Security-Policy (src/taskpane/taskpane.html, the
 * template every build uses) lets scripts come only from our origin and the Office.js CDN, lets the page
 * connect to our origin only, and has no wildcard or plain-http source anywhere. (The end-to-end run watches
 * the requests themselves: test/e2e, "no request left the machine".)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const PAGE = readFileSync(join(__dirname, "..", "..", "src", "taskpane", "taskpane.html"), "utf8");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

function policy(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gis)].map((m) => m[0]);
  const csp = metas.filter((meta) => /http-equiv\s*=\s*"Content-Security-Policy"/i.test(meta));
  expect(csp).toHaveLength(1);
  const content = /content\s*=\s*"([^"]*)"/i.exec(csp[0])?.[1] ?? "";
  const directives = new Map<string, string[]>();
  for (const part of content.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name.toLowerCase())).toBe(false);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const directives = policy(PAGE);

test("scripts: our origin and the Office.js CDN only; no inline script, no eval", () => {
  expect(directives.get("script-src")).toEqual(["'self'", OFFICE_CDN]);
});

test("connections (fetch, XHR, WebSocket, beacons): our origin only", () => {
  expect(directives.get("connect-src")).toEqual(["'self'"]);
});

test("workers (the analysis worker, src/worker): our origin only, no blob: or data: worker", () => {
  expect(directives.get("worker-src")).toEqual(["'self'"]);
});

test("everything else falls back to our origin; no plugins, no base or form target elsewhere", () => {
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'self'"]);
  expect(directives.get("form-action")).toEqual(["'none'"]);
});

test("no wildcard, no plain http, no other host in any directive", () => {
  for (const [name, sources] of directives) {
    for (const source of sources) {
      expect({ name, source, wildcard: source.includes("*") }).toEqual({ name, source, wildcard: false });
      expect({ name, source, http: /^http:/i.test(source) }).toEqual({ name, source, http: false });
      const host = /^https?:\/\//i.test(source) || /^[a-z0-9.-]+\.[a-z]{2,}/i.test(source);
      if (host) expect({ name, source }).toEqual({ name: "script-src", source: OFFICE_CDN });
    }
  }
});

test("the page itself loads nothing from elsewhere but Office.js", () => {
  const scripts = [...PAGE.matchAll(/<script\b[^>]*\bsrc\s*=\s*"([^"]+)"/gi)].map((m) => m[1]);
  expect(scripts).toEqual([`${OFFICE_CDN}/lib/1/hosted/office.js`]);
  const links = [...PAGE.matchAll(/<(?:link|img|iframe)\b[^>]*\b(?:href|src)\s*=\s*"([^"]+)"/gi)].map((m) => m[1]);
  for (const link of links) expect(link).not.toMatch(/^(https?:)?\/\//i);
  // No inline script (the policy would refuse it anyway).
  expect(PAGE).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/i);
});
