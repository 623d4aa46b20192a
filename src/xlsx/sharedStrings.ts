/** sharedStrings.xml as a list of plain texts (rich text runs joined, phonetic runs left out). */
import { decodeXml } from "./xml";

/** Excel's escape for characters XML cannot hold: _x000D_ (upper-case hex, as exceljs decodes it). */
export function decodeEscapes(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

const PHONETIC = /<(?:[\w.-]+:)?rPh\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?rPh>)/g;
const TEXT = /<(?:[\w.-]+:)?t(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;

/** The usual item, one <t> (attributes allowed, no prefix) holding only text: its text; else null. */
function plainItemText(inner: string): string | null {
  if (!inner.startsWith("<t")) return null;
  const next = inner.charCodeAt(2);
  if (next !== 62 && next !== 32 && next !== 9 && next !== 10 && next !== 13) return null;
  const open = inner.indexOf(">", 2);
  const close = inner.length - 4;
  if (inner.charCodeAt(open - 1) === 47 || close <= open || !inner.endsWith("</t>")) return null;
  if (inner.indexOf("<", open + 1) !== close) return null;
  return close === open + 1 ? "" : decodeEscapes(decodeXml(inner.slice(open + 1, close)));
}

/** The text of one <si> (or of an inline <is>): its <t> elements, in order, outside phonetic runs. */
export function stringItemText(inner: string): string {
  const plain = plainItemText(inner);
  if (plain !== null) return plain;
  const body = inner.includes("rPh") ? inner.replace(PHONETIC, "") : inner;
  let text = "";
  for (const m of body.matchAll(TEXT)) if (m[1]) text += decodeEscapes(decodeXml(m[1]));
  return text;
}

export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const item = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  for (const m of xml.matchAll(item)) strings.push(m[1] ? stringItemText(m[1]) : "");
  return strings;
}
