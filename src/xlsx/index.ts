/** The .xlsx WorkbookPort: for the CLI and the standalone task pane. */
export { XlsxWorkbook, sheetNameFromFileName } from "./XlsxWorkbook";
export { decodeText, parseCsv } from "./csv";
export { dateToSerial, serialToDate } from "./cellValue";
