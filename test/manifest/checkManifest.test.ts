/**
 * checkManifest must catch broken manifests: each test breaks the real manifest in one way and expects the
 * matching problem. The unbroken base gives no problem at all, so every problem below comes from its mutation.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkManifest, pngSize, registeredFunctionNames, type ManifestContext } from "./checkManifest";
import { ASSETS_DIR, commandsSourceRegistering, declaredFunctionNames, readManifest } from "./helpers";

const base = readManifest();
const allRegistered = commandsSourceRegistering(declaredFunctionNames(base));
const context: ManifestContext = { commandsSource: allRegistered, assetsDir: ASSETS_DIR };

/** The base manifest with `from` replaced by `to` (every occurrence); fails if `from` is not there. */
function mutate(from: string | RegExp, to: string, xml = base): string {
  const pattern =
    typeof from === "string"
      ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g")
      : new RegExp(from.source, from.flags.includes("g") ? from.flags : `${from.flags}g`);
  expect(xml).toMatch(pattern);
  return xml.replace(pattern, to);
}

function problems(xml: string, overrides: Partial<ManifestContext> = {}): string[] {
  return checkManifest(xml, { ...context, ...overrides });
}

/** The problem codes found (the part before the first ": "). */
function codes(xml: string, overrides: Partial<ManifestContext> = {}): string[] {
  return problems(xml, overrides).map((p) => p.slice(0, p.indexOf(":")));
}

describe("checkManifest on the unbroken manifest", () => {
  it("finds nothing when every function is registered", () => {
    expect(problems(base)).toEqual([]);
  });
});

describe("checkManifest catches", () => {
  it("malformed XML", () => {
    expect(codes(mutate("</Hosts>\n  <Requirements>", "\n  <Requirements>"))).toEqual(["xml.malformed"]);
    expect(codes(base.replace("<Permissions>", "<Permissions attr=>"))).toEqual(["xml.malformed"]);
    expect(codes("")).toEqual(["xml.malformed"]);
  });

  it("a resid that refers to no resource", () => {
    const xml = mutate('<Label resid="Check.Label"/>', '<Label resid="Check.Lable"/>');
    expect(problems(xml)).toContain('resid.undefined: <Label resid="Check.Lable"> refers to no resource');
  });

  it("a removed resource that is still referenced", () => {
    const xml = mutate(/\s*<bt:Url id="Support.Url"[^>]*\/>/, "");
    expect(problems(xml)).toContain('resid.undefined: <LearnMoreUrl resid="Support.Url"> refers to no resource');
  });

  it("a resource defined but never used, or defined twice", () => {
    const unused = mutate(
      "</bt:Urls>",
      '  <bt:Url id="Spare.Url" DefaultValue="https://localhost:3000/spare.html"/>\n      </bt:Urls>',
    );
    expect(problems(unused)).toContain('resid.unused: resource "Spare.Url" is defined but never used');
    const twice = mutate(
      "</bt:Urls>",
      '  <bt:Url id="Support.Url" DefaultValue="https://localhost:3000/x.html"/>\n      </bt:Urls>',
    );
    expect(codes(twice)).toContain("resid.duplicate");
  });

  it("a resid of the wrong kind (a label pointing at a long string)", () => {
    const xml = mutate('<Label resid="Check.Label"/>', '<Label resid="Check.Tooltip"/>');
    expect(problems(xml)).toContain(
      'resid.kind: <Label resid="Check.Tooltip"> must refer to ShortStrings, not LongStrings',
    );
  });

  it("a resid longer than 32 characters", () => {
    const long = "Check.Label.ThatIsFarTooLong.ForOffice"; // 38
    const xml = mutate(/"Check\.Label"/, `"${long}"`);
    const found = problems(xml);
    expect(found).toContain(`resid.too-long: resource id "${long}" is 38 characters (max 32)`);
    expect(found.filter((p) => p.startsWith("resid.too-long"))).toHaveLength(3); // the definition and two references
    // 32 is still fine.
    expect(problems(mutate(/"Check\.Label"/, `"${"C".repeat(32)}"`))).toEqual([]);
  });

  it("a short string over 125 or a long string over 250 characters, counting Chinese characters as one", () => {
    const short = mutate('Value="核查"/>', `Value="${"核".repeat(126)}"/>`);
    expect(problems(short)).toContain(
      'string.too-long: ShortStrings "Check.Label" has a value of 126 characters (max 125)',
    );
    expect(problems(mutate('Value="核查"/>', `Value="${"核".repeat(125)}"/>`))).toEqual([]);
    const long = mutate(/DefaultValue="Remove the highlights[^"]*"/, `DefaultValue="${"x".repeat(251)}"`);
    expect(problems(long)).toContain(
      'string.too-long: LongStrings "Clear.Tooltip" has a value of 251 characters (max 250)',
    );
  });

  it("a URL that is not https", () => {
    const xml = mutate(
      'DefaultValue="https://localhost:3000/assets/support.html"',
      'DefaultValue="http://localhost:3000/assets/support.html"',
    );
    const found = problems(xml);
    expect(found).toContain("url.not-https: <SupportUrl> http://localhost:3000/assets/support.html must use https");
    expect(found).toContain(
      'url.not-https: resource "Support.Url" http://localhost:3000/assets/support.html must use https',
    );
    const icon = mutate('"https://localhost:3000/assets/icon-80.png"', '"http://localhost:3000/assets/icon-80.png"');
    expect(codes(icon)).toEqual(expect.arrayContaining(["url.not-https", "icon.location"]));
  });

  it("an ExecuteFunction that src/commands does not register", () => {
    const without = commandsSourceRegistering(["checkPlan", "highlightOverdue", "totalsByUnit"]);
    expect(problems(base, { commandsSource: without })).toEqual([
      'function.unregistered: clearHighlights (control "Fengong.ClearHighlights") is not registered with Office.actions.associate("clearHighlights", ...) in src/commands',
    ]);
    // A commented-out registration, or the name merely mentioned in a string, does not count.
    const commented = `${without}\n// Office.actions.associate("clearHighlights", clear);\n/* Office.actions.associate("clearHighlights", clear); */`;
    expect(codes(base, { commandsSource: commented })).toEqual(["function.unregistered"]);
    expect(codes(base, { commandsSource: `${without}\nconst name = "clearHighlights";` })).toEqual([
      "function.unregistered",
    ]);
    expect(codes(base, { commandsSource: "" })).toEqual(Array(4).fill("function.unregistered"));
  });

  it("two buttons on one function, and menus", () => {
    const shared = mutate("<FunctionName>clearHighlights</FunctionName>", "<FunctionName>checkPlan</FunctionName>");
    expect(problems(shared)).toContain(
      'function.shared: controls "Fengong.Check" and "Fengong.ClearHighlights" share the function checkPlan: give each button its own',
    );
    const menu = mutate(
      '<Control xsi:type="Button" id="Fengong.TotalsByUnit">',
      '<Control xsi:type="Menu" id="Fengong.TotalsByUnit">',
    );
    expect(codes(menu)).toContain("control.menu");
  });

  it("the runtime, the function file and the task pane on different URLs", () => {
    const withCommandsUrl = mutate(
      "</bt:Urls>",
      '  <bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>\n      </bt:Urls>',
    );
    const functionFile = mutate(
      '<FunctionFile resid="Taskpane.Url"/>',
      '<FunctionFile resid="Commands.Url"/>',
      withCommandsUrl,
    );
    expect(problems(functionFile)).toEqual([
      'runtime.mismatch: <FunctionFile resid="Commands.Url"> differs from <Runtime resid="Taskpane.Url">',
    ]);
    const pane = mutate(
      '<SourceLocation resid="Taskpane.Url"/>',
      '<SourceLocation resid="Commands.Url"/>',
      withCommandsUrl,
    );
    expect(codes(pane)).toEqual(["runtime.mismatch"]);
    const defaultPage = mutate(
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html?host=office"/>',
      '<SourceLocation DefaultValue="https://localhost:3000/index.html"/>',
    );
    expect(codes(defaultPage)).toEqual(["runtime.url-mismatch"]);
  });

  it("a missing or short-lived shared runtime", () => {
    expect(codes(mutate('lifetime="long"', 'lifetime="short"'))).toEqual(["runtime.lifetime"]);
    expect(codes(mutate(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, ""))).toEqual(["runtime.missing"]);
  });

  it("a TaskpaneId", () => {
    const xml = mutate(
      '<Action xsi:type="ShowTaskpane">',
      '<Action xsi:type="ShowTaskpane">\n<TaskpaneId>ButtonId1</TaskpaneId>',
    );
    expect(codes(xml)).toEqual(["runtime.taskpane-id"]);
  });

  it("a missing icon file, and an icon of the wrong size", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fengong-assets-"));
    try {
      for (const file of readdirSync(ASSETS_DIR).filter((f) => f.endsWith(".png") && f !== "check-32.png")) {
        copyFileSync(path.join(ASSETS_DIR, file), path.join(dir, file));
      }
      const found = problems(base, { assetsDir: dir });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(
        /^icon\.missing: image "Check\.32x32" https:\/\/localhost:3000\/assets\/check-32\.png: no file /,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const wrongSize = mutate(
      'id="Check.32x32" DefaultValue="https://localhost:3000/assets/check-32.png"',
      'id="Check.32x32" DefaultValue="https://localhost:3000/assets/check-16.png"',
    );
    expect(problems(wrongSize)).toContain(
      'icon.size: image "Check.32x32" https://localhost:3000/assets/check-16.png is 16x16 px, expected 32x32',
    );
    const topIcon = mutate(
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-128.png"/>',
    );
    expect(codes(topIcon)).toEqual(["icon.size"]);
    const notPng = mutate('assets/icon-80.png"', 'assets/support.html"');
    expect(codes(notPng)).toEqual(["icon.format"]);
  });

  it("a ribbon string without its zh-CN override", () => {
    const xml = mutate('<bt:Override Locale="zh-CN" Value="标出逾期"/>', "");
    expect(problems(xml)).toEqual(['locale.missing: ShortStrings "Highlight.Label" has no zh-CN override']);
    const displayName = mutate('<Override Locale="zh-CN" Value="分工核查"/>', "");
    expect(codes(displayName)).toEqual(["locale.missing"]);
  });

  it("a missing required element, or elements out of schema order", () => {
    expect(problems(mutate(/\s*<SupportUrl [^>]*\/>/, ""))).toEqual(["required.missing: <SupportUrl> is missing"]);
    expect(codes(mutate(/\s*<Permissions>ReadWriteDocument<\/Permissions>/, ""))).toEqual(["required.missing"]);
    expect(codes(mutate(/<HighResolutionIconUrl [^>]*\/>/, "<Id>no</Id>").replace(/<Id>266d[^<]*<\/Id>/, ""))).toEqual(
      expect.arrayContaining(["required.missing", "order", "id.invalid"]),
    );
    const swapped = mutate(
      /(<ProviderName>Fengong<\/ProviderName>)(\s*)(<DefaultLocale>en-US<\/DefaultLocale>)/,
      "$3$2$1",
    );
    expect(problems(swapped)).toEqual(["order: <ProviderName> must come before <DefaultLocale>"]);
  });

  it("requirement sets below the design's floor, and the wrong permission", () => {
    expect(
      problems(mutate('<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.6"/>')),
    ).toEqual(["requirements.version: ExcelApi MinVersion 1.6 is below 1.7"]);
    expect(
      problems(mutate('<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.10"/>')),
    ).toEqual([]);
    expect(codes(mutate(/\s*<Set Name="SharedRuntime"[^>]*\/>/, ""))).toEqual(["requirements.missing"]);
    expect(codes(mutate("<Permissions>ReadWriteDocument", "<Permissions>ReadDocument"))).toEqual(["permissions"]);
  });

  it("localhost in a production manifest", () => {
    expect(codes(base, { production: true })).toEqual(expect.arrayContaining(["production.localhost"]));
  });
});

describe("helpers", () => {
  it("reads PNG sizes and refuses other bytes", () => {
    const header = Buffer.from("89504e470d0a1a0a0000000d4948445200000050000000400806000000", "hex");
    expect(pngSize(header)).toEqual({ width: 80, height: 64 });
    expect(pngSize(Buffer.from("GIF89a not a png at all, really"))).toBeNull();
    expect(pngSize(Buffer.alloc(0))).toBeNull();
  });

  it("finds registrations with any quotes and spacing, not commented ones", () => {
    const source = `
      Office.actions.associate("a", a);
      Office . actions . associate( 'b' , b);
      Office.actions.associate(\`c\`, c);
      // Office.actions.associate("d", d);
      const url = "https://example.com/"; Office.actions.associate("e", e);
      Office.actions.associate(name, f);`;
    expect([...registeredFunctionNames(source)].sort()).toEqual(["a", "b", "c", "e"]);
  });
});
