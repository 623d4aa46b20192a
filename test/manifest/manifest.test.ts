/** The real manifest.xml, checked offline against the real assets/ and src/commands. */
import type { Document, Element } from "@xmldom/xmldom";
import { checkManifest, parseManifest, readCommandsSource, registeredFunctionNames } from "./checkManifest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ASSETS_DIR, COMMANDS_DIR, declaredFunctionNames, readManifest, ROOT } from "./helpers";

/** The text of every .ts, .tsx, .md and .xml file under `dir`. */
function sourceTexts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(tsx?|md|xml)$/.test(entry.name))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), "utf8"));
}

const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** Elements below `node` with this local name, in any namespace. */
function byTag(node: Document | Element, localName: string): Element[] {
  const list = node.getElementsByTagNameNS("*", localName);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
}

const xml = readManifest();

describe("manifest.xml", () => {
  it("passes every offline check, with the functions src/commands really registers", () => {
    expect(checkManifest(xml, { commandsSource: readCommandsSource(COMMANDS_DIR), assetsDir: ASSETS_DIR })).toEqual([]);
  });

  it("declares the four ribbon functions, each on its own button, all registered in src/commands", () => {
    const declared = declaredFunctionNames(xml);
    expect(declared).toEqual(["checkPlan", "highlightOverdue", "totalsByUnit", "clearHighlights"]);
    const registered = registeredFunctionNames(readCommandsSource(COMMANDS_DIR));
    expect(declared.filter((name) => !registered.has(name))).toEqual([]);
  });

  it("has the Fengong tab with an Open panel button first, labelled in en-US and zh-CN", () => {
    const doc = parseManifest(xml);
    const labelOf = (resid: string) => {
      const element = byTag(doc, "String").find((e) => e.getAttribute("id") === resid);
      return {
        en: element?.getAttribute("DefaultValue"),
        zh: element && byTag(element, "Override")[0]?.getAttribute("Value"),
      };
    };
    const tab = byTag(doc, "CustomTab")[0];
    const tabLabel = byTag(tab, "Label").find((label) => label.parentNode === tab);
    expect(labelOf(tabLabel?.getAttribute("resid") ?? "")).toEqual({ en: "Fengong", zh: "分工核查" });

    const controls = byTag(tab, "Control");
    expect(controls.map((c) => c.getAttribute("id"))).toEqual([
      "Fengong.OpenPanel",
      "Fengong.Check",
      "Fengong.HighlightOverdue",
      "Fengong.TotalsByUnit",
      "Fengong.ClearHighlights",
    ]);
    const actions = controls.map((c) => byTag(c, "Action")[0]?.getAttributeNS(XSI, "type"));
    expect(actions).toEqual([
      "ShowTaskpane",
      "ExecuteFunction",
      "ExecuteFunction",
      "ExecuteFunction",
      "ExecuteFunction",
    ]);
    expect(controls.map((c) => labelOf(byTag(c, "Label")[0]?.getAttribute("resid") ?? ""))).toEqual([
      { en: "Open panel", zh: "打开面板" },
      { en: "Check", zh: "核查" },
      { en: "Highlight overdue", zh: "标出逾期" },
      { en: "Totals by unit", zh: "按单位汇总" },
      { en: "Clear highlights", zh: "清除标注" },
    ]);
  });

  it("names the clear button with one word everywhere: the ribbon's 清除标注 is what messages and docs say", () => {
    const label = /<bt:String id="Clear.Label"[^>]*>\s*<bt:Override Locale="zh-CN" Value="([^"]+)"/.exec(xml);
    expect(label?.[1]).toBe("清除标注");
    expect(readFileSync(path.join(ROOT, "src", "excel", "messages.ts"), "utf8")).toContain(`“${label?.[1]}”`);
    const texts = [xml, ...sourceTexts(path.join(ROOT, "src")), ...sourceTexts(path.join(ROOT, "docs"))];
    texts.push(readFileSync(path.join(ROOT, "README.md"), "utf8"));
    expect(texts.filter((text) => text.includes("清除标记"))).toEqual([]);
  });

  it("uses the dev origin in the source manifest and a fixed GUID", () => {
    expect(xml).toContain("<Id>266d85b5-5522-4ea7-a490-c3e9297a3994</Id>");
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((u) => !u.startsWith("https://localhost:3000/"))).toEqual([]);
  });
});
