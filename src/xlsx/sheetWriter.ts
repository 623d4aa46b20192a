/**
 * The XML of a worksheet we write whole (our report, data and settings sheets, a CSV turned workbook):
 * strings inline (the shared strings part is never touched), numbers and booleans as such, links to cells
 * of the workbook as internal hyperlinks (no relationship part needed).
 */
import { cellAddress } from "../core/address";
import type { CellValue } from "../core/types";
import { escapeAttribute, escapeText } from "./xml";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export interface SheetContent {
  /** Row-major from A1; "" and null are empty cells. */
  rows: readonly (readonly CellValue[])[];
  /** Cell style (cellXfs index) of a cell, if any. */
  styleOf?: (row: number, column: number, value: CellValue) => number | undefined;
  /** Internal links: "row:column" (0-based) -> location such as 'Sheet'!C14. */
  links?: ReadonlyMap<string, string>;
  /** Column widths in characters (0-based columns). */
  columnWidths?: readonly number[];
  /** Freeze the first row. */
  freezeHeader?: boolean;
}

/** Characters XML 1.0 cannot hold, written as Excel's _xHHHH_ escapes. */
function textOf(value: string): string {
  const clean = value.replace(
    /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
  return escapeText(clean);
}

function cellXml(address: string, value: CellValue, style: number | undefined): string {
  const s = style !== undefined && style > 0 ? ` s="${style}"` : "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `<c r="${address}"${s} t="e"><v>#NUM!</v></c>`;
    return `<c r="${address}"${s}><v>${value}</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${address}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = String(value);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${address}"${s} t="inlineStr"><is><t${space}>${textOf(text)}</t></is></c>`;
}

export function worksheetXml(content: SheetContent): string {
  const { rows } = content;
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
  ];
  const nonEmpty = rows.length > 0 && width > 0;
  parts.push(`<dimension ref="${nonEmpty ? `A1:${cellAddress(rows.length, width)}` : "A1"}"/>`);
  if (content.freezeHeader) {
    parts.push(
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    );
  } else {
    parts.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  const widths = content.columnWidths ?? [];
  const cols = widths
    .map((w, c) =>
      Number.isFinite(w) && w > 0 ? `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>` : "",
    )
    .join("");
  if (cols) parts.push(`<cols>${cols}</cols>`);
  parts.push("<sheetData>");
  const hyperlinks: string[] = [];
  rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((value, c) => {
      if (value === null || value === "") return;
      const address = cellAddress(r + 1, c + 1);
      cells.push(cellXml(address, value, content.styleOf?.(r, c, value)));
      const link = content.links?.get(`${r}:${c}`);
      if (link !== undefined) {
        hyperlinks.push(
          `<hyperlink ref="${address}" location="${escapeAttribute(link)}" display="${escapeAttribute(String(value))}"/>`,
        );
      }
    });
    if (cells.length > 0) parts.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  });
  parts.push("</sheetData>");
  if (hyperlinks.length > 0) parts.push(`<hyperlinks>${hyperlinks.join("")}</hyperlinks>`);
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  parts.push("</worksheet>");
  return parts.join("");
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

/** The parts of a new one-sheet workbook (a CSV opened as a workbook). */
export function newWorkbookParts(
  sheetName: string,
  rows: readonly (readonly CellValue[])[],
): { name: string; text: string }[] {
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return [
    {
      name: "[Content_Types].xml",
      text:
        decl +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        "</Types>",
    },
    {
      name: "_rels/.rels",
      text:
        decl +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      text:
        decl +
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${rel}">` +
        '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
        `<sheets><sheet name="${escapeAttribute(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      text:
        decl +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    },
    { name: "xl/styles.xml", text: MINIMAL_STYLES },
    { name: "xl/worksheets/sheet1.xml", text: worksheetXml({ rows }) },
  ];
}
