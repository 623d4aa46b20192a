/**
 * Read access to a Grid in 1-based sheet coordinates, with merged cells resolved the way a reader sees them:
 * a vertically merged cell gives its value to every row it covers (design §3 "Rows").
 */
import { cellText } from "./text";
import type { CellValue, Grid } from "./types";

/** Cells covered by merges are looked up by this key. */
const key = (row: number, column: number): number => row * 16384 + column;

/** Merged areas larger than this many cells (clipped to the grid) are ignored: no real plan has them. */
const MAX_MERGED_CELLS = 2_000_000;

export class SheetView {
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly rowCount: number;
  private readonly values: CellValue[][];
  /** Columns per row of the grid: a cell's index inside the grid is (row - firstRow) * stride + column offset. */
  private readonly stride: number;
  /** Cell index inside the grid -> position in `anchors`, for cells of areas spanning several rows. (Indexes
   * stay small integers, which a Map hashes fastest; sheet-wide keys pass 2^30 beyond 65,536 rows.) */
  private readonly verticalFill = new Map<number, number>();
  /** Top-left sheet row and column of each such area, in pairs. */
  private readonly anchors: number[] = [];
  /** 1 for the rows (index inside the grid) that hold such cells: most rows need no look-up at all. */
  private readonly rowsWithFill: Uint8Array;
  /** Row -> [left, right] column spans of the areas spanning several columns that cover the row
   * (one entry per area and row, not per cell: plans merge every section row across the table). */
  private readonly horizontal = new Map<number, number[]>();
  /** Top-left key -> number of columns of a merged area starting there. */
  private readonly mergeWidth = new Map<number, number>();

  constructor(readonly grid: Grid) {
    this.values = Array.isArray(grid.values) ? grid.values : [];
    const origin = grid.origin ?? { row: 1, column: 1 };
    this.firstRow = Number.isFinite(origin.row) && origin.row >= 1 ? Math.floor(origin.row) : 1;
    this.firstColumn = Number.isFinite(origin.column) && origin.column >= 1 ? Math.floor(origin.column) : 1;
    let width = 0;
    for (const row of this.values) if (Array.isArray(row) && row.length > width) width = row.length;
    this.rowCount = this.values.length;
    this.lastRow = this.firstRow + this.rowCount - 1;
    this.lastColumn = this.firstColumn + Math.max(width, 1) - 1;
    this.stride = this.lastColumn - this.firstColumn + 1;
    this.rowsWithFill = new Uint8Array(this.rowCount);
    this.indexMerges(Array.isArray(grid.merges) ? grid.merges : []);
  }

  private indexMerges(merges: Grid["merges"]): void {
    let budget = MAX_MERGED_CELLS;
    for (const area of merges) {
      if (!area) continue;
      const top = Math.max(area.top, this.firstRow);
      const bottom = Math.min(area.bottom, this.lastRow);
      const left = Math.max(area.left, this.firstColumn);
      const right = Math.min(area.right, this.lastColumn);
      if (!(top <= bottom && left <= right)) continue;
      const cells = (bottom - top + 1) * (right - left + 1);
      if (cells <= 1 || cells > budget) continue;
      budget -= cells;
      // The value lives in the area's own top-left cell (which may lie outside the clipped part).
      const anchor = key(area.top, area.left);
      if (right > left) {
        this.mergeWidth.set(anchor, area.right - area.left + 1);
        for (let row = top; row <= bottom; row++) {
          const spans = this.horizontal.get(row);
          if (spans) spans.push(left, right);
          else this.horizontal.set(row, [left, right]);
        }
      }
      if (bottom > top) {
        const at = this.anchors.length;
        this.anchors.push(area.top, area.left);
        for (let row = top; row <= bottom; row++) {
          for (let column = left; column <= right; column++) {
            if (row === area.top && column === area.left) continue;
            this.verticalFill.set(this.index(row, column), at);
            this.rowsWithFill[row - this.firstRow] = 1;
          }
        }
      }
    }
  }

  /** Index of a cell inside the grid (callers check the bounds). */
  private index(row: number, column: number): number {
    return (row - this.firstRow) * this.stride + (column - this.firstColumn);
  }

  /** The value as written in the sheet (no merge resolution). */
  raw(row: number, column: number): CellValue {
    const line = this.values[row - this.firstRow];
    if (!Array.isArray(line)) return "";
    const value = line[column - this.firstColumn];
    return value === undefined ? "" : value;
  }

  /** The value a reader sees: vertically merged cells carry their area's value. */
  value(row: number, column: number): CellValue {
    if (this.rowsWithFill[row - this.firstRow] === 1 && column >= this.firstColumn && column <= this.lastColumn) {
      const at = this.verticalFill.get(this.index(row, column));
      if (at !== undefined) return this.raw(this.anchors[at], this.anchors[at + 1]);
    }
    return this.raw(row, column);
  }

  text(row: number, column: number): string {
    const value = this.value(row, column);
    // cellText's result, without its toPrecision(15) for whole numbers (ids, date serials): those print
    // exactly below 1e15, so String() gives the same text.
    if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
    return cellText(value);
  }

  /** The text as written in the cell itself (merged cells other than the top-left read ""). */
  rawText(row: number, column: number): string {
    return cellText(this.raw(row, column));
  }

  numberFormat(row: number, column: number): string | null {
    const formats = this.grid.numberFormats;
    if (!Array.isArray(formats)) return null;
    const line = formats[row - this.firstRow];
    if (!Array.isArray(line)) return null;
    const format = line[column - this.firstColumn];
    return typeof format === "string" ? format : null;
  }

  isHorizontallyMerged(row: number, column: number): boolean {
    const spans = this.horizontal.get(row);
    if (!spans) return false;
    for (let i = 0; i < spans.length; i += 2) if (column >= spans[i] && column <= spans[i + 1]) return true;
    return false;
  }

  /** Columns spanned by a merged area whose top-left cell is (row, column); 1 when none. */
  mergeWidthAt(row: number, column: number): number {
    return this.mergeWidth.get(key(row, column)) ?? 1;
  }

  isRowBlank(row: number, firstColumn: number, lastColumn: number): boolean {
    for (let column = firstColumn; column <= lastColumn; column++) if (this.text(row, column) !== "") return false;
    return true;
  }
}
