/**
 * Nothing leaves the machine: the task pane page's Content-Security-Policy (src/taskpane/taskpane.html, the
 * template every build uses) lets scripts come only from our origin and the Office.js CDN, lets the page
 * connect to our origin only, and has no wildcard or plain-http source anywhere. The servers send the same
 * policy as a header (scripts/csp.js), adding frame-ancestors for Office's origins. (The end-to-end run
 * watches the requests themselves: test/e2e, "no request left the machine".)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extraFrameAncestors, headerPolicy, PAGE_POLICY, securityHeaders } from "../../scripts/csp";

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

test("the page itself loads nothing from elsewhere: its one static script is startup.js (office.js comes from it)", () => {
  const scripts = [...PAGE.matchAll(/<script\b[^>]*\bsrc\s*=\s*"([^"]+)"/gi)].map((m) => m[1]);
  expect(scripts).toEqual(["startup.js"]);
  const links = [...PAGE.matchAll(/<(?:link|img|iframe)\b[^>]*\b(?:href|src)\s*=\s*"([^"]+)"/gi)].map((m) => m[1]);
  for (const link of links) expect(link).not.toMatch(/^(https?:)?\/\//i);
  // No inline script (the policy would refuse it anyway).
  expect(PAGE).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/i);
});

describe("the policy as an HTTP header (scripts/csp.js)", () => {
  test("the meta tag holds exactly the policy the servers send, which adds frame-ancestors", () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(PAGE)?.[1];
    expect(meta).toBe(PAGE_POLICY);
    expect(headerPolicy({ frameAncestors: "" }).startsWith(`${PAGE_POLICY}; frame-ancestors `)).toBe(true);
  });

  test("frame-ancestors: our origin and Office's (Excel on the web, SharePoint, OneDrive), https only", () => {
    const ancestors = /frame-ancestors ([^;]+)/.exec(headerPolicy({ frameAncestors: "" }))![1].split(" ");
    expect(ancestors[0]).toBe("'self'");
    expect(ancestors).toEqual(
      expect.arrayContaining(["https://*.officeapps.live.com", "https://*.sharepoint.com", "https://*.office.com"]),
    );
    for (const source of ancestors.slice(1)) expect(source).toMatch(/^https:\/\/\*\.[a-z0-9.-]+$/);
  });

  test("an organisation's own Office Online Server can be added; anything but an https origin is refused", () => {
    expect(headerPolicy({ frameAncestors: "https://oos.example.gov.cn" })).toMatch(/ https:\/\/oos\.example\.gov\.cn$/);
    expect(() => extraFrameAncestors("http://oos.example.gov.cn")).toThrow(/not an https origin/);
    expect(() => extraFrameAncestors("https://oos.example.gov.cn/path")).toThrow(/not an https origin/);
    expect(() => extraFrameAncestors("*")).toThrow(/FENGONG_FRAME_ANCESTORS/);
  });

  test("the README's nginx and IIS examples send exactly this policy", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
    const policy = headerPolicy({ frameAncestors: "" });
    expect(readme).toContain(`add_header Content-Security-Policy "${policy}" always;`);
    expect(readme).toContain(`<add name="Content-Security-Policy" value="${policy}" />`);
  });

  test("the headers: CSP, nosniff, no referrer; never X-Frame-Options (Excel on the web frames the pane)", () => {
    const headers = securityHeaders({ frameAncestors: "" });
    expect(Object.keys(headers).sort()).toEqual([
      "Content-Security-Policy",
      "Referrer-Policy",
      "X-Content-Type-Options",
    ]);
    expect(securityHeaders({ dev: true, frameAncestors: "" })["Access-Control-Allow-Origin"]).toBe("*");
  });
});
