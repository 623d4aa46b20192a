/** Aligned text tables for the terminal (CJK-aware widths), with an optional colour per row. */
import { displayWidth, padEnd, padStart } from "./width";

export interface Column {
  header: string;
  align?: "left" | "right";
}

export interface TableOptions {
  indent?: string;
  /** Colour a whole rendered line (called after padding, so escapes never disturb alignment). */
  paintRow?: (line: string, rowIndex: number) => string;
  paintHeader?: (line: string) => string;
}

const GAP = "  ";

/** One line per row; the last column is never padded (long messages just run on). */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string[] {
  const indent = options.indent ?? "";
  const widths = columns.map((column, c) =>
    Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[c] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    indent +
    columns
      .map((column, c) => {
        const text = cells[c] ?? "";
        if (c === columns.length - 1 && column.align !== "right") return text;
        return column.align === "right" ? padStart(text, widths[c]) : padEnd(text, widths[c]);
      })
      .join(GAP)
      // trimEnd, not /\s+$/: the regular expression is quadratic on a long line of padding.
      .trimEnd();
  const header = line(columns.map((column) => column.header));
  return [
    options.paintHeader ? options.paintHeader(header) : header,
    ...rows.map((row, i) => (options.paintRow ? options.paintRow(line(row), i) : line(row))),
  ];
}
