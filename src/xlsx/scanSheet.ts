/**
 * One worksheet's XML straight into the core's Grid, without an object model: the same Grid (values, number
 * formats of numeric cells, merged areas, hidden rows) as the exceljs reading it replaced, which the tests keep
 * as their oracle (test/xlsx/oracle/readGrid.ts) and compare on every fixture. The sheet's UTF-8 bytes are read
 * in place (src/xlsx/byteText.ts: no text of the whole sheet), tags without slicing them, the usual cell
 * (<v>digits</v>) without any string; cells go straight into the Grid's rows (src/xlsx/gridBuilder.ts).
 */
import type { CellValue, Grid, MergedArea } from "../core/types";
import { dateToSerial } from "./cellValue";
import { limitError, type LimitContext, type PackageLimits } from "./limits";
import { decodeEscapes, stringItemText } from "./sharedStrings";
import type { CellStyles } from "./workbookParts";
import { GridBuilder } from "./gridBuilder";
import { readMerges } from "./merges";
import { ByteText, digitsAt } from "./byteText";
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

/** The excel -> Date -> serial round trip exceljs does for date-formatted numbers (so serials match exactly). */
function dateSerial(value: number, date1904: boolean): CellValue {
  const ms = Math.round((value - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const serial = dateToSerial(new Date(ms), date1904);
  return Number.isFinite(serial) ? serial : "#VALUE!";
}

const finite = (n: number): CellValue => (Number.isFinite(n) ? n : "#NUM!");

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

/** Where a start tag's attributes r, t, s and hidden are (value start and end, -1 when absent). */
const R = 0;
const T = 2;
const S = 4;
const HIDDEN = 6;
const found = new Int32Array(8);

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/**
 * Read the attributes of the start tag that runs on from `from` (just after its name) in place, without slicing the
 * tag: where the raw values of r, t, s and hidden are, in `found` (the first of a name wins). Returns where the tag
 * ends (its ">", the first one outside a quoted value), found on the way instead of by a search of its own: the
 * tags of a 100k-row sheet are some 15 MB. -1 when the tag never ends; an attribute value never closed: the first
 * ">" after `from`, as a plain search would give.
 */
function readStartTag(xml: ByteText, from: number): number {
  found.fill(-1);
  const end = xml.length;
  let i = from;
  while (i < end) {
    const code = xml.charCodeAt(i);
    if (code === 62) return i;
    if (isSpace(code) || code === 47) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < end) {
      const c = xml.charCodeAt(i);
      if (c === 61 || c === 62 || isSpace(c) || c === 47) break;
      i++;
    }
    const nameLength = i - nameStart;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 61) continue;
    i++;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (valueEnd === -1) return xml.indexOf(">", from);
    let slot = -1;
    if (nameLength === 1) {
      const name = xml.charCodeAt(nameStart);
      slot = name === 114 ? R : name === 116 ? T : name === 115 ? S : -1;
    } else if (nameLength === 6 && xml.startsWith("hidden", nameStart)) slot = HIDDEN;
    if (slot !== -1 && found[slot] === -1) {
      found[slot] = i + 1;
      found[slot + 1] = valueEnd;
    }
    i = valueEnd + 1;
  }
  return -1;
}

/** parseInt(raw, 10) of a raw attribute value (digits read in place; anything unusual by parseInt). */
function intAt(xml: ByteText, start: number, end: number): number {
  const n = digitsAt(xml, start, end);
  return n !== -1 ? n : parseInt(xml.slice(start, end), 10);
}

/** The column of a cell reference's letters ("AB12" -> 28), read in place; 0 when there are none. */
function columnAt(xml: ByteText, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end; i++) {
    const code = xml.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column;
}

/** The cell types the scan tells apart (the raw t attribute). */
const enum CellType {
  None,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Other,
}

function cellTypeAt(xml: ByteText, start: number, end: number): CellType {
  if (start === -1) return CellType.None;
  const length = end - start;
  if (length === 1) {
    const code = xml.charCodeAt(start);
    return code === 115
      ? CellType.Shared
      : code === 98
        ? CellType.Bool
        : code === 101
          ? CellType.Error
          : CellType.Other;
  }
  if (length === 3 && xml.startsWith("str", start)) return CellType.Str;
  if (length === 9 && xml.startsWith("inlineStr", start)) return CellType.Inline;
  return CellType.Other;
}

/** What a cell holds, read the general way: the value (undefined: none), whether it is a number. */
interface SlowCell {
  value: CellValue | undefined;
  numeric: boolean;
  nonNull: boolean;
}

function readCell(
  inner: string,
  p: string,
  type: CellType,
  styleId: number,
  ctx: ScanContext,
  strings: () => string[],
): SlowCell {
  const styled = styleId > 0;
  const content = inner === "" ? null : readContent(inner, p);
  const { isDate } = ctx.styles;
  if (content?.formula) {
    const text = content.text;
    if (!text) return { value: "", numeric: false, nonNull: true };
    if (type === CellType.Str) return { value: decodeBasicEntities(text), numeric: false, nonNull: true };
    if (type === CellType.Bool) return { value: parseInt(text, 10) !== 0, numeric: false, nonNull: true };
    if (type === CellType.Error) return { value: text, numeric: false, nonNull: true };
    const n = parseFloat(text);
    const value = styled && isDate[styleId] ? dateSerial(n, ctx.date1904) : finite(n);
    return { value, numeric: typeof value === "number", nonNull: true };
  }
  if (content && (content.text !== undefined || content.rich !== undefined)) {
    const text = content.text ?? "";
    switch (type) {
      case CellType.Shared: {
        const s = strings()[parseInt(text, 10)];
        return { value: s === undefined ? "" : s, numeric: false, nonNull: true };
      }
      case CellType.Str:
        return { value: decodeBasicEntities(text), numeric: false, nonNull: true };
      case CellType.Inline:
        return { value: content.rich ?? text, numeric: false, nonNull: true };
      case CellType.Bool:
        return { value: parseInt(text, 10) !== 0, numeric: false, nonNull: true };
      case CellType.Error:
        return { value: text, numeric: false, nonNull: true };
      default: {
        const n = parseFloat(content.rich !== undefined ? "" : text);
        return {
          value: styled && isDate[styleId] ? dateSerial(n, ctx.date1904) : finite(n),
          numeric: true,
          nonNull: true,
        };
      }
    }
  }
  // No value: a styled empty cell is "null"; an unstyled one exceljs takes for part of a merge.
  return { value: undefined, numeric: false, nonNull: !styled };
}

/**
 * Where the sheet's data ends: the first `</sheetData>` after its start tag. Found from the end of the part (the
 * data is nearly all of it: a search from the start read some 24 MB on a 100k-row sheet, once more than the scan
 * itself): the last close tag, the last row tag before it, and the first close tag after that row — the same
 * place, as no tag name can occur in an element's text (its "<" is escaped). -1 if there is none.
 */
function sheetDataEnd(xml: ByteText, p: string, dataTagEnd: number): number {
  const close = `</${p}sheetData>`;
  const last = xml.lastIndexOf(close, xml.length);
  if (last <= dataTagEnd) return -1;
  const lastRow = xml.lastIndexOf(`<${p}row`, last);
  return xml.indexOf(close, lastRow > dataTagEnd ? lastRow : dataTagEnd);
}

export function scanSheet(bytes: Uint8Array, sheet: string, ctx: ScanContext): Grid {
  const xml = new ByteText(bytes);
  // The root's prefix, from the text before the sheet's data (where the root element starts).
  const head = xml.indexOf("sheetData", 0);
  const p = rootPrefix(xml.slice(0, head === -1 ? xml.length : head), "worksheet");
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

  const dataOpen = xml.indexOf(`<${p}sheetData`, 0);
  const dataTagEnd = dataOpen === -1 ? -1 : xml.indexOf(">", dataOpen);
  const selfClosed = dataTagEnd !== -1 && xml.charCodeAt(dataTagEnd - 1) === 47;
  const dataEnd = dataOpen === -1 || selfClosed ? -1 : sheetDataEnd(xml, p, dataTagEnd);

  // Fail fast: the last row of a sheet with more rows than Excel allows (rows are in order).
  if (dataEnd !== -1) {
    const lastRow = xml.lastIndexOf(`<${p}row `, dataEnd);
    if (lastRow > dataTagEnd) {
      const r = Number(attribute(xml.slice(lastRow, xml.indexOf(">", lastRow) + 1), "r"));
      if (r > limits.maxRows) throw tooManyRows(r);
    }
  }

  const grid = new GridBuilder();
  /** Rows with the hidden attribute: row number -> has a non-null cell. */
  const hidden = new Map<number, boolean>();
  const { formats, isDate } = ctx.styles;
  const date1904 = ctx.date1904;
  let shared: string[] | null = null;
  const strings = () => (shared ??= ctx.sharedStrings());
  const rowTag = `<${p}row`;
  const rowClose = `</${p}row>`;
  const cellTag = `<${p}c`;
  const cellClose = `</${p}c>`;
  const valueOpen = `<${p}v>`;
  const valueClose = `</${p}v>`;
  const simpleLength = valueOpen.length + valueClose.length;
  // The next "</c>" at or after a position, remembered: a sheet whose cells lack it costs one search, not one each.
  let closeFrom = -1;
  let closeAt = -1;
  let rowNumber = 0;
  let pos = dataTagEnd + 1;
  while (dataEnd !== -1 && pos < dataEnd) {
    const rowAt = xml.indexOf(rowTag, pos);
    if (rowAt === -1 || rowAt >= dataEnd) break;
    const rowTagEnd = readStartTag(xml, rowAt + rowTag.length);
    rowNumber = found[R] !== -1 ? intAt(xml, found[R], found[R + 1]) : rowNumber + 1;
    if (rowNumber > limits.maxRows) throw tooManyRows(rowNumber);
    let isHidden = false;
    if (found[HIDDEN] !== -1) {
      const length = found[HIDDEN + 1] - found[HIDDEN];
      isHidden =
        (length === 1 && xml.charCodeAt(found[HIDDEN]) === 49) ||
        (length === 4 && xml.startsWith("true", found[HIDDEN]));
    }
    if (isHidden) hidden.set(rowNumber, false);
    if (xml.charCodeAt(rowTagEnd - 1) === 47) {
      pos = rowTagEnd + 1;
      continue;
    }
    // The row's end is met on the way (a "</row>" between the cells, or inside one left open), so the row is not
    // searched twice; past the last cell, it is searched for as such.
    let end = -1;
    let column = 0;
    let from = rowTagEnd;
    let at = xml.indexOf(cellTag, from);
    for (;;) {
      const rowCloseAt = xml.indexOf(rowClose, from, at === -1 || at > dataEnd ? dataEnd : at);
      if (rowCloseAt !== -1) {
        end = rowCloseAt;
        break;
      }
      if (at === -1 || at >= dataEnd) break;
      const next = xml.charCodeAt(at + cellTag.length);
      if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
        from = at + 1;
        at = xml.indexOf(cellTag, at + 1);
        continue;
      }
      const cTagEnd = readStartTag(xml, at + cellTag.length);
      const ref = found[R] !== -1 ? columnAt(xml, found[R], found[R + 1]) : 0;
      column = ref || column + 1;
      if (column > limits.maxColumns) throw tooManyColumns(column);
      const type = cellTypeAt(xml, found[T], found[T + 1]);
      const styleId = found[S] !== -1 && found[S + 1] > found[S] ? intAt(xml, found[S], found[S + 1]) : NaN;
      // exceljs: style 0 is no style.
      const styled = styleId > 0;
      let innerStart = cTagEnd + 1;
      let stop = innerStart;
      let after = innerStart;
      if (xml.charCodeAt(cTagEnd - 1) !== 47) {
        if (closeFrom === -1 || cTagEnd < closeFrom || (closeAt !== -1 && cTagEnd > closeAt)) {
          closeFrom = cTagEnd;
          closeAt = xml.indexOf(cellClose, cTagEnd);
        }
        const rowCloseAt = xml.indexOf(rowClose, cTagEnd, closeAt === -1 ? dataEnd : closeAt);
        if (rowCloseAt !== -1 || closeAt === -1) {
          // A cell left open: the row ends here.
          end = rowCloseAt !== -1 ? rowCloseAt : dataEnd;
          stop = end;
          after = end;
        } else {
          stop = closeAt;
          after = closeAt + cellClose.length;
        }
      } else innerStart = stop;

      let value: CellValue | undefined;
      let numeric = false;
      let nonNull = true;
      // The usual cell, <v>digits</v> and nothing else, read in place; any other content the general way.
      const n =
        stop - innerStart > simpleLength &&
        xml.startsWith(valueOpen, innerStart) &&
        xml.startsWith(valueClose, stop - valueClose.length)
          ? digitsAt(xml, innerStart + valueOpen.length, stop - valueClose.length)
          : -1;
      if (n !== -1 && type === CellType.Shared) {
        const s = strings()[n];
        value = s === undefined ? "" : s;
      } else if (n !== -1 && (type === CellType.None || type === CellType.Other)) {
        value = styled && isDate[styleId] ? dateSerial(n, date1904) : n;
        numeric = true;
      } else if (n !== -1 && type === CellType.Bool) {
        value = n !== 0;
      } else if (stop === innerStart) {
        // No value: a styled empty cell is "null"; an unstyled one exceljs takes for part of a merge.
        nonNull = !styled;
      } else {
        const cell = readCell(xml.slice(innerStart, stop), p, type, styleId, ctx, strings);
        value = cell.value;
        numeric = cell.numeric;
        nonNull = cell.nonNull;
      }
      if (isHidden && nonNull) hidden.set(rowNumber, true);
      if (value !== undefined && value !== "" && value !== null) {
        grid.set(
          rowNumber,
          column,
          value,
          numeric ? ((styled ? formats[styleId] : undefined) ?? "General") : undefined,
        );
      }
      if (end !== -1) break;
      from = after;
      at = xml.indexOf(cellTag, after);
    }
    if (end === -1) {
      const rowEnd = xml.indexOf(rowClose, from);
      end = rowEnd === -1 ? dataEnd : rowEnd;
    }
    pos = end + rowClose.length;
  }

  const checkArea = (area: MergedArea) => {
    if (area.bottom > limits.maxRows) throw tooManyRows(area.bottom);
    if (area.right > limits.maxColumns) throw tooManyColumns(area.right);
  };
  const merges = readMerges(xml, p, dataEnd === -1 ? 0 : dataEnd, checkArea);
  return grid.build(sheet, merges, hidden.size > 0 ? hiddenWithCells(hidden, merges) : []);
}

/** Rows of `sorted` (ascending) from index i on: the first not yet marked, with path compression. */
function firstUnmarked(parent: Int32Array, i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root];
  while (parent[i] !== root) {
    const next = parent[i];
    parent[i] = root;
    i = next;
  }
  return root;
}

/**
 * Hidden rows that have cells: a row with a non-null cell, or a row a merged area covers with (merge) cells —
 * every row of the area but its top one, and the top one too when the area is wider than one column.
 */
function hiddenWithCells(hidden: Map<number, boolean>, allMerges: readonly MergedArea[]): number[] {
  const rows = [...hidden.keys()].sort((a, b) => a - b);
  const marked = rows.map((row) => hidden.get(row) === true);
  if (allMerges.length > 0 && rows.length > 0) {
    // parent[i]: the next row index that may still be unmarked (rows.length: none), so each row is marked once.
    const parent = new Int32Array(rows.length + 1);
    for (let i = 0; i <= rows.length; i++) parent[i] = i < rows.length && marked[i] ? i + 1 : i;
    for (const m of allMerges) {
      const from = m.right > m.left ? m.top : m.top + 1;
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid] < from) lo = mid + 1;
        else hi = mid;
      }
      for (
        let i = firstUnmarked(parent, lo);
        i < rows.length && rows[i] <= m.bottom;
        i = firstUnmarked(parent, i + 1)
      ) {
        marked[i] = true;
        parent[i] = i + 1;
      }
    }
  }
  return rows.filter((_row, i) => marked[i]);
}

export { decodeEscapes };
