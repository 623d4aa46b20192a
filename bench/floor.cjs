// The floor of the command line: exceljs reading the workbook, nothing else.
//   node bench/floor.cjs FILE.xlsx
const ExcelJS = require("exceljs");

new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).catch((error) => {
  console.error(`floor: ${error.message}`);
  process.exitCode = 2;
});
