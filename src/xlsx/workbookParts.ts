/** The workbook-level parts of a package, read: relationships, the sheet list, date system, number formats. */
import type { XlsxPackage } from "./package";
import { attribute, decodeXml, prefixOf } from "./xml";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const OFFICE_DOCUMENT_TYPE = `${REL_NS}/officeDocument`;

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name (no leading slash), or the raw target for external ones. */
  target: string;
  external: boolean;
}

/** "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels" */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolve a relationship target against the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = fromPart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") base.pop();
    else if (piece !== "." && piece !== "") base.push(piece);
  }
  return base.join("/");
}

export function readRelationships(pkg: XlsxPackage, part: string): Relationship[] {
  const xml = pkg.text(relsPartOf(part));
  if (xml === null) return [];
  const rels: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const tag = m[0];
    const id = decodeXml(attribute(tag, "Id") ?? "");
    const type = decodeXml(attribute(tag, "Type") ?? "");
    const rawTarget = decodeXml(attribute(tag, "Target") ?? "");
    const external = attribute(tag, "TargetMode") === "External";
    rels.push({ id, type, target: external ? rawTarget : resolveTarget(part, rawTarget), external });
  }
  return rels;
}

/** The workbook part: the package's officeDocument relationship, else xl/workbook.xml. */
export function workbookPartName(pkg: XlsxPackage): string {
  const rel = readRelationships(pkg, "").find((r) => r.type === OFFICE_DOCUMENT_TYPE);
  return rel && pkg.has(rel.target) ? rel.target : "xl/workbook.xml";
}

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  name: string;
  sheetId: number;
  state: SheetState;
  relId: string;
  /** The sheet's part (worksheets only; null for chart sheets, dialog sheets, missing parts). */
  part: string | null;
}

export interface WorkbookInfo {
  part: string;
  sheets: SheetEntry[];
  date1904: boolean;
  rels: Relationship[];
}

export function readWorkbookInfo(pkg: XlsxPackage): WorkbookInfo | null {
  const part = workbookPartName(pkg);
  const xml = pkg.text(part);
  if (xml === null) return null;
  const rels = readRelationships(pkg, part);
  const relPrefix = prefixOf(xml, REL_NS) ?? "r";
  const sheets: SheetEntry[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)) {
    const tag = m[0];
    const relId = decodeXml(attribute(tag, `${relPrefix}:id`) ?? "");
    const rel = rels.find((r) => r.id === relId);
    const state = attribute(tag, "state");
    sheets.push({
      name: decodeXml(attribute(tag, "name") ?? ""),
      sheetId: Number(attribute(tag, "sheetId") ?? 0),
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      relId,
      part: rel && rel.type === WORKSHEET_TYPE && !rel.external && pkg.has(rel.target) ? rel.target : null,
    });
  }
  const pr = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(xml)?.[0];
  const date1904 = pr !== undefined && ["1", "true"].includes(attribute(pr, "date1904") ?? "");
  return { part, sheets, date1904, rels };
}

/** exceljs' table of built-in number formats (those without a locale-dependent code). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A format shows a date when, outside quotes and brackets, it has a date or time letter (as exceljs decides). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

export interface CellStyles {
  /** Number format of each cell style (cellXfs index); undefined = General. */
  formats: (string | undefined)[];
  isDate: boolean[];
}

/** The number format of every cell style, from styles.xml (numFmts and cellXfs). */
export function readCellStyles(xml: string | null): CellStyles {
  const formats: (string | undefined)[] = [];
  const isDate: boolean[] = [];
  if (xml === null) return { formats, isDate };
  const custom = new Map<number, string>();
  const numFmts = /<(?:[\w.-]+:)?numFmts\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?numFmts>/.exec(xml)?.[1] ?? "";
  for (const m of numFmts.matchAll(/<(?:[\w.-]+:)?numFmt\b[^>]*>/g)) {
    const id = parseInt(attribute(m[0], "numFmtId") ?? "", 10);
    const code = attribute(m[0], "formatCode");
    if (Number.isFinite(id) && code !== undefined) custom.set(id, decodeXml(code));
  }
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  for (const m of cellXfs.matchAll(/<(?:[\w.-]+:)?xf\b[^>]*>/g)) {
    const id = parseInt(attribute(m[0], "numFmtId") ?? "", 10);
    // exceljs ignores numFmtId 0 (and a missing one): General.
    const format = id ? (custom.get(id) ?? BUILT_IN_FORMATS[id]) : undefined;
    formats.push(format);
    isDate.push(isDateFormat(format));
  }
  return { formats, isDate };
}

/** The workbook's styles part (from its relationships, else xl/styles.xml). */
export function stylesPartName(info: WorkbookInfo): string {
  return info.rels.find((r) => r.type === `${REL_NS}/styles`)?.target ?? "xl/styles.xml";
}

export function sharedStringsPartName(info: WorkbookInfo): string {
  return info.rels.find((r) => r.type === `${REL_NS}/sharedStrings`)?.target ?? "xl/sharedStrings.xml";
}
