/** The little XML the package layer needs: entity decoding, escaping, attributes of one start tag. */

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text or attribute content as an XML parser gives it: line ends normalised, entities and char refs decoded. */
export function decodeXml(text: string): string {
  let out = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  if (out.includes("&")) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
      if (ref[0] !== "#") return NAMED[ref] ?? whole;
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  return out;
}

/** Escape text for element content. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escape text for a double-quoted attribute. */
export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

/** Every attribute of a start tag (raw values, not decoded), by name as written (prefix included). */
export function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) map.set(m[1], m[2] ?? m[3] ?? "");
  return map;
}

/**
 * One attribute of a start tag, fast (no regex): ` name="…"` or ` name='…'`. Raw value, or undefined.
 * `tag` runs from "<" to ">" of one element.
 */
export function attribute(tag: string, name: string): string | undefined {
  let at = tag.indexOf(` ${name}=`);
  while (at !== -1) {
    const quote = tag[at + name.length + 2];
    if (quote === '"' || quote === "'") {
      const start = at + name.length + 3;
      const end = tag.indexOf(quote, start);
      return end === -1 ? undefined : tag.slice(start, end);
    }
    at = tag.indexOf(` ${name}=`, at + 1);
  }
  // Rare spellings: another whitespace before the name, spaces around "=" (checked only when the tag has them).
  if (!/[\t\n\r]|\s=|=\s/.test(tag)) return undefined;
  const m = new RegExp(`\\s${name.replace(/[.:-]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The namespace prefix ("x:" or "") of a document's root element, e.g. <x:worksheet …>. */
export function rootPrefix(xml: string, localName: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${localName}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** The prefix bound to a namespace URI in a document ("r" for xmlns:r="…"), or null. */
export function prefixOf(xml: string, uri: string): string | null {
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${uri.replace(/[.?*+^$()[\]{}|\\/]/g, "\\$&")}["']`).exec(xml);
  return m ? m[1] : null;
}

let decoder: TextDecoder | null = null;
let encoder: TextEncoder | null = null;

/** UTF-8 bytes as text, a BOM kept (so encoding the text again gives the same bytes). */
export function utf8Text(bytes: Uint8Array): string {
  decoder ??= new TextDecoder("utf-8", { ignoreBOM: true });
  return decoder.decode(bytes);
}

export function utf8Bytes(text: string): Uint8Array {
  encoder ??= new TextEncoder();
  return encoder.encode(text);
}
