import type { CellValue, Grid, MergedArea } from "../../src/core/types";

/** A grid at A1 from rows of values; merges as "A2:G2" strings. */
export function grid(sheet: string, values: CellValue[][], merges: string[] = []): Grid {
  return { sheet, origin: { row: 1, column: 1 }, values, merges: merges.map(parseArea) };
}

export function parseArea(address: string): MergedArea {
  const [a, b] = address.split(":");
  const cell = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    let column = 0;
    for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), column };
  };
  const from = cell(a);
  const to = cell(b ?? a);
  return { top: from.row, left: from.column, bottom: to.row, right: to.column };
}
