// Preload (node -r bench/linearMerges.cjs ...): replaces exceljs' merged-cell check, which compares every new
// merged area with every earlier one (Worksheet._mergeCellsInternal walks Object.keys of all merges, so reading
// a sheet with n merged areas costs O(n²)), by an index of the covered cells — same result for a valid file.
// Benchmark only: shows what reading costs without that quadratic step, for exceljs alone and for the CLI.
const Worksheet = require("exceljs/lib/doc/worksheet");

Worksheet.prototype._mergeCellsInternal = function mergeCellsIndexed(dimensions, ignoreStyle) {
  const covered = (this.__coveredByMerges ??= new Set());
  const { top, left, bottom, right } = dimensions;
  for (let row = top; row <= bottom; row++) {
    for (let column = left; column <= right; column++) {
      if (covered.has(row * 16384 + column)) throw new Error("Cannot merge already merged cells");
    }
  }
  const master = this.getCell(top, left);
  for (let row = top; row <= bottom; row++) {
    for (let column = left; column <= right; column++) {
      covered.add(row * 16384 + column);
      if (row > top || column > left) this.getCell(row, column).merge(master, ignoreStyle);
    }
  }
  this._merges[master.address] = dimensions;
};
