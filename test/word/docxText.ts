/** What a person reads in a .docx: the paragraphs and tables of word/document.xml (unzipped with fflate). */
import { strFromU8, unzipSync } from "fflate";

const decode = (xml: string): string =>
  xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of an XML fragment: its w:t runs joined. */
const runs = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join("");

export interface DocxContent {
  xml: string;
  /** Paragraphs outside tables, in order. */
  paragraphs: string[];
  /** Each table as rows of cell texts. */
  tables: string[][][];
  /** Every text of the document, paragraphs and cells, one per line. */
  text: string;
  /** Other parts of the package (footer, font table …). */
  parts: Record<string, string>;
}

export function readDocx(bytes: Uint8Array): DocxContent {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"]);
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? "";
  const tables: string[][][] = [];
  const withoutTables = body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (table) => {
    tables.push(
      [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
        [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => runs(cell[0])),
      ),
    );
    return "<w:p>\u0000TABLE</w:p>";
  });
  const paragraphs = [...withoutTables.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => runs(p[0]))
    .filter((p) => p !== "");
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (name.endsWith(".xml")) parts[name] = strFromU8(data);
  const text = [...paragraphs, ...tables.flat(2)].join("\n");
  return { xml, paragraphs, tables, text, parts };
}
