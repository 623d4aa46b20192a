/**
 * A plan workbook written as Excel writes one, by hand, with what exceljs drops or damages when it rewrites a
 * file: a chart, a picture, comments, a pivot table (with its cache), data validation, conditional formats of
 * the kinds exceljs does not model (duplicate values, begins with, contains text, blanks, a data bar in the
 * x14 extension), a sheet-scoped name and a formula name — and a user's own sheet named 问题清单.
 */
import { zipOf } from "./packageParts";

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

const PNG = Uint8Array.from([
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 144, 119, 83,
  222, 0, 0, 0, 12, 73, 68, 65, 84, 120, 156, 99, 248, 207, 192, 0, 0, 3, 1, 1, 0, 201, 254, 146, 239, 0, 0, 0, 0, 73,
  69, 78, 68, 174, 66, 96, 130,
]);

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

const PLAN_ROWS: [string, string, string, string, string][] = [
  ["1", "推进政务公开标准化规范化", "省政府办公厅", "各州（市）人民政府", "2017年6月底前"],
  ["2", "完善统计制度", "省统计局", "省财政厅", "2017年3月底前"],
  ["3", "开设重点领域信息公开专栏", "省发展改革委", "省直有关部门", "持续推进"],
  ["4", "推进基层政务公开", "昆明市人民政府", "各县（市、区）", "2018年12月底前"],
];

export const PLAN_SHEET_XML =
  DECL +
  `<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<dimension ref="A1:F5"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25"/>' +
  '<cols><col min="2" max="2" width="40" customWidth="1"/></cols><sheetData>' +
  `<row r="1">${inline("A1", "序号")}${inline("B1", "工作任务")}${inline("C1", "牵头单位")}${inline("D1", "责任单位")}${inline("E1", "完成时限")}${inline("F1", "完成情况")}</row>` +
  PLAN_ROWS.map(
    (r, i) =>
      `<row r="${i + 2}"><c r="A${i + 2}"><v>${r[0]}</v></c>${inline(`B${i + 2}`, r[1])}${inline(`C${i + 2}`, r[2])}${inline(`D${i + 2}`, r[3])}${inline(`E${i + 2}`, r[4])}</row>`,
  ).join("") +
  "</sheetData>" +
  '<conditionalFormatting sqref="C2:C5"><cfRule type="duplicateValues" dxfId="0" priority="1"/></conditionalFormatting>' +
  '<conditionalFormatting sqref="B2:B5"><cfRule type="beginsWith" dxfId="1" priority="2" stopIfTrue="1" operator="beginsWith" text="推进"><formula>LEFT(B2,LEN("推进"))="推进"</formula></cfRule></conditionalFormatting>' +
  '<conditionalFormatting sqref="F2:F5"><cfRule type="containsText" dxfId="0" priority="3" operator="containsText" text="已完成"><formula>NOT(ISERROR(SEARCH("已完成",F2)))</formula></cfRule>' +
  '<cfRule type="containsBlanks" dxfId="1" priority="4"><formula>LEN(TRIM(F2))=0</formula></cfRule></conditionalFormatting>' +
  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="F2:F5"><formula1>"已完成,推进中,未启动"</formula1></dataValidation></dataValidations>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>' +
  '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
  '<x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}" priority="5"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule>' +
  "<xm:sqref>A2:A5</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>";

export function richPlanWorkbook(): Uint8Array {
  const parts: Record<string, string | Uint8Array> = {
    "[Content_Types].xml":
      DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet3.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT}.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/comments1.xml" ContentType="${CT}.spreadsheetml.comments+xml"/>` +
      `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="${CT}.spreadsheetml.pivotTable+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${CT}.spreadsheetml.pivotCacheDefinition+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${CT}.spreadsheetml.pivotCacheRecords+xml"/>` +
      "</Types>",
    "_rels/.rels":
      DECL +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      DECL +
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr defaultThemeVersion="124226"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>` +
      '<sheets><sheet name="分工方案" sheetId="1" r:id="rId1"/><sheet name="透视" sheetId="2" r:id="rId2"/><sheet name="问题清单" sheetId="3" r:id="rId3"/></sheets>' +
      '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">分工方案!$A$1:$F$5</definedName><definedName name="单位数">COUNTA(分工方案!$C$2:$C$5)</definedName>' +
      '<definedName name="本表说明" localSheetId="1">"透视表按牵头单位计数"</definedName></definedNames>' +
      '<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="1" r:id="rId6"/></pivotCaches></workbook>',
    "xl/_rels/workbook.xml.rels":
      DECL +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet3.xml"/>` +
      `<Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId6" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
    "xl/styles.xml":
      DECL +
      `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="2"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf><dxf><font><b/></font></dxf></dxfs>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>',
    "xl/worksheets/sheet1.xml": PLAN_SHEET_XML,
    "xl/worksheets/_rels/sheet1.xml.rels":
      DECL +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId3" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
    "xl/worksheets/sheet2.xml":
      DECL +
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A3:B8"/><sheetData>` +
      `<row r="3">${inline("A3", "牵头单位")}${inline("B3", "计数项:序号")}</row>` +
      ["省发展改革委", "省统计局", "省政府办公厅", "昆明市人民政府"]
        .map((u, i) => `<row r="${i + 4}">${inline(`A${i + 4}`, u)}<c r="B${i + 4}"><v>1</v></c></row>`)
        .join("") +
      `<row r="8">${inline("A8", "总计")}<c r="B8"><v>4</v></c></row></sheetData></worksheet>`,
    "xl/worksheets/_rels/sheet2.xml.rels":
      DECL +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
    "xl/worksheets/sheet3.xml":
      DECL +
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:B2"/><sheetData><row r="1">${inline("A1", "问题")}${inline("B1", "责任处室")}</row>` +
      `<row r="2">${inline("A2", "信息公开专栏更新不及时")}${inline("B2", "政务公开办")}</row></sheetData></worksheet>`,
    "xl/drawings/drawing1.xml":
      DECL +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      "<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
      '<xdr:oneCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>' +
      `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="图片 2"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
    "xl/drawings/_rels/drawing1.xml.rels":
      DECL +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`,
    "xl/charts/chart1.xml":
      DECL +
      `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/>` +
      '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/>' +
      "<c:cat><c:strRef><c:f>分工方案!$C$2:$C$5</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>分工方案!$A$2:$A$5</c:f></c:numRef></c:val></c:ser>" +
      '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
      '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>',
    "xl/media/image1.png": PNG,
    "xl/comments1.xml":
      DECL +
      `<comments xmlns="${MAIN}"><authors><author>省政府办公厅</author></authors><commentList><comment ref="E3" authorId="0"><text><r><t>统计局已申请延期至9月底</t></r></text></comment></commentList></comments>`,
    "xl/drawings/vmlDrawing1.vml":
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><v:textbox/>' +
      '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>5, 15, 1, 10, 7, 15, 5, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>2</x:Row><x:Column>4</x:Column></x:ClientData></v:shape></xml>',
    "xl/pivotTables/pivotTable1.xml":
      DECL +
      `<pivotTableDefinition xmlns="${MAIN}" name="数据透视表1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1">` +
      '<location ref="A3:B8" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="5"><item x="0"/><item x="1"/><item x="2"/><item x="3"/><item t="default"/></items></pivotField>' +
      '<pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="5"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i><x v="3"/></i><i t="grand"><x/></i></rowItems>' +
      '<colItems count="1"><i/></colItems><dataFields count="1"><dataField name="计数项:序号" fld="1" subtotal="count" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>',
    "xl/pivotTables/_rels/pivotTable1.xml.rels":
      DECL +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
    "xl/pivotCache/pivotCacheDefinition1.xml":
      DECL +
      `<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshedBy="省政府办公厅" refreshedDate="42916" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="4">` +
      '<cacheSource type="worksheet"><worksheetSource ref="A1:F5" sheet="分工方案"/></cacheSource><cacheFields count="2">' +
      '<cacheField name="牵头单位" numFmtId="0"><sharedItems count="4"><s v="省发展改革委"/><s v="省统计局"/><s v="省政府办公厅"/><s v="昆明市人民政府"/></sharedItems></cacheField>' +
      '<cacheField name="序号" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="4"/></cacheField></cacheFields></pivotCacheDefinition>',
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels":
      DECL +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
    "xl/pivotCache/pivotCacheRecords1.xml":
      DECL +
      `<pivotCacheRecords xmlns="${MAIN}" count="4"><r><x v="2"/><n v="1"/></r><r><x v="1"/><n v="2"/></r><r><x v="0"/><n v="3"/></r><r><x v="3"/><n v="4"/></r></pivotCacheRecords>`,
  };
  return zipOf(parts);
}
