// The floor of `check FILE --out COPY`: exceljs reading the workbook and writing it again, nothing else.
// The benchmark preloads bench/linearMerges.cjs (exceljs' quadratic merged-cell check made linear).
//   node -r bench/linearMerges.cjs bench/floorWrite.cjs FILE.xlsx COPY.xlsx
const ExcelJS = require("exceljs");

const [file, copy] = process.argv.slice(2);
const workbook = new ExcelJS.Workbook();
workbook.xlsx
  .readFile(file)
  .then(() => workbook.xlsx.writeFile(copy))
  .catch((error) => {
    console.error(`floorWrite: ${error.message}`);
    process.exitCode = 2;
  });
