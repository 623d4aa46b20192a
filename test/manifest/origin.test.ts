/** The production manifest: every dev URL rewritten to the production origin, nothing left on localhost. */
import {
  DEFAULT_PRODUCTION_ORIGIN,
  DEV_ORIGIN,
  localhostLines,
  normalizeOrigin,
  originForBuild,
  PLACEHOLDER_WARNING,
  productionManifest,
  resolveOrigin,
  rewriteManifestOrigin,
} from "../../scripts/manifest-origin";
import { checkManifest } from "./checkManifest";
import { ASSETS_DIR, commandsSourceRegistering, declaredFunctionNames, readManifest } from "./helpers";

const source = readManifest();
const commandsSource = commandsSourceRegistering(declaredFunctionNames(source));

describe("normalizeOrigin", () => {
  it("keeps an https origin, with or without a sub-path, and ends it with a slash", () => {
    expect(normalizeOrigin("https://fengong.example.gov.cn")).toBe("https://fengong.example.gov.cn/");
    expect(normalizeOrigin(" https://intranet.example.gov.cn/tools/fengong ")).toBe(
      "https://intranet.example.gov.cn/tools/fengong/",
    );
    expect(normalizeOrigin("https://intranet.example.gov.cn:8443/fengong/")).toBe(
      "https://intranet.example.gov.cn:8443/fengong/",
    );
  });

  it.each([
    ["http://fengong.example.gov.cn/", /must use https/],
    ["fengong.example.gov.cn", /not an absolute URL/],
    ["", /not an absolute URL/],
    ["https://localhost:3000/", /is localhost/],
    ["https://127.0.0.1/", /is localhost/],
    ["https://example.gov.cn/?a=1", /query/],
    ["https://example.gov.cn/#top", /fragment/],
    ["https://example.gov.cn/a&b/", /not allowed in the manifest/],
  ])("refuses %p with a clear message", (origin, message) => {
    expect(() => normalizeOrigin(origin)).toThrow(message);
  });
});

describe("resolveOrigin", () => {
  it("takes --env origin first, then FENGONG_ORIGIN, then the placeholder default", () => {
    expect(resolveOrigin({ cliOrigin: "https://a.example/", environment: "https://b.example/" })).toBe(
      "https://a.example/",
    );
    expect(resolveOrigin({ environment: "https://b.example" })).toBe("https://b.example/");
    expect(resolveOrigin({ cliOrigin: true, environment: "" })).toBe(DEFAULT_PRODUCTION_ORIGIN);
    expect(resolveOrigin()).toBe(DEFAULT_PRODUCTION_ORIGIN);
    expect(() => resolveOrigin({ environment: "http://b.example/" })).toThrow(/https/);
  });
});

describe("originForBuild (npm run build / build:release)", () => {
  const said = () => {
    const lines: string[] = [];
    return {
      lines,
      log: (line: string) => lines.push(`log: ${line}`),
      warn: (line: string) => lines.push(`warn: ${line}`),
    };
  };

  it("with FENGONG_ORIGIN: that origin, announced; the same for a release", () => {
    const out = said();
    expect(originForBuild({ environment: "https://fengong.intranet.example.gov.cn", ...out })).toBe(
      "https://fengong.intranet.example.gov.cn/",
    );
    expect(originForBuild({ environment: "https://a.example.gov.cn/", release: true, ...said() })).toBe(
      "https://a.example.gov.cn/",
    );
    expect(out.lines).toEqual([
      "log: [fengong] production origin for dist/manifest.xml: https://fengong.intranet.example.gov.cn/",
    ]);
  });

  it("without it: the placeholder, with a plain warning that dist/manifest.xml must not be deployed", () => {
    const out = said();
    expect(originForBuild(out)).toBe(DEFAULT_PRODUCTION_ORIGIN);
    expect(out.lines).toEqual([`warn: ${PLACEHOLDER_WARNING}`]);
    expect(PLACEHOLDER_WARNING).toMatch(/placeholder https:\/\/fengong\.example\.gov\.cn\//);
    expect(PLACEHOLDER_WARNING).toMatch(/Do NOT deploy/);
    expect(PLACEHOLDER_WARNING).toMatch(/npm run build:release/);
  });

  it("without it, a release build is refused with what to set", () => {
    expect(() => originForBuild({ release: true, environment: " ", ...said() })).toThrow(/set FENGONG_ORIGIN=https:/);
  });
});

describe("productionManifest on the real manifest", () => {
  const origin = "https://intranet.example.gov.cn/fengong/";
  const production = productionManifest(source, origin);

  it("leaves no localhost anywhere and points every URL at the origin", () => {
    expect(source).toContain(DEV_ORIGIN);
    expect(localhostLines(source).length).toBeGreaterThan(20);
    expect(production).not.toMatch(/localhost/i);
    expect(localhostLines(production)).toEqual([]);
    const urls = [...production.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBe([...source.matchAll(/"https:\/\/localhost:3000\//g)].length);
    expect(urls.filter((url) => !url.startsWith(origin))).toEqual([]);
  });

  it("changes nothing else", () => {
    expect(rewriteManifestOrigin(production, origin).split(origin).join(DEV_ORIGIN)).toBe(source);
  });

  it("still passes every offline check as a production manifest", () => {
    expect(checkManifest(production, { commandsSource, assetsDir: ASSETS_DIR, origin, production: true })).toEqual([]);
    expect(checkManifest(source, { commandsSource, assetsDir: ASSETS_DIR, production: true })).toEqual([
      expect.stringMatching(/^production\.localhost: /),
    ]);
  });

  it("refuses a manifest with a localhost URL that is not the dev origin", () => {
    const stray = source.replace("https://localhost:3000/assets/support.html", "https://localhost:8080/support.html");
    expect(() => productionManifest(stray, origin)).toThrow(/still points at localhost[\s\S]*localhost:8080/);
  });

  it("refuses a bad origin instead of writing a broken manifest", () => {
    expect(() => productionManifest(source, "http://intranet.example.gov.cn/")).toThrow(/https/);
  });
});
