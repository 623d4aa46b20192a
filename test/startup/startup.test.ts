/**
 * src/startup/startup.js, the page's first script: ES5 only (it must run in IE11), the old-webview message in
 * zh-CN then en-US (the catalogue's texts), and office.js requested only when Office opened the page.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { JSDOM } from "jsdom";
import { enUS } from "../../src/taskpane/i18n/en-US";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";

const SOURCE = readFileSync(path.join(__dirname, "..", "..", "src", "startup", "startup.js"), "utf8");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";

interface Page {
  dom: JSDOM;
  signals: { legacy: boolean; insideOffice: boolean };
  scripts: string[];
}

/** The page's head with startup.js inline (jsdom fetches nothing), loaded at `url` in a browser saying `userAgent`. */
async function load(url: string, userAgent: string, setup?: (window: JSDOM["window"]) => void): Promise<Page> {
  const html = `<!doctype html><html><head><script>${SOURCE}</script></head><body><div id="container"></div></body></html>`;
  const dom = new JSDOM("", { url, runScripts: "dangerously" });
  Object.defineProperty(dom.window.navigator, "userAgent", { value: userAgent });
  setup?.(dom.window);
  dom.window.document.open();
  dom.window.document.write(html);
  dom.window.document.close();
  // DOMContentLoaded comes after the parser is done (a task later in jsdom).
  for (let i = 0; i < 50 && dom.window.document.readyState !== "complete"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const window = dom.window as unknown as { fengongStartup: Page["signals"] };
  const scripts = [...dom.window.document.querySelectorAll("script[src]")].map((s) => s.getAttribute("src") ?? "");
  return { dom, signals: window.fengongStartup, scripts };
}

afterEach(() => jest.restoreAllMocks());

test("is ES5: a parser for ECMAScript 5 reads it (no let, arrows, template strings, trailing commas in calls)", () => {
  expect(() => parse(SOURCE, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
});

describe("old webviews", () => {
  test.each([
    ["IE11 (Trident)", IE11],
    ["EdgeHTML", EDGE_HTML],
  ])("%s: a clear message, zh-CN first then en-US, in the catalogue's words", async (_name, userAgent) => {
    const { dom, signals } = await load("https://fengong.example.gov.cn/taskpane.html?host=office", userAgent);
    expect(signals.legacy).toBe(true);
    const box = dom.window.document.querySelector('[data-testid="legacy-webview"]');
    expect(box?.getAttribute("role")).toBe("alert");
    const sections = [...(box?.querySelectorAll("[lang]") ?? [])];
    expect(sections.map((s) => s.getAttribute("lang"))).toEqual(["zh-CN", "en-US"]);
    expect(sections.map((s) => s.querySelector("h1")?.textContent)).toEqual([
      zhCN["startup.legacy.title"],
      enUS["startup.legacy.title"],
    ]);
    expect(sections.map((s) => s.querySelector("p")?.textContent)).toEqual([
      zhCN["startup.legacy.body"],
      enUS["startup.legacy.body"],
    ]);
    expect(zhCN["startup.legacy.body"]).toMatch(/WebView2/);
    expect(zhCN["startup.legacy.body"]).toMatch(/浏览器/);
  });

  test("WebView2 (Microsoft 365, Excel 2021+) and browsers get no message", async () => {
    const { dom, signals } = await load("https://fengong.example.gov.cn/taskpane.html?host=office", WEBVIEW2);
    expect(signals.legacy).toBe(false);
    expect(dom.window.document.querySelector('[data-testid="legacy-webview"]')).toBeNull();
  });
});

describe("office.js only inside Office", () => {
  test("a browser tab requests nothing from outside the page's origin", async () => {
    const { signals, scripts } = await load("https://fengong.example.gov.cn/taskpane.html", WEBVIEW2);
    expect(signals.insideOffice).toBe(false);
    expect(scripts).toEqual([]);
  });

  test.each([
    ["our manifest's ?host=office", "https://fengong.example.gov.cn/taskpane.html?host=office", undefined],
    [
      "Office's _host_Info in the query",
      "https://fengong.example.gov.cn/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0",
      undefined,
    ],
    [
      "Office's hostInfo in window.name (Excel on the web)",
      "https://fengong.example.gov.cn/taskpane.html",
      (w: JSDOM["window"]) => (w.name = JSON.stringify({ hostInfo: "Excel|Web|16.00|zh-CN|x|isDialog" })),
    ],
    [
      "office.js's own note in sessionStorage (a reload)",
      "https://fengong.example.gov.cn/taskpane.html",
      (w: JSDOM["window"]) => w.sessionStorage.setItem("hostInfoValue", "Excel$Mac$16.01$zh-CN$$$$0"),
    ],
  ])("%s: office.js is written into <head>, before the body", async (_name, url, setup) => {
    const { dom, signals, scripts } = await load(url, WEBVIEW2, setup);
    expect(signals.insideOffice).toBe(true);
    expect(scripts).toEqual([OFFICE_JS]);
    expect(dom.window.document.head.querySelector(`script[src="${OFFICE_JS}"]`)).not.toBeNull();
  });

  test("a query that merely mentions the word does not count (?hostess=office)", async () => {
    const { signals } = await load("https://fengong.example.gov.cn/taskpane.html?hostess=office", WEBVIEW2);
    expect(signals.insideOffice).toBe(false);
  });
});
