// The floor again, with exceljs' merged-cell check made linear: exceljs 4.4 checks every new merged area
// against every earlier one (Worksheet._mergeCellsInternal walks Object.keys of all merges), so reading a
// sheet with n merged areas costs O(n²). This variant indexes the covered cells instead — same result for a
// valid file — to show what reading costs without that quadratic step. Benchmark only.
//   node bench/floorLinearMerges.cjs FILE.xlsx
const ExcelJS = require("exceljs");
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

new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).catch((error) => {
  console.error(`floor: ${error.message}`);
  process.exitCode = 2;
});
