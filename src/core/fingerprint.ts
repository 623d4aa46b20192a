/**
 * A fingerprint of the plan table as the sheet holds it: the cells from the header row down to the end of the used
 * range (rows added below the table count) over the table's columns, and the merged areas among them. Kept with a check's result, it tells the pane whether the
 * plan changed since (a user's edit) or not (our own writes: highlights, report and data sheets never touch
 * those cells). Pure: Grid in, string out.
 */
import type { CellValue, Grid, TableLocation } from "./types";

/** 53-bit string hash (cyrb53): two 32-bit lanes, mixed. */
function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const token = (value: CellValue | undefined): string => {
  if (value === null || value === undefined || value === "") return "";
  return `${typeof value === "number" ? "n" : typeof value === "boolean" ? "b" : "s"}${String(value)}`;
};

/** The fingerprint of `table`'s cells in `grid` (the grid of table.sheet). */
export function tableFingerprint(grid: Grid, table: TableLocation): string {
  const parts: string[] = [`${table.firstColumn}:${table.lastColumn}`];
  const lastRow = Math.max(table.lastDataRow, grid.origin.row + grid.values.length - 1);
  for (let row = table.headerRow; row <= lastRow; row++) {
    const line = grid.values[row - grid.origin.row] ?? [];
    const cells: string[] = [];
    for (let column = table.firstColumn; column <= table.lastColumn; column++) {
      cells.push(token(line[column - grid.origin.column]));
    }
    parts.push(cells.join("\u0001"));
  }
  for (const m of grid.merges) {
    if (m.bottom < table.headerRow || m.top > lastRow) continue;
    if (m.right < table.firstColumn || m.left > table.lastColumn) continue;
    parts.push(`m${m.top},${m.left},${m.bottom},${m.right}`);
  }
  const text = parts.join("\u0002");
  return `${hash53(text)}.${hash53(text, 7)}.${text.length}`;
}
