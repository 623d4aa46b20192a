/** CSV text -> rows of cell values, the way Excel opens a .csv: numbers become numbers, the rest stays text. */
import type { CellValue } from "../core/types";

/** Decode CSV bytes: UTF-8 (with or without BOM), else GB18030 (what Chinese Excel saves as "CSV"). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("gb18030").decode(bytes);
    } catch {
      return new TextDecoder("utf-8").decode(bytes);
    }
  }
}

/** The delimiter of the first line: a comma unless the line has tabs (or semicolons) and no comma. */
function delimiterOf(text: string): string {
  const end = text.search(/\r?\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  if (firstLine.includes(",")) return ",";
  if (firstLine.includes("\t")) return "\t";
  if (firstLine.includes(";")) return ";";
  return ",";
}

/** Plain decimal numbers without leading zeros become numbers ("007" and "1e5" stay text). */
const NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

function cellOf(text: string, quoted: boolean): CellValue {
  if (!quoted && NUMBER.test(text)) return Number(text);
  return text;
}

/** RFC 4180 with the usual leniency: quoted fields may hold delimiters, quotes ("") and line breaks. */
export function parseCsv(input: string): CellValue[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = delimiterOf(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let inQuotes = false;
  let i = 0;
  const endField = () => {
    row.push(cellOf(field, quoted));
    field = "";
    quoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      inQuotes = true;
      quoted = true;
    } else if (ch === delimiter) endField();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else if (ch === "\n" || ch === "\r") endRow();
    else field += ch;
    i++;
  }
  if (field !== "" || quoted || row.length > 0) endRow();
  // Trailing empty cells and rows carry nothing.
  for (const r of rows) while (r.length > 0 && r[r.length - 1] === "") r.pop();
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}
