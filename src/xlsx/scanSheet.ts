/**
 * One worksheet's XML straight into the core's Grid, without an object model: the same Grid (values, number
 * formats of numeric cells, merged areas, hidden rows) as the exceljs reading it replaced, which the tests keep
 * as their oracle (test/xlsx/oracle/readGrid.ts) and compare on every fixture.
 */
import type { CellValue, Grid, MergedArea } from "../core/types";
import { dateToSerial } from "./cellValue";
import { limitError, type LimitContext, type PackageLimits } from "./limits";
import { decodeEscapes, stringItemText } from "./sharedStrings";
import type { CellStyles } from "./workbookParts";
import { attribute, decodeXml, rootPrefix } from "./xml";

export interface ScanContext {
  /** The shared strings, parsed on first use. */
  sharedStrings: () => string[];
  styles: CellStyles;
  date1904: boolean;
  limits: PackageLimits;
  file: LimitContext;
}

/** Only &lt; &gt; &amp; &apos; &quot; (exceljs decodes a formula's text result once more with these). */
function decodeBasicEntities(text: string): string {
  const names: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' };
  return text.replace(/&([a-z]*);/g, (c) => names[c] ?? c);
}

/** "AB12" -> column 28 (0 when there are no letters). */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column;
}

function parseRange(ref: string): MergedArea | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const a = { row: Number(m[2]), column: columnOf(m[1]) };
  const b = m[3] ? { row: Number(m[4]), column: columnOf(m[3]) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** The excel -> Date -> serial round trip exceljs does for date-formatted numbers (so serials match exactly). */
function dateSerial(value: number, date1904: boolean): CellValue {
  const ms = Math.round((value - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const serial = dateToSerial(new Date(ms), date1904);
  return Number.isFinite(serial) ? serial : "#VALUE!";
}

const finite = (n: number): CellValue => (Number.isFinite(n) ? n : "#NUM!");

interface ScannedCell {
  row: number;
  column: number;
  value: CellValue;
  format: string | undefined;
}

/** What the text between <c …> and </c> holds. */
interface CellContent {
  formula: boolean;
  /** exceljs' model.value: <v> and <t> texts joined (undefined when none). */
  text: string | undefined;
  /** Inline rich text (runs joined). */
  rich: string | undefined;
}

function readContent(inner: string, p: string): CellContent {
  const fAt = inner.indexOf(`<${p}f`);
  const formula = fAt !== -1 && /[\s>/]/.test(inner[fAt + p.length + 2] ?? "");
  let text: string | undefined;
  const vOpen = inner.indexOf(`<${p}v`);
  if (vOpen !== -1) {
    const start = inner.indexOf(">", vOpen);
    if (inner[start - 1] !== "/") {
      const end = inner.indexOf(`</${p}v>`, start);
      const raw = inner.slice(start + 1, end === -1 ? undefined : end);
      if (raw !== "") text = decodeXml(raw);
    }
  }
  let rich: string | undefined;
  const isOpen = inner.indexOf(`<${p}is`);
  if (isOpen !== -1) {
    const body = inner.slice(isOpen);
    if (new RegExp(`<${p}r[\\s>]`).test(body)) {
      rich = stringItemText(body);
    } else {
      for (const m of body.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g)) {
        if (m[1]) text = (text ?? "") + decodeEscapes(decodeXml(m[1]));
      }
    }
  }
  return { formula, text, rich };
}

export function scanSheet(xml: string, sheet: string, ctx: ScanContext): Grid {
  const p = rootPrefix(xml, "worksheet");
  const { limits } = ctx;
  const tooManyRows = (rows: number) =>
    limitError("file.too-many-rows", ctx.file, {
      sheet,
      rows: rows.toLocaleString("en-US"),
      limit: limits.maxRows.toLocaleString("en-US"),
    });
  const tooManyColumns = (columns: number) =>
    limitError("file.too-many-columns", ctx.file, {
      sheet,
      columns: columns.toLocaleString("en-US"),
      limit: limits.maxColumns.toLocaleString("en-US"),
    });

  const dataOpen = xml.indexOf(`<${p}sheetData`);
  const dataTagEnd = dataOpen === -1 ? -1 : xml.indexOf(">", dataOpen);
  const selfClosed = dataTagEnd !== -1 && xml[dataTagEnd - 1] === "/";
  const dataEnd = dataOpen === -1 || selfClosed ? -1 : xml.indexOf(`</${p}sheetData>`, dataTagEnd);

  // Fail fast: the last row of a sheet with more rows than Excel allows (rows are in order).
  if (dataEnd !== -1) {
    const lastRow = xml.lastIndexOf(`<${p}row `, dataEnd);
    if (lastRow > dataTagEnd) {
      const r = Number(attribute(xml.slice(lastRow, xml.indexOf(">", lastRow) + 1), "r"));
      if (r > limits.maxRows) throw tooManyRows(r);
    }
  }

  const cells: ScannedCell[] = [];
  /** Rows with the hidden attribute: row number -> has a non-null cell. */
  const hidden = new Map<number, boolean>();
  const { formats, isDate } = ctx.styles;
  const rowTag = `<${p}row`;
  const rowClose = `</${p}row>`;
  const cellTag = `<${p}c`;
  const cellClose = `</${p}c>`;
  let rowNumber = 0;
  let pos = dataTagEnd + 1;
  while (dataEnd !== -1 && pos < dataEnd) {
    const rowAt = xml.indexOf(rowTag, pos);
    if (rowAt === -1 || rowAt >= dataEnd) break;
    const rowTagEnd = xml.indexOf(">", rowAt);
    const tag = xml.slice(rowAt, rowTagEnd + 1);
    const r = attribute(tag, "r");
    rowNumber = r !== undefined ? parseInt(r, 10) : rowNumber + 1;
    if (rowNumber > limits.maxRows) throw tooManyRows(rowNumber);
    const hiddenAttr = attribute(tag, "hidden");
    const isHidden = hiddenAttr === "1" || hiddenAttr === "true";
    if (isHidden) hidden.set(rowNumber, false);
    if (xml[rowTagEnd - 1] === "/") {
      pos = rowTagEnd + 1;
      continue;
    }
    const rowEnd = xml.indexOf(rowClose, rowTagEnd);
    const end = rowEnd === -1 ? dataEnd : rowEnd;
    let column = 0;
    let at = xml.indexOf(cellTag, rowTagEnd);
    while (at !== -1 && at < end) {
      const next = xml[at + cellTag.length];
      if (next !== " " && next !== ">" && next !== "/" && next !== "\t" && next !== "\n" && next !== "\r") {
        at = xml.indexOf(cellTag, at + 1);
        continue;
      }
      const cTagEnd = xml.indexOf(">", at);
      const cTag = xml.slice(at, cTagEnd + 1);
      const ref = attribute(cTag, "r");
      column = ref !== undefined ? columnOf(ref) || column + 1 : column + 1;
      if (column > limits.maxColumns) throw tooManyColumns(column);
      let inner = "";
      let after = cTagEnd + 1;
      if (xml[cTagEnd - 1] !== "/") {
        const close = xml.indexOf(cellClose, cTagEnd);
        const stop = close === -1 || close > end ? end : close;
        inner = xml.slice(cTagEnd + 1, stop);
        after = stop + (close === stop ? cellClose.length : 0);
      }
      const t = attribute(cTag, "t");
      const sAttr = attribute(cTag, "s");
      const styleId = sAttr ? parseInt(sAttr, 10) : NaN;
      // exceljs: style 0 is no style.
      const styled = styleId > 0;
      const content = inner === "" ? null : readContent(inner, p);
      let value: CellValue | undefined;
      let numeric = false;
      let nonNull = true;
      if (content?.formula) {
        const text = content.text;
        if (!text) value = "";
        else if (t === "str") value = decodeBasicEntities(text);
        else if (t === "b") value = parseInt(text, 10) !== 0;
        else if (t === "e") value = text;
        else {
          const n = parseFloat(text);
          value = styled && isDate[styleId] ? dateSerial(n, ctx.date1904) : finite(n);
          numeric = typeof value === "number";
        }
      } else if (content && (content.text !== undefined || content.rich !== undefined)) {
        const text = content.text ?? "";
        switch (t) {
          case "s": {
            const s = ctx.sharedStrings()[parseInt(text, 10)];
            value = s === undefined ? "" : s;
            break;
          }
          case "str":
            value = decodeBasicEntities(text);
            break;
          case "inlineStr":
            value = content.rich ?? text;
            break;
          case "b":
            value = parseInt(text, 10) !== 0;
            break;
          case "e":
            value = text;
            break;
          default: {
            const n = parseFloat(content.rich !== undefined ? "" : text);
            value = styled && isDate[styleId] ? dateSerial(n, ctx.date1904) : finite(n);
            numeric = true;
          }
        }
      } else {
        // No value: a styled empty cell is "null"; an unstyled one exceljs takes for part of a merge.
        nonNull = !styled;
      }
      if (isHidden && nonNull) hidden.set(rowNumber, true);
      if (value !== undefined && value !== "" && value !== null) {
        const format = numeric ? ((styled ? formats[styleId] : undefined) ?? "General") : undefined;
        cells.push({ row: rowNumber, column, value, format });
      }
      at = xml.indexOf(cellTag, after);
    }
    pos = end + rowClose.length;
  }

  const merges = readMerges(xml, p, dataEnd === -1 ? 0 : dataEnd);
  return assemble(sheet, cells, merges, hidden);
}

function readMerges(xml: string, p: string, from: number): MergedArea[] {
  const areas: MergedArea[] = [];
  const start = xml.indexOf(`<${p}mergeCells`, from);
  if (start === -1) return areas;
  const end = xml.indexOf(`</${p}mergeCells>`, start);
  const block = xml.slice(start, end === -1 ? undefined : end);
  for (const m of block.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*>/g)) {
    const area = parseRange(decodeXml(attribute(m[0], "ref") ?? ""));
    // exceljs refuses overlapping merges; keep the first.
    if (
      area &&
      !areas.some((a) => a.left <= area.right && a.right >= area.left && a.top <= area.bottom && a.bottom >= area.top)
    ) {
      areas.push(area);
    }
  }
  return areas.sort((a, b) => a.top - b.top || a.left - b.left);
}

function assemble(sheet: string, scanned: ScannedCell[], allMerges: MergedArea[], hidden: Map<number, boolean>): Grid {
  // The other cells of a merged area read "" (only the top-left one holds the value).
  let cells = scanned;
  if (allMerges.length > 0) {
    const byRow = new Map<number, MergedArea[]>();
    for (const m of allMerges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const list = byRow.get(r);
        if (list) list.push(m);
        else byRow.set(r, [m]);
        // Rows a merged area covers have (merge) cells: hidden ones count.
        if ((r > m.top || m.right > m.left) && hidden.has(r)) hidden.set(r, true);
      }
    }
    cells = scanned.filter((cell) => {
      const list = byRow.get(cell.row);
      if (!list) return true;
      return !list.some(
        (m) => cell.column >= m.left && cell.column <= m.right && (cell.row !== m.top || cell.column !== m.left),
      );
    });
  }
  if (cells.length === 0) return { sheet, origin: { row: 1, column: 1 }, values: [], merges: [], hiddenRows: [] };
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const cell of cells) {
    if (cell.row < top) top = cell.row;
    if (cell.row > bottom) bottom = cell.row;
    if (cell.column < left) left = cell.column;
    if (cell.column > right) right = cell.column;
  }
  // A merged area whose master holds a value belongs to the used range as a whole.
  const merges = allMerges.filter((m) => m.bottom >= top && m.top <= bottom && m.right >= left && m.left <= right);
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  const width = right - left + 1;
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  for (let r = top; r <= bottom; r++) {
    values.push(new Array<CellValue>(width).fill(""));
    numberFormats.push([]);
  }
  for (const cell of cells) {
    values[cell.row - top][cell.column - left] = cell.value;
    if (cell.format !== undefined) numberFormats[cell.row - top][cell.column - left] = cell.format;
  }
  const hiddenRows = [...hidden.entries()]
    .filter(([row, hasCells]) => hasCells && row >= top && row <= bottom)
    .map(([row]) => row)
    .sort((a, b) => a - b);
  return { sheet, origin: { row: top, column: left }, values, numberFormats, merges, hiddenRows };
}

export { decodeEscapes };
