/**
 * A normalised dump of a workbook for comparisons: sheets in order with state, cell values and styles,
 * merges, conditional formats, data validations, column widths, views, and the workbook names.
 * Not the zip bytes (timestamps differ between writes).
 */
import ExcelJS from "exceljs";

export interface SheetDump {
  name: string;
  state: string;
  cells: Record<string, { type: number; value: unknown; style: unknown }>;
  merges: string[];
  conditionalFormats: unknown[];
  dataValidations: unknown;
  columnWidths: (number | undefined)[];
  hiddenRows: number[];
  views: unknown;
}

export interface WorkbookDump {
  sheets: SheetDump[];
  names: { name: string; ranges: string[] }[];
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));

export function dumpSheet(ws: ExcelJS.Worksheet): SheetDump {
  const cells: SheetDump["cells"] = {};
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells[cell.address] = {
        type: cell.type as unknown as number,
        value: plain(cell.value),
        style: plain(cell.style),
      };
    });
  });
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).sort();
  const widths: (number | undefined)[] = [];
  for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) widths.push(ws.getColumn(c).width);
  return {
    name: ws.name,
    state: ws.state,
    cells,
    merges,
    conditionalFormats: plain(
      (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings ?? [],
    ) as unknown[],
    dataValidations: plain((ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model),
    columnWidths: widths,
    hiddenRows,
    views: plain(ws.views),
  };
}

export function dumpWorkbook(wb: ExcelJS.Workbook): WorkbookDump {
  return {
    sheets: wb.worksheets.map(dumpSheet),
    names: wb.definedNames.model
      .map((n) => ({ name: n.name, ranges: [...n.ranges].sort() }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

export async function loadWorkbook(data: ArrayBuffer | Uint8Array | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof data === "string") await wb.xlsx.readFile(data);
  else await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await wb.xlsx.writeBuffer());
}
