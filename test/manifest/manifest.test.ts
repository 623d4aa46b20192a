/** The real manifest.xml, checked offline against the real assets/ and src/commands. */
import type { Document, Element } from "@xmldom/xmldom";
import { checkManifest, parseManifest, readCommandsSource, registeredFunctionNames } from "./checkManifest";
import { ASSETS_DIR, COMMANDS_DIR, declaredFunctionNames, readManifest } from "./helpers";

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
      { en: "Clear highlights", zh: "清除标记" },
    ]);
  });

  it("uses the dev origin in the source manifest and a fixed GUID", () => {
    expect(xml).toContain("<Id>266d85b5-5522-4ea7-a490-c3e9297a3994</Id>");
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((u) => !u.startsWith("https://localhost:3000/"))).toEqual([]);
  });
});
