/** Build .xlsx packages from hand-written XML parts, for tests of what real tools write. */
import { writeZip } from "../../src/xlsx/zip";
import { fflateCodec } from "../../src/xlsx/zipCodec";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function zipOf(parts: Record<string, string | Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  return writeZip(
    new Uint8Array(0),
    Object.entries(parts).map(([name, data]) => ({
      kind: "new" as const,
      name,
      data: typeof data === "string" ? encoder.encode(data) : data,
    })),
    fflateCodec,
  );
}

export interface HandSheet {
  name: string;
  /** The inner XML of <worksheet> (sheetData and whatever follows). */
  body: string;
  state?: "hidden" | "veryHidden";
}

/** A workbook of these sheets, with optional shared strings, styles and workbookPr. */
export function handWorkbook(
  sheets: HandSheet[],
  options: { sharedStrings?: string[]; sharedStringsXml?: string; styles?: string; workbookPr?: string } = {},
): Record<string, string> {
  const parts: Record<string, string> = {};
  const overrides = sheets
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  parts["[Content_Types].xml"] =
    DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    overrides +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
  parts["_rels/.rels"] =
    DECL +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts["xl/workbook.xml"] =
    DECL +
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.workbookPr ?? ""}<bookViews><workbookView/></bookViews><sheets>` +
    sheets
      .map(
        (s, i) =>
          `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
      )
      .join("") +
    "</sheets></workbook>";
  parts["xl/_rels/workbook.xml.rels"] =
    DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets
      .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join("") +
    `<Relationship Id="rId100" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId101" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  parts["xl/styles.xml"] =
    options.styles ??
    DECL +
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>` +
      '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>';
  const strings = options.sharedStrings ?? [];
  parts["xl/sharedStrings.xml"] =
    options.sharedStringsXml ??
    DECL +
      `<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("") +
      "</sst>";
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      DECL + `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.body}</worksheet>`;
  });
  return parts;
}
