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

/** The text of one <si> (or of an inline <is>): its <t> elements, in order, outside phonetic runs. */
export function stringItemText(inner: string): string {
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
