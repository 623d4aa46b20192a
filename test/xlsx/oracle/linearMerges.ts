/**
 * exceljs 4.4 checks every new merged area against every earlier one (Worksheet._mergeCellsInternal walks all
 * merges), so reading a sheet with n merged areas costs O(n²): a 100k-row ledger with 19k merged section rows
 * spends ~20 s there. This replaces the check with an index of covered cells. The index can only be stale
 * in one direction (cells of an area since unmerged, or merges reset by the model setter), so a hit falls back
 * to exceljs' own check: the result is exactly exceljs' for every file.
 * Works on the Node package and on exceljs' prebuilt browser bundle alike (through a worksheet's prototype).
 */
import ExcelJS from "exceljs";

interface Dimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface WorksheetInternals {
  _mergeCellsInternal(dimensions: Dimensions, ignoreStyle?: boolean): void;
  _merges: Record<string, unknown>;
  __fengongCovered?: Set<number>;
  __fengongLarge?: Dimensions[];
}

/** Areas larger than this are kept in a list (checked by intersection) rather than indexed cell by cell. */
const LARGE_AREA = 4096;

const intersects = (a: Dimensions, b: Dimensions): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

const PATCHED = Symbol.for("fengong.exceljs.linearMerges");

export function enableLinearMergeCheck(): void {
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("x")) as WorksheetInternals & {
    [PATCHED]?: boolean;
  };
  if (proto[PATCHED] || typeof proto._mergeCellsInternal !== "function") return;
  const original = proto._mergeCellsInternal;
  proto._mergeCellsInternal = function (this: WorksheetInternals, dimensions: Dimensions, ignoreStyle?: boolean) {
    const covered = (this.__fengongCovered ??= new Set<number>());
    const large = (this.__fengongLarge ??= []);
    const { top, left, bottom, right } = dimensions;
    const isLarge = (bottom - top + 1) * (right - left + 1) > LARGE_AREA;
    let suspect = isLarge || large.some((area) => intersects(area, dimensions));
    for (let row = top; row <= bottom && !suspect; row++) {
      for (let column = left; column <= right; column++) {
        if (covered.has(row * 16384 + column)) {
          suspect = true;
          break;
        }
      }
    }
    if (suspect) {
      original.call(this, dimensions, ignoreStyle); // exceljs' own (full) check and merge
    } else {
      // No earlier area covers any of these cells, so exceljs' check would pass: let it check an empty list.
      const merges = this._merges;
      this._merges = {};
      try {
        original.call(this, dimensions, ignoreStyle);
      } finally {
        const added = this._merges;
        this._merges = merges;
        Object.assign(merges, added);
      }
    }
    if (isLarge) large.push({ top, left, bottom, right });
    else
      for (let row = top; row <= bottom; row++)
        for (let column = left; column <= right; column++) covered.add(row * 16384 + column);
  };
  proto[PATCHED] = true;
}
