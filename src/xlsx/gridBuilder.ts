/**
 * A worksheet's cells written straight into the Grid's row arrays as the scan finds them (no object per cell, no
 * second copy): rows are allocated as wide as the widest row so far, and reshaped at the end only where the used
 * range asks for it. Then what exceljs' reading gives: the other cells of a merged area read "", a merged area
 * whose master holds a value belongs to the used range, hidden rows are those with cells.
 */
import type { CellValue, Grid, MergedArea } from "../core/types";

type Formats = (string | undefined)[];

export class GridBuilder {
  /** Rows from the first one written (`base`) down, and the rows above it (nearest first): null when empty. */
  private readonly after: (CellValue[] | null)[] = [];
  private readonly before: (CellValue[] | null)[] = [];
  private readonly formatsAfter: (Formats | null)[] = [];
  private readonly formatsBefore: (Formats | null)[] = [];
  private base = 0;
  /** The row array last written to, and its row. */
  private current: CellValue[] | null = null;
  private currentRow = 0;
  /** The used range of the values written (columns 1-based; arrays hold column c at c - 1). */
  private top = Infinity;
  private bottom = -Infinity;
  private left = Infinity;
  private right = 0;

  /** Write a non-empty value (a later one at the same cell wins); `format` for numeric cells. */
  set(row: number, column: number, value: CellValue, format: string | undefined): void {
    let values = this.current;
    if (values === null || row !== this.currentRow) {
      values = this.rowToWrite(row);
      this.current = values;
      this.currentRow = row;
    }
    if (column <= values.length) values[column - 1] = value;
    else {
      while (values.length < column - 1) values.push("");
      values.push(value);
    }
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (column < this.left) this.left = column;
    if (column > this.right) this.right = column;
    if (format !== undefined) this.formatsOf(row, column)![column - 1] = format;
  }

  private rowToWrite(row: number): CellValue[] {
    if (this.base === 0) this.base = row;
    const list = row >= this.base ? this.after : this.before;
    const i = row >= this.base ? row - this.base : this.base - row - 1;
    while (list.length <= i) list.push(null);
    let values = list[i];
    if (values === null) {
      values = new Array<CellValue>(this.right).fill("");
      list[i] = values;
    }
    return values;
  }

  private rowOf(row: number): CellValue[] | null {
    if (this.base === 0) return null;
    return (row >= this.base ? this.after[row - this.base] : this.before[this.base - row - 1]) ?? null;
  }

  /** A row's number formats; with `width`, created when missing (as long as the row's first format needs). */
  private formatsOf(row: number, width?: number): Formats | null {
    const list = row >= this.base ? this.formatsAfter : this.formatsBefore;
    const i = row >= this.base ? row - this.base : this.base - row - 1;
    if (width === undefined) return list[i] ?? null;
    while (list.length <= i) list.push(null);
    let formats = list[i];
    if (formats === null) {
      formats = new Array<string | undefined>(width);
      list[i] = formats;
    }
    return formats;
  }

  /**
   * The other cells of kept merged areas read "" (only the top-left one holds the value). Areas are disjoint and
   * only those over written columns are walked, so this costs no more than the rows written.
   */
  private clearMerged(merges: readonly MergedArea[]): boolean {
    let cleared = false;
    for (const m of merges) {
      if (m.left > this.right || m.right < this.left) continue;
      const from = Math.max(m.top, this.top);
      const to = Math.min(m.bottom, this.bottom);
      for (let r = from; r <= to; r++) {
        const values = this.rowOf(r);
        if (values === null) continue;
        const last = Math.min(m.right, values.length);
        for (let c = m.left; c <= last; c++) {
          if (values[c - 1] === "" || (r === m.top && c === m.left)) continue;
          values[c - 1] = "";
          cleared = true;
          const formats = this.formatsOf(r);
          if (formats !== null && c <= formats.length) {
            formats[c - 1] = undefined;
            let length = formats.length;
            while (length > 0 && formats[length - 1] === undefined) length--;
            formats.length = length;
          }
        }
      }
    }
    return cleared;
  }

  /** The used range again, from what the rows hold (after merged cells were cleared). */
  private measure(): void {
    const [top, bottom] = [this.top, this.bottom];
    this.top = Infinity;
    this.bottom = -Infinity;
    this.left = Infinity;
    this.right = 0;
    for (let r = top; r <= bottom; r++) {
      const values = this.rowOf(r);
      if (values === null) continue;
      for (let c = 0; c < values.length; c++) {
        if (values[c] === "") continue;
        if (r < this.top) this.top = r;
        if (r > this.bottom) this.bottom = r;
        if (c + 1 < this.left) this.left = c + 1;
        if (c + 1 > this.right) this.right = c + 1;
      }
    }
  }

  build(sheet: string, allMerges: readonly MergedArea[], hiddenWithCells: readonly number[]): Grid {
    if (this.right > 0 && allMerges.length > 0 && this.clearMerged(allMerges)) this.measure();
    if (this.right === 0) return { sheet, origin: { row: 1, column: 1 }, values: [], merges: [], hiddenRows: [] };
    let { top, bottom, left, right } = this;
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
    const numberFormats: Formats[] = [];
    for (let r = top; r <= bottom; r++) {
      values.push(this.shaped(this.rowOf(r), left, width));
      const formats = this.base === 0 ? null : this.formatsOf(r);
      numberFormats.push(formats === null ? [] : left === 1 ? formats : shifted(formats, left));
    }
    return {
      sheet,
      origin: { row: top, column: left },
      values,
      numberFormats,
      merges,
      hiddenRows: hiddenWithCells.filter((row) => row >= top && row <= bottom),
    };
  }

  /** A row as the grid's columns left … left + width - 1: the written array itself when it already is. */
  private shaped(row: CellValue[] | null, left: number, width: number): CellValue[] {
    if (row === null) return new Array<CellValue>(width).fill("");
    if (left === 1 && row.length <= width) {
      while (row.length < width) row.push("");
      return row;
    }
    const out = new Array<CellValue>(width).fill("");
    const last = Math.min(row.length, left - 1 + width);
    for (let c = left - 1; c < last; c++) out[c - left + 1] = row[c];
    return out;
  }
}

/** Number formats of a row whose grid starts at column `left` (a sparse array, as long as its last format). */
function shifted(formats: Formats, left: number): Formats {
  const out: Formats = [];
  for (let c = left - 1; c < formats.length; c++) if (formats[c] !== undefined) out[c - left + 1] = formats[c];
  return out;
}
