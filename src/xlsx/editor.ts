/**
 * Edits of an .xlsx package limited to what we own: our sheets (whole parts we write), our workbook names,
 * our conditional formats in a sheet's XML, the styles they use, and the entries of workbook.xml, its
 * relationships and [Content_Types].xml that list our sheets. Every edit is textual and minimal, and each
 * removal is the exact inverse of the insertion, so adding then removing ours gives back the same bytes.
 */
import { OWNED_MARKER } from "../app/port";
import type { XlsxPackage } from "./package";
import { sameSheetName } from "./sheetNames";
import {
  REL_NS,
  WORKSHEET_TYPE,
  readWorkbookInfo,
  relsPartOf,
  stylesPartName,
  type SheetEntry,
  type SheetState,
  type WorkbookInfo,
} from "./workbookParts";
import { attribute, decodeXml, escapeAttribute, escapeText, prefixOf, rootPrefix } from "./xml";

const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPES = "[Content_Types].xml";

/** Insert `text` before the first of these closing/opening markers found at or after `from`. */
function insertBefore(xml: string, markers: readonly string[], text: string, from = 0): string {
  let at = -1;
  for (const marker of markers) {
    const i = xml.indexOf(marker, from);
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  if (at === -1) throw new Error(`no place for ${text.slice(0, 40)}`);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** A regex-safe literal. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class PackageEditor {
  constructor(private readonly pkg: XlsxPackage) {}

  info(): WorkbookInfo {
    const info = readWorkbookInfo(this.pkg);
    if (!info) throw new Error("no workbook part");
    return info;
  }

  private text(part: string): string {
    const xml = this.pkg.text(part);
    if (xml === null) throw new Error(`missing part ${part}`);
    return xml;
  }

  findSheet(name: string): SheetEntry | undefined {
    const sheets = this.info().sheets;
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => sameSheetName(s.name, name));
  }

  // ---- Sheets ------------------------------------------------------------------------------------------

  /** Add a worksheet at the end of the workbook; returns its sheetId. */
  addSheet(name: string, state: SheetState, xml: string): number {
    const info = this.info();
    const workbookXml = this.text(info.part);
    const dir = info.part.slice(0, info.part.lastIndexOf("/") + 1);
    let n = 1;
    const taken = new Set(this.pkg.names().map((p) => p.toLowerCase()));
    for (const p of taken) {
      const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(p);
      if (m) n = Math.max(n, Number(m[1]) + 1);
    }
    while (taken.has(`${dir}worksheets/sheet${n}.xml`.toLowerCase())) n++;
    const part = `${dir}worksheets/sheet${n}.xml`;
    this.pkg.setText(part, xml);

    // Relationship
    const relsPart = relsPartOf(info.part);
    const relsXml = this.text(relsPart);
    let idNumber = 1;
    for (const rel of info.rels) {
      const m = /^rId(\d+)$/.exec(rel.id);
      if (m) idNumber = Math.max(idNumber, Number(m[1]) + 1);
    }
    while (info.rels.some((r) => r.id === `rId${idNumber}`)) idNumber++;
    const relId = `rId${idNumber}`;
    const relsPrefix = rootPrefix(relsXml, "Relationships");
    this.pkg.setText(
      relsPart,
      insertBefore(
        relsXml,
        [`</${relsPrefix}Relationships>`],
        `<${relsPrefix}Relationship Id="${relId}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${n}.xml"/>`,
      ),
    );

    // Content type
    const types = this.text(CONTENT_TYPES);
    const typesPrefix = rootPrefix(types, "Types");
    this.pkg.setText(
      CONTENT_TYPES,
      insertBefore(
        types,
        [`</${typesPrefix}Types>`],
        `<${typesPrefix}Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`,
      ),
    );

    // The <sheet> element
    const sheetId = Math.max(0, ...info.sheets.map((s) => s.sheetId)) + 1;
    const p = rootPrefix(workbookXml, "workbook");
    const relPrefix = prefixOf(workbookXml, REL_NS);
    const idAttribute = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
    const stateAttribute = state === "visible" ? "" : ` state="${state}"`;
    const element = `<${p}sheet name="${escapeAttribute(name)}" sheetId="${sheetId}"${stateAttribute} ${idAttribute}/>`;
    this.pkg.setText(info.part, insertBefore(workbookXml, [`</${p}sheets>`], element));
    return sheetId;
  }

  /** Replace a worksheet's XML (and its name and state) in place: its position, id and relationships stay. */
  replaceSheet(sheet: SheetEntry, xml: string, name: string, state: SheetState): void {
    this.pkg.setText(sheet.part!, xml);
    if (name === sheet.name && state === sheet.state) return;
    const info = this.info();
    const workbookXml = this.text(info.part);
    const element = this.sheetElement(workbookXml, sheet);
    if (!element) return;
    let updated = element.text.replace(/\sname\s*=\s*("[^"]*"|'[^']*')/, ` name="${escapeAttribute(name)}"`);
    updated = updated.replace(/\sstate\s*=\s*("[^"]*"|'[^']*')/, "");
    if (state !== "visible") updated = updated.replace(/\s*\/?>$/, (end) => ` state="${state}"${end.trim()}`);
    this.pkg.setText(
      info.part,
      workbookXml.slice(0, element.at) + updated + workbookXml.slice(element.at + element.text.length),
    );
  }

  private sheetElement(workbookXml: string, sheet: SheetEntry): { at: number; text: string } | null {
    for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)) {
      if (Number(attribute(m[0], "sheetId")) === sheet.sheetId) return { at: m.index!, text: m[0] };
    }
    return null;
  }

  /** Remove a worksheet we own: its element, relationship, content type and part (and names scoped to it). */
  removeSheet(sheet: SheetEntry): void {
    const info = this.info();
    const index = info.sheets.findIndex((s) => s.sheetId === sheet.sheetId);
    let workbookXml = this.text(info.part);
    const element = this.sheetElement(workbookXml, sheet);
    if (element) workbookXml = workbookXml.slice(0, element.at) + workbookXml.slice(element.at + element.text.length);
    // Names scoped to later sheets move down one place; tabs too.
    workbookXml = workbookXml.replace(
      /<(?:[\w.-]+:)?definedName\b[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?definedName>/g,
      (whole) => {
        const local = attribute(whole.slice(0, whole.indexOf(">") + 1), "localSheetId");
        if (local === undefined) return whole;
        const k = Number(local);
        if (k === index) return "";
        return k > index ? whole.replace(/localSheetId="\d+"/, `localSheetId="${k - 1}"`) : whole;
      },
    );
    workbookXml = workbookXml.replace(/<(?:[\w.-]+:)?workbookView\b[^>]*>/g, (tag) =>
      tag.replace(/\s(activeTab|firstSheet)="(\d+)"/g, (whole, attr: string, value: string) => {
        const k = Number(value);
        return k > index ? ` ${attr}="${k - 1}"` : k === index ? ` ${attr}="0"` : whole;
      }),
    );
    workbookXml = this.dropEmptyDefinedNames(workbookXml);
    this.pkg.setText(info.part, workbookXml);

    const relsPart = relsPartOf(info.part);
    const relsXml = this.text(relsPart);
    const relPattern = new RegExp(`<(?:[\\w.-]+:)?Relationship\\b[^>]*\\sId="${literal(sheet.relId)}"[^>]*>`);
    this.pkg.setText(relsPart, relsXml.replace(relPattern, ""));

    if (sheet.part) {
      const types = this.text(CONTENT_TYPES);
      const typePattern = new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*PartName="/${literal(sheet.part)}"[^>]*>`, "i");
      this.pkg.setText(CONTENT_TYPES, types.replace(typePattern, ""));
      this.pkg.remove(sheet.part);
      this.pkg.remove(relsPartOf(sheet.part));
    }
  }

  // ---- Workbook names ----------------------------------------------------------------------------------

  /** Remove every workbook name with our marker; add these (refersTo without "="). */
  setOwnedNames(names: readonly { name: string; refersTo: string }[]): void {
    const info = this.info();
    const p = rootPrefix(this.text(info.part), "workbook");
    let xml = this.text(info.part).replace(
      /<(?:[\w.-]+:)?definedName\b[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?definedName>/g,
      (whole) => (isOwnedName(whole) ? "" : whole),
    );
    const added = names
      .map((n) => `<${p}definedName name="${escapeAttribute(n.name)}">${escapeText(n.refersTo)}</${p}definedName>`)
      .join("");
    if (added) {
      if (new RegExp(`</${literal(p)}definedNames>`).test(xml)) {
        xml = insertBefore(xml, [`</${p}definedNames>`], added);
      } else if (new RegExp(`<${literal(p)}definedNames\\s*/>`).test(xml)) {
        xml = xml.replace(
          new RegExp(`<${literal(p)}definedNames\\s*/>`),
          `<${p}definedNames>${added}</${p}definedNames>`,
        );
      } else {
        const after = [
          "calcPr",
          "oleSize",
          "customWorkbookViews",
          "pivotCaches",
          "smartTagPr",
          "smartTagTypes",
          "webPublishing",
          "fileRecoveryPr",
          "webPublishObjects",
          "extLst",
        ].map((tag) => `<${p}${tag}`);
        xml = insertBefore(
          xml,
          [...after, `</${p}workbook>`],
          `<${p}definedNames>${added}</${p}definedNames>`,
          xml.indexOf(`</${p}sheets>`),
        );
      }
    }
    this.pkg.setText(info.part, this.dropEmptyDefinedNames(xml));
  }

  private dropEmptyDefinedNames(xml: string): string {
    return xml.replace(/<((?:[\w.-]+:)?)definedNames>\s*<\/\1definedNames>/, "");
  }

  /** Our names as they are in the workbook. */
  ownedNames(): { name: string; refersTo: string }[] {
    const xml = this.text(this.info().part);
    const names: { name: string; refersTo: string }[] = [];
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>/g)) {
      if (isOwnedName(m[0]))
        names.push({ name: decodeXml(attribute(`<x${m[1]}>`, "name") ?? ""), refersTo: decodeXml(m[2]) });
    }
    return names;
  }

  // ---- Styles ------------------------------------------------------------------------------------------

  private stylesPart(): string {
    return stylesPartName(this.info());
  }

  /** Index of a differential format (for a conditional format), appended when no identical one exists. */
  ensureDxf(dxfInner: string): number {
    const part = this.stylesPart();
    const xml = this.text(part);
    const p = rootPrefix(xml, "styleSheet");
    const dxf = `<${p}dxf>${dxfInner}</${p}dxf>`;
    const list = this.list(xml, "dxfs");
    const found = list.items.indexOf(dxf);
    if (found !== -1) return found;
    this.pkg.setText(part, this.appendToList(xml, "dxfs", list, dxf, ["tableStyles", "colors", "extLst"]));
    return list.items.length;
  }

  /** Remove these dxfs when they are at the end of the list and nothing refers to them (what ensureDxf added). */
  removeTrailingDxfs(candidates: readonly string[], referenced: ReadonlySet<number>): void {
    const part = this.stylesPart();
    const xml = this.text(part);
    const p = rootPrefix(xml, "styleSheet");
    const wanted = new Set(candidates.map((inner) => `<${p}dxf>${inner}</${p}dxf>`));
    const list = this.list(xml, "dxfs");
    let keep = list.items.length;
    while (keep > 0 && wanted.has(list.items[keep - 1]) && !referenced.has(keep - 1)) keep--;
    if (keep === list.items.length || list.start === -1) return;
    const items = list.items.slice(0, keep);
    const block =
      items.length === 0 ? `<${p}dxfs count="0"/>` : `<${p}dxfs count="${items.length}">${items.join("")}</${p}dxfs>`;
    this.pkg.setText(part, xml.slice(0, list.start) + block + xml.slice(list.end));
  }

  /** The items of a styles list (dxfs, cellXfs, fonts, numFmts) as their exact XML. */
  private list(xml: string, tag: string): { start: number; end: number; items: string[]; open: string } {
    const m = new RegExp(`<((?:[\\w.-]+:)?)${tag}\\b([^>]*?)(/>|>([\\s\\S]*?)</\\1${tag}>)`).exec(xml);
    if (!m) return { start: -1, end: -1, items: [], open: "" };
    const inner = m[4] ?? "";
    const child = tag === "dxfs" ? "dxf" : tag === "cellXfs" ? "xf" : tag === "fonts" ? "font" : "numFmt";
    const items = [
      ...inner.matchAll(new RegExp(`<(?:[\\w.-]+:)?${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?${child}>)`, "g")),
    ].map((x) => x[0]);
    return { start: m.index, end: m.index + m[0].length, items, open: m[2] };
  }

  private appendToList(
    xml: string,
    tag: string,
    list: { start: number; end: number; items: string[]; open: string },
    item: string,
    before: readonly string[],
  ): string {
    const p = rootPrefix(xml, "styleSheet");
    const count = list.items.length + 1;
    if (list.start === -1) {
      const block = `<${p}${tag} count="${count}">${item}</${p}${tag}>`;
      return insertBefore(xml, [...before.map((t) => `<${p}${t}`), `</${p}styleSheet>`], block);
    }
    const open = /count="\d+"/.test(list.open)
      ? list.open.replace(/count="\d+"/, `count="${count}"`)
      : `${list.open} count="${count}"`;
    const block = `<${p}${tag}${open}>${list.items.join("")}${item}</${p}${tag}>`;
    return xml.slice(0, list.start) + block + xml.slice(list.end);
  }

  /**
   * A cell style for our sheets: bold, a link, or a number format ("@", "0.0%" …), on the workbook's default
   * font. Found again by its exact XML, so writing twice adds nothing.
   */
  ensureCellStyle(style: { bold?: boolean; link?: boolean; numberFormat?: string }): number {
    const part = this.stylesPart();
    let xml = this.text(part);
    const p = rootPrefix(xml, "styleSheet");
    let fontId = 0;
    if (style.bold || style.link) {
      const fonts = this.list(xml, "fonts");
      const base = fonts.items[0] ?? "";
      const size = /<(?:[\w.-]+:)?sz\b[^>]*>/.exec(base)?.[0] ?? `<${p}sz val="11"/>`;
      const name = /<(?:[\w.-]+:)?name\b[^>]*>/.exec(base)?.[0] ?? `<${p}name val="Calibri"/>`;
      const font = style.link
        ? `<${p}font><${p}u/>${size}<${p}color rgb="FF0563C1"/>${name}</${p}font>`
        : `<${p}font><${p}b/>${size}${name}</${p}font>`;
      fontId = fonts.items.indexOf(font);
      if (fontId === -1) {
        fontId = fonts.items.length;
        xml = this.appendToList(xml, "fonts", fonts, font, ["fills"]);
      }
    }
    let numFmtId = 0;
    if (style.numberFormat && style.numberFormat !== "General") {
      const builtIn: Record<string, number> = { "0": 1, "0.00": 2, "0%": 9, "0.00%": 10, "@": 49 };
      numFmtId = builtIn[style.numberFormat] ?? -1;
      if (numFmtId === -1) {
        const numFmts = this.list(xml, "numFmts");
        const code = escapeAttribute(style.numberFormat);
        const existing = numFmts.items.find((item) => attribute(item, "formatCode") === code);
        if (existing) numFmtId = Number(attribute(existing, "numFmtId"));
        else {
          numFmtId = Math.max(163, ...numFmts.items.map((item) => Number(attribute(item, "numFmtId")) || 0)) + 1;
          xml = this.appendToList(
            xml,
            "numFmts",
            numFmts,
            `<${p}numFmt numFmtId="${numFmtId}" formatCode="${code}"/>`,
            ["fonts"],
          );
        }
      }
    }
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"` +
      `${fontId ? ' applyFont="1"' : ""}${numFmtId ? ' applyNumberFormat="1"' : ""}/>`;
    const cellXfs = this.list(xml, "cellXfs");
    let index = cellXfs.items.indexOf(xf);
    if (index === -1) {
      index = cellXfs.items.length;
      xml = this.appendToList(xml, "cellXfs", cellXfs, xf, ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"]);
    }
    if (xml !== this.text(part)) this.pkg.setText(part, xml);
    return index;
  }
}

/** A <definedName> element of ours (by the marker in its name; never a sheet-scoped one). */
function isOwnedName(element: string): boolean {
  const tag = element.slice(0, element.indexOf(">") + 1);
  const name = decodeXml(attribute(tag, "name") ?? "");
  return name.includes(OWNED_MARKER) && attribute(tag, "localSheetId") === undefined;
}

export { PACKAGE_RELS_NS };
