/**
 * Our conditional formats inside a worksheet's XML. Only the part after <sheetData> is touched: our
 * <conditionalFormatting> block goes first (our rules take the top priorities, as Excel's
 * conditionalFormats.add does), the user's rules keep their XML, their priorities shifted below ours and
 * shifted back when ours are removed.
 */
import { OWNED_MARKER } from "../app/port";
import { rootPrefix, escapeText } from "./xml";

/** Elements that follow conditionalFormatting in a worksheet (schema order). */
const AFTER_RULES = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

interface Split {
  head: string;
  tail: string;
  p: string;
}

/** The sheet's XML cut after its cell data (rules come later in the schema). */
function split(xml: string): Split {
  const p = rootPrefix(xml, "worksheet");
  const close = xml.lastIndexOf(`</${p}sheetData>`);
  let cut = close === -1 ? -1 : close + `</${p}sheetData>`.length;
  if (cut === -1) {
    const empty = new RegExp(`<${p}sheetData\\s*/>`).exec(xml);
    cut = empty ? empty.index + empty[0].length : 0;
  }
  return { head: xml.slice(0, cut), tail: xml.slice(cut), p };
}

const PRIORITY_TAGS = /<(?:[\w.-]+:)?cfRule\b[^>]*>/g;

function shiftPriorities(tail: string, shift: (priority: number) => number): string {
  return tail.replace(PRIORITY_TAGS, (tag) =>
    tag.replace(
      /(\spriority\s*=\s*["'])(\d+)(["'])/,
      (_m, a: string, n: string, b: string) => `${a}${shift(Number(n))}${b}`,
    ),
  );
}

export interface RemovedRules {
  xml: string;
  /** dxfIds our removed rules used. */
  dxfIds: number[];
  removed: number;
}

/** Remove our rules (formulas carrying the marker) from a sheet; nothing else changes. */
export function withoutOwnedRules(xml: string): RemovedRules {
  if (!xml.includes(OWNED_MARKER)) return { xml, dxfIds: [], removed: 0 };
  const { head, tail, p } = split(xml);
  const removedPriorities: number[] = [];
  const dxfIds: number[] = [];
  const block = new RegExp(`<${p}conditionalFormatting\\b[^>]*>[\\s\\S]*?</${p}conditionalFormatting>`, "g");
  const rule = new RegExp(`<${p}cfRule\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}cfRule>)`, "g");
  let next = tail.replace(block, (whole) => {
    let kept = 0;
    const result = whole.replace(rule, (cfRule) => {
      if (!cfRule.includes(OWNED_MARKER)) {
        kept++;
        return cfRule;
      }
      const tag = cfRule.slice(0, cfRule.indexOf(">") + 1);
      const priority = /\spriority\s*=\s*["'](\d+)["']/.exec(tag);
      if (priority) removedPriorities.push(Number(priority[1]));
      const dxf = /\sdxfId\s*=\s*["'](\d+)["']/.exec(tag);
      if (dxf) dxfIds.push(Number(dxf[1]));
      return "";
    });
    return kept === 0 ? "" : result;
  });
  if (removedPriorities.length === 0 && dxfIds.length === 0) return { xml, dxfIds, removed: 0 };
  next = shiftPriorities(next, (n) => n - removedPriorities.filter((r) => r < n).length);
  return { xml: head + next, dxfIds, removed: removedPriorities.length };
}

/** Add our rules (highest priority first) over `ref`, above the user's; call withoutOwnedRules first. */
export function withOwnedRules(xml: string, ref: string, rules: readonly { formula: string; dxfId: number }[]): string {
  if (rules.length === 0) return xml;
  const { head, tail, p } = split(xml);
  const shifted = shiftPriorities(tail, (n) => n + rules.length);
  const cfRules = rules
    .map(
      (rule, i) =>
        `<${p}cfRule type="expression" dxfId="${rule.dxfId}" priority="${i + 1}"><${p}formula>${escapeText(rule.formula.replace(/^=/, ""))}</${p}formula></${p}cfRule>`,
    )
    .join("");
  const ours = `<${p}conditionalFormatting sqref="${ref}">${cfRules}</${p}conditionalFormatting>`;
  const markers = [`<${p}conditionalFormatting`, ...AFTER_RULES.map((tag) => `<${p}${tag}`), `</${p}worksheet>`];
  let at = -1;
  for (const marker of markers) {
    const i = shifted.indexOf(marker);
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  if (at === -1) at = shifted.length;
  return head + shifted.slice(0, at) + ours + shifted.slice(at);
}

/** Every dxfId a part refers to. */
export function dxfIdsIn(xml: string): number[] {
  return [...xml.matchAll(/\sdxfId\s*=\s*["'](\d+)["']/g)].map((m) => Number(m[1]));
}
